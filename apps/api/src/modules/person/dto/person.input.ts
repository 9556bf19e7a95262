import { ETHNIC_GROUPS, Gender, NATIONAL_ID_PATTERN, PersonStatus, RecordKind, StaffCategory } from '@canbo/shared';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField, NameField, TextField } from '../../../core/validation/validation';

const ETHNICITY_CODES = ETHNIC_GROUPS.map((g) => g.code);
const PARTY_CARD_PATTERN = /^[0-9]{1,20}$/u;
const PHONE_PATTERN = /^[0-9+][0-9 .()-]{5,19}$/u;

/** A national ID: exactly 12 digits; spaces, letters or other lengths are refused (not trimmed away). */
function NationalIdField(optional = false) {
  return (target: object, key: string) => {
    if (optional) IsOptional()(target, key);
    IsString({ message: 'Phải là chuỗi ký tự' })(target, key);
    Matches(NATIONAL_ID_PATTERN, { message: 'Số định danh cá nhân phải gồm đúng 12 chữ số' })(target, key);
  };
}

function EthnicityField() {
  return (target: object, key: string) => {
    IsOptional()(target, key);
    IsIn(ETHNICITY_CODES, { message: 'Mã dân tộc không có trong danh mục 54 dân tộc' })(target, key);
  };
}

/** Identity fields shared by creation and update (all optional here; creation re-declares the required ones). */
@InputType({ isAbstract: true })
abstract class IdentityFields {
  @Field(() => String, { nullable: true })
  @NameField(200, true)
  otherNames?: string | null;

  @Field(() => String, { nullable: true })
  @TextField(500)
  birthPlace?: string | null;

  @Field(() => String, { nullable: true, description: 'Quê quán' })
  @TextField(500)
  hometown?: string | null;

  @Field(() => String, { nullable: true })
  @TextField(500)
  permanentResidence?: string | null;

  @Field(() => String, { nullable: true })
  @TextField(500)
  currentResidence?: string | null;

  @Field(() => String, { nullable: true, description: 'Code of one of the 54 ethnic groups' })
  @EthnicityField()
  ethnicityCode?: string | null;

  @Field(() => String, { nullable: true })
  @TextField(100)
  religion?: string | null;

  @Field(() => String, { nullable: true })
  @TextField(200)
  healthStatus?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'Số điện thoại không hợp lệ' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Không được dài quá 200 ký tự' })
  @IsEmail({}, { message: 'Địa chỉ thư điện tử không hợp lệ' })
  email?: string | null;

  @Field(() => PersonStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PersonStatus, { message: 'Tình trạng không hợp lệ' })
  status?: PersonStatus | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  startedWorkOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  enteredCivilServiceOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Sensitive: date admitted to the party' })
  @DateField(true)
  partyJoinedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Sensitive: date of full (official) party membership' })
  @DateField(true)
  partyConfirmedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Sensitive: party card number' })
  @IsOptional()
  @Matches(PARTY_CARD_PATTERN, { message: 'Số thẻ đảng viên chỉ gồm chữ số (tối đa 20 ký tự)' })
  partyCardNumber?: string | null;
}

@InputType({ description: 'A new person with the first assignment' })
export class CreatePersonInput extends IdentityFields {
  @Field()
  @NameField()
  fullName: string;

  @Field(() => Gender)
  @IsEnum(Gender, { message: 'Giới tính không hợp lệ' })
  gender: Gender;

  @Field(() => LocalDateScalar)
  @DateField()
  birthDate: string;

  @Field({ description: '12 digits' })
  @NationalIdField()
  nationalId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Mã tổ chức không hợp lệ' })
  bodyId?: string | null;

  @Field(() => StaffCategory)
  @IsEnum(StaffCategory, { message: 'Loại cán bộ không hợp lệ' })
  staffCategory: StaffCategory;

  @Field()
  @NameField()
  jobPosition: string;

  @Field(() => LocalDateScalar, { description: 'First day of the first assignment' })
  @DateField()
  validFrom: string;
}

@InputType({ description: 'A change (real) or correction (of a mistake) of identity fields; omitted fields stay' })
export class UpdatePersonIdentityInput extends IdentityFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã hồ sơ không hợp lệ' })
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => RecordKind)
  @IsEnum(RecordKind, { message: 'Loại ghi nhận không hợp lệ' })
  kind: RecordKind;

  @Field(() => String, { nullable: true, description: 'Required for a correction' })
  @TextField()
  reason?: string | null;

  @Field(() => String, { nullable: true })
  @NameField(200, true)
  fullName?: string | null;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender, { message: 'Giới tính không hợp lệ' })
  gender?: Gender | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  @NationalIdField(true)
  nationalId?: string | null;
}

@InputType({ description: 'A real change of a person’s assignment from a date' })
export class ChangePersonAssignmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã hồ sơ không hợp lệ' })
  personId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Mã tổ chức không hợp lệ' })
  bodyId?: string | null;

  @Field(() => StaffCategory)
  @IsEnum(StaffCategory, { message: 'Loại cán bộ không hợp lệ' })
  staffCategory: StaffCategory;

  @Field()
  @NameField()
  jobPosition: string;

  @Field(() => ID, { nullable: true, description: 'Host unit when seconded' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  secondedToUnitId?: string | null;

  @Field(() => LocalDateScalar, { description: 'First day the new assignment holds' })
  @DateField()
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: 'Decision or reason' })
  @TextField()
  reason?: string | null;

  @Field(() => ID, { nullable: true, description: 'The record in force on effectiveFrom that the user saw (none if none)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã bản ghi không hợp lệ' })
  baseRecordId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of baseRecordId that the user saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  baseVersion?: number | null;
}

@InputType({ description: 'The correction of a mistaken assignment record: same period, marked as a correction' })
export class CorrectPersonAssignmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã bản ghi không hợp lệ' })
  recordId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => ID, { nullable: true, description: 'Omitted: unchanged' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Omitted: unchanged; null: none' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã tổ chức không hợp lệ' })
  bodyId?: string | null;

  @Field(() => StaffCategory, { nullable: true })
  @IsOptional()
  @IsEnum(StaffCategory, { message: 'Loại cán bộ không hợp lệ' })
  staffCategory?: StaffCategory | null;

  @Field(() => String, { nullable: true })
  @NameField(200, true)
  jobPosition?: string | null;

  @Field(() => ID, { nullable: true, description: 'Omitted: unchanged; null: not seconded' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  secondedToUnitId?: string | null;

  @Field({ description: 'Why the earlier record was wrong' })
  @TextField()
  @IsNotEmpty({ message: 'Phải nêu lý do đính chính' })
  reason: string;
}
