import { Gender, PersonStatus, StaffCategory } from '@canbo/shared';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../core/graphql/pagination';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField, SearchField } from '../../../core/validation/validation';

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
