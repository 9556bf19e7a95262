import { AgeBand, CommitteeKind, Gender, PersonStatus, PoliticalTheoryLevel, QualificationLevel, StaffCategory } from '@canbo/shared';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../core/graphql/pagination';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField, SearchField } from '../../../core/validation/validation';

registerEnumType(AgeBand, { name: 'AgeBand', description: 'YOUNG: under the age of the dated rule AGE_BAND_RULES on the reference date' });

@InputType()
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Names, ignoring diacritics and case; digits only search the national ID (needs personnel.read_sensitive)',
  })
  @SearchField()
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Assigned to the unit, or seconded in' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Assigned to the body (of the home unit)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã tổ chức không hợp lệ' })
  bodyId?: string | null;

  @Field(() => StaffCategory, { nullable: true })
  @IsOptional()
  @IsEnum(StaffCategory, { message: 'Loại cán bộ không hợp lệ' })
  staffCategory?: StaffCategory | null;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender, { message: 'Giới tính không hợp lệ' })
  gender?: Gender | null;

  @Field(() => PersonStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PersonStatus, { message: 'Tình trạng không hợp lệ' })
  status?: PersonStatus | null;

  @Field(() => String, { nullable: true, description: 'Needs personnel.read_sensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  ethnicityCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Holds this title (catalogue) on asOf' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã chức danh không hợp lệ' })
  titleId?: string | null;

  @Field(() => CommitteeKind, { nullable: true, description: 'Member of this party committee on asOf' })
  @IsOptional()
  @IsEnum(CommitteeKind, { message: 'Loại cấp ủy không hợp lệ' })
  committee?: CommitteeKind | null;

  @Field(() => AgeBand, { nullable: true, description: 'YOUNG: under AGE_BAND_RULES.youngUnderAge (42) on asOf' })
  @IsOptional()
  @IsEnum(AgeBand, { message: 'Nhóm tuổi không hợp lệ' })
  ageBand?: AgeBand | null;

  @Field(() => QualificationLevel, { nullable: true, description: 'Professional qualification on asOf (NOT_RECORDED: none recorded)' })
  @IsOptional()
  @IsEnum(QualificationLevel, { message: 'Trình độ chuyên môn không hợp lệ' })
  qualificationLevel?: QualificationLevel | null;

  @Field(() => PoliticalTheoryLevel, { nullable: true, description: 'Political theory on asOf (ADVANCED includes the political-science BACHELOR)' })
  @IsOptional()
  @IsEnum(PoliticalTheoryLevel, { message: 'Trình độ lý luận chính trị không hợp lệ' })
  politicalTheoryLevel?: PoliticalTheoryLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'Local (or not) to the unit of the assignment in force on asOf' })
  @IsOptional()
  @IsBoolean({ message: 'Phải là đúng hoặc sai' })
  isLocal?: boolean | null;
}

@ArgsType()
export class PersonsArgs extends PageArgs {
  @Field(() => PersonFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonFilter)
  filter?: PersonFilter | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The date the assignments hold on (default today)' })
  @DateField(true)
  asOf?: string | null;
}

@ArgsType()
export class PersonArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã hồ sơ không hợp lệ' })
  id: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The date the assignment holds on (default today)' })
  @DateField(true)
  asOf?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Answer as the registry knew it then (default now)' })
  @IsOptional()
  asKnownAt?: Date | null;
}

@ArgsType()
export class PersonTimelineArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã hồ sơ không hợp lệ' })
  id: string;
}
