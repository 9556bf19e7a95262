import { ArgsType, Field, GraphQLISODateTime, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField } from '../../../core/validation/validation';

@ArgsType()
export class EstablishmentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The date the values hold on (default today)' })
  @DateField(true)
  asOf?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Answer as the registry knew it then (default now)' })
  @IsOptional()
  asKnownAt?: Date | null;
}

@ArgsType()
export class EstablishmentHistoryArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId: string;

  @Field(() => String, { nullable: true, description: 'Only this item' })
  @IsOptional()
  @MaxLength(120)
  itemKey?: string | null;
}
