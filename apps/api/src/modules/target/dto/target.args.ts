import { ArgsType } from '@nestjs/graphql';
import { AsOfArgs, AsOfUnitArgs } from '../../../core/graphql/as-of.args';

@ArgsType()
export class TargetsArgs extends AsOfUnitArgs {}

@ArgsType()
export class TargetsByUnitArgs extends AsOfArgs {}
