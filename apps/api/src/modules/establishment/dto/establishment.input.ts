import { CommitteeKind, EstablishmentItemKind, LIMITS, ProfessionalField, StaffCategory } from '@canbo/shared';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { CountField, DateField, TextField } from '../../../core/validation/validation';

@InputType({ description: 'A real change of an establishment value from a date' })
export class ChangeEstablishmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Mã tổ chức không hợp lệ' })
  bodyId?: string | null;

  @Field(() => EstablishmentItemKind)
  @IsEnum(EstablishmentItemKind, { message: 'Loại định suất không hợp lệ' })
  itemKind: EstablishmentItemKind;

  @Field(() => StaffCategory, { nullable: true })
  @IsOptional()
  @IsEnum(StaffCategory, { message: 'Loại cán bộ không hợp lệ' })
  staffCategory?: StaffCategory | null;

  @Field(() => CommitteeKind, { nullable: true })
  @IsOptional()
  @IsEnum(CommitteeKind, { message: 'Loại cấp ủy không hợp lệ' })
  committee?: CommitteeKind | null;

  @Field(() => String, { nullable: true, description: 'Committee term, e.g. 2025-2030' })
  @IsOptional()
  @Matches(LIMITS.termPattern, { message: 'Nhiệm kỳ phải có dạng YYYY-YYYY' })
  term?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Mã chức danh không hợp lệ' })
  titleId?: string | null;

  @Field(() => ProfessionalField, { nullable: true })
  @IsOptional()
  @IsEnum(ProfessionalField, { message: 'Lĩnh vực không hợp lệ' })
  field?: ProfessionalField | null;

  @Field(() => Int)
  @CountField()
  value: number;

  @Field(() => LocalDateScalar, { description: 'First day the new value holds' })
  @DateField()
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'Decision or reason' })
  @TextField()
  reason?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The record in force on effectiveFrom that the user saw (none if there was none)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Mã bản ghi không hợp lệ' })
  baseRecordId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of baseRecordId that the user saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  baseVersion?: number | null;
}

@InputType({ description: 'The correction of a mistaken value: same period, marked as a correction' })
export class CorrectEstablishmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã bản ghi không hợp lệ' })
  recordId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Int)
  @CountField()
  value: number;

  @Field({ description: 'Why the earlier value was wrong' })
  @TextField()
  @IsNotEmpty({ message: 'Phải nêu lý do đính chính' })
  reason: string;
}
