import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { DateField } from '../validation/validation';
import { LocalDateScalar } from './local-date.scalar';

/** The reference date of a report or a measure (the situation report, the targets). */
@ArgsType()
export class AsOfArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The reference date (default today; not before 2025-07-01)' })
  @DateField(true)
  asOf?: string | null;
}

/** The reference date, and one commune-level unit of the caller's scope or all of them. */
@ArgsType()
export class AsOfUnitArgs extends AsOfArgs {
  @Field(() => ID, { nullable: true, description: 'One commune-level unit (default: every unit of the caller’s scope)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;
}
