import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField } from '../../../core/validation/validation';

@ArgsType()
export class TargetsArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The reference date (default today; not before 2025-07-01)' })
  @DateField(true)
  asOf?: string | null;

  @Field(() => ID, { nullable: true, description: 'One commune-level unit (default: every unit of the caller’s scope)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;
}

@ArgsType()
export class TargetsByUnitArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The reference date (default today; not before 2025-07-01)' })
  @DateField(true)
  asOf?: string | null;
}
