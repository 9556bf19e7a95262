import { AgencyBranch, LIMITS, UnitKind } from '@canbo/shared';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { CodeField, DateField, NameField, TextField } from '../../../core/validation/validation';

@InputType()
export class CreateUnitInput {
  @Field({ description: 'Stable machine code (lower-case latin, digits, - . _)' })
  @CodeField()
  code: string;

  @Field()
  @NameField()
  name: string;

  @Field(() => String, { nullable: true })
  @NameField(LIMITS.shortNameMaxLength, true)
  shortName?: string | null;

  @Field(() => UnitKind)
  @IsEnum(UnitKind, { message: 'Loại đơn vị không hợp lệ' })
  kind: UnitKind;

  @Field(() => AgencyBranch, { nullable: true })
  @IsOptional()
  @IsEnum(AgencyBranch, { message: 'Khối không hợp lệ' })
  branch?: AgencyBranch | null;

  @Field(() => ID, { nullable: true, description: 'The unit this one belongs to (the province)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  parentId?: string | null;

  @Field(() => LocalDateScalar)
  @DateField()
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  validTo?: string | null;

  @Field(() => Boolean, {
    defaultValue: true,
    description: 'For a commune-level unit: create its standard bodies and the default establishment in force',
  })
  @IsOptional()
  @IsBoolean()
  applyDefaults?: boolean;
}

@InputType()
export class UpdateUnitInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  id: string;

  @Field(() => Int, { description: 'The version read; a newer one answers CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @NameField(LIMITS.nameMaxLength, true)
  name?: string;

  @Field(() => String, { nullable: true })
  @NameField(LIMITS.shortNameMaxLength, true)
  shortName?: string | null;

  @Field(() => UnitKind, { nullable: true })
  @IsOptional()
  @IsEnum(UnitKind, { message: 'Loại đơn vị không hợp lệ' })
  kind?: UnitKind;

  @Field(() => AgencyBranch, { nullable: true })
  @IsOptional()
  @IsEnum(AgencyBranch, { message: 'Khối không hợp lệ' })
  branch?: AgencyBranch | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  validFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  validTo?: string | null;
}

@InputType()
export class RecordUnitSuccessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  predecessorId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  successorId: string;

  @Field(() => LocalDateScalar, { description: 'First day of the successor; the predecessor ends the day before' })
  @DateField()
  effectiveDate: string;

  @Field(() => String, { nullable: true })
  @TextField()
  note?: string | null;
}
