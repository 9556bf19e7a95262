import {
  AnnualRating,
  FamilyRelation,
  CommitteeKind,
  PersonEntryKind,
  PersonRecordKind,
  PoliticalTheoryLevel,
  QualificationLevel,
  TrainingKind,
} from '@canbo/shared';
import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField, NameField, TextField } from '../../../core/validation/validation';

registerEnumType(QualificationLevel, { name: 'QualificationLevel' });
registerEnumType(PoliticalTheoryLevel, { name: 'PoliticalTheoryLevel', description: 'BACHELOR (political science) counts as ADVANCED' });
registerEnumType(TrainingKind, { name: 'TrainingKind' });
registerEnumType(AnnualRating, { name: 'AnnualRating' });
registerEnumType(FamilyRelation, { name: 'FamilyRelation', description: 'Family relations of form 2C' });

/** The content of a person record; which fields are needed depends on the kind (checked by the service). */
@InputType({ isAbstract: true })
export abstract class PersonRecordFields {
  @Field(() => ID, { nullable: true, description: 'TITLE: the title of the catalogue' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã chức danh không hợp lệ' })
  titleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'TITLE, COMMITTEE: the unit' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;

  @Field(() => CommitteeKind, { nullable: true, description: 'COMMITTEE: executive or standing' })
  @IsOptional()
  @IsEnum(CommitteeKind, { message: 'Loại cấp ủy không hợp lệ' })
  committee?: CommitteeKind | null;

  @Field(() => String, { nullable: true, description: 'COMMITTEE: the term, e.g. 2025-2030' })
  @IsOptional()
  @Matches(/^[0-9]{4}-[0-9]{4}$/u, { message: 'Nhiệm kỳ phải có dạng 2025-2030' })
  term?: string | null;

  @Field(() => QualificationLevel, { nullable: true, description: 'QUALIFICATION' })
  @IsOptional()
  @IsEnum(QualificationLevel, { message: 'Trình độ chuyên môn không hợp lệ' })
  qualificationLevel?: QualificationLevel | null;

  @Field(() => PoliticalTheoryLevel, { nullable: true, description: 'POLITICAL_THEORY' })
  @IsOptional()
  @IsEnum(PoliticalTheoryLevel, { message: 'Trình độ lý luận chính trị không hợp lệ' })
  politicalTheoryLevel?: PoliticalTheoryLevel | null;

  @Field(() => String, { nullable: true, description: 'STATE_MANAGEMENT, IT, FOREIGN_LANGUAGE: the level as text' })
  @TextField(200)
  level?: string | null;

  @Field(() => String, { nullable: true, description: 'QUALIFICATION: field of study' })
  @TextField(200)
  field?: string | null;

  @Field(() => String, { nullable: true, description: 'QUALIFICATION: institution' })
  @TextField(300)
  institution?: string | null;

  @Field(() => Int, { nullable: true, description: 'QUALIFICATION: year obtained' })
  @IsOptional()
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(1950, { message: 'Năm không hợp lệ' })
  @Max(2100, { message: 'Năm không hợp lệ' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'FOREIGN_LANGUAGE: the language' })
  @TextField(100)
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'CIVIL_SERVICE_RANK: rank code (mã ngạch)' })
  @TextField(20)
  rankCode?: string | null;

  @Field(() => String, { nullable: true, description: 'CIVIL_SERVICE_RANK: rank name' })
  @TextField(200)
  rankName?: string | null;

  @Field(() => Int, { nullable: true, description: 'CIVIL_SERVICE_RANK: salary step (bậc lương)' })
  @IsOptional()
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(1, { message: 'Bậc lương phải từ 1 đến 20' })
  @Max(20, { message: 'Bậc lương phải từ 1 đến 20' })
  salaryStep?: number | null;
}

@InputType({ description: 'A new record of a person for a period' })
export class AddPersonRecordInput extends PersonRecordFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã hồ sơ không hợp lệ' })
  personId: string;

  @Field(() => PersonRecordKind)
  @IsEnum(PersonRecordKind, { message: 'Loại bản ghi không hợp lệ' })
  kind: PersonRecordKind;


  @Field(() => LocalDateScalar)
  @DateField()
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day after the last day (open when omitted)' })
  @DateField(true)
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Decision or reason' })
  @TextField()
  reason?: string | null;
}

@InputType({ description: 'A real change of a record from a date: it holds until then, the new content from then' })
export class ChangePersonRecordInput extends PersonRecordFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã bản ghi không hợp lệ' })
  recordId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => LocalDateScalar, { description: 'First day of the new content' })
  @DateField()
  effectiveFrom: string;


  @Field(() => String, { nullable: true, description: 'Decision or reason' })
  @TextField()
  reason?: string | null;
}

@InputType({ description: 'Ends a record: it holds until the day before validTo' })
export class EndPersonRecordInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã bản ghi không hợp lệ' })
  recordId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => LocalDateScalar, { description: 'Day after the last day' })
  @DateField()
  validTo: string;

  @Field(() => String, { nullable: true, description: 'Decision or reason' })
  @TextField()
  reason?: string | null;
}

@InputType({ description: 'The correction of a mistaken record (content or period), marked as a correction' })
export class CorrectPersonRecordInput extends PersonRecordFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã bản ghi không hợp lệ' })
  recordId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;


  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Omitted: unchanged; null: open' })
  @DateField(true)
  validTo?: string | null;

  @Field({ description: 'Why the earlier record was wrong' })
  @TextField()
  @IsNotEmpty({ message: 'Phải nêu lý do đính chính' })
  reason: string;
}

/** The content of a dated entry; which fields are needed depends on the kind (checked by the service). */
@InputType({ isAbstract: true })
export abstract class PersonEntryFields {
  @Field(() => LocalDateScalar, { nullable: true, description: 'TRAINING: first day; COMMENDATION, DISCIPLINE: decision date' })
  @DateField(true)
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'TRAINING: last day' })
  @DateField(true)
  dateTo?: string | null;

  @Field(() => Int, { nullable: true, description: 'RATING: the year rated; FAMILY: the birth year' })
  @IsOptional()
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(1900, { message: 'Năm không hợp lệ' })
  @Max(2100, { message: 'Năm không hợp lệ' })
  year?: number | null;

  @Field(() => AnnualRating, { nullable: true, description: 'RATING' })
  @IsOptional()
  @IsEnum(AnnualRating, { message: 'Mức xếp loại không hợp lệ' })
  rating?: AnnualRating | null;

  @Field(() => String, { nullable: true, description: 'TRAINING: the course' })
  @TextField(300)
  course?: string | null;

  @Field(() => TrainingKind, { nullable: true, description: 'TRAINING' })
  @IsOptional()
  @IsEnum(TrainingKind, { message: 'Loại đào tạo không hợp lệ' })
  trainingKind?: TrainingKind | null;

  @Field(() => String, { nullable: true, description: 'TRAINING: certificate' })
  @TextField(300)
  certificate?: string | null;

  @Field(() => String, { nullable: true, description: 'COMMENDATION, DISCIPLINE: the form (e.g. Bằng khen, Khiển trách)' })
  @TextField(200)
  measure?: string | null;

  @Field(() => String, { nullable: true, description: 'COMMENDATION, DISCIPLINE: the decision' })
  @TextField(200)
  decision?: string | null;

  @Field(() => FamilyRelation, { nullable: true, description: 'FAMILY: the relation (form 2C)' })
  @IsOptional()
  @IsEnum(FamilyRelation, { message: 'Quan hệ gia đình không hợp lệ' })
  relation?: FamilyRelation | null;

  @Field(() => String, { nullable: true, description: 'FAMILY: full name of the relative' })
  @NameField(200, true)
  relativeName?: string | null;

  @Field(() => String, { nullable: true, description: 'FAMILY: occupation, position and workplace' })
  @TextField(500)
  occupation?: string | null;

  @Field(() => String, { nullable: true, description: 'FAMILY: where the relative lives now' })
  @TextField(500)
  residence?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text' })
  @TextField()
  text?: string | null;
}

@InputType({ description: 'A new dated entry of a person' })
export class AddPersonEntryInput extends PersonEntryFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã hồ sơ không hợp lệ' })
  personId: string;

  @Field(() => PersonEntryKind)
  @IsEnum(PersonEntryKind, { message: 'Loại mục không hợp lệ' })
  kind: PersonEntryKind;

}

@InputType({ description: 'The correction of a mistaken entry, marked as a correction (the entry is superseded, not overwritten)' })
export class CorrectPersonEntryInput extends PersonEntryFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã mục không hợp lệ' })
  entryId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;


  @Field({ description: 'Why the earlier entry was wrong' })
  @TextField()
  @IsNotEmpty({ message: 'Phải nêu lý do đính chính' })
  reason: string;
}

@InputType({ description: 'Overrides the derived "local or not" of a person (null: back to derived)' })
export class SetPersonLocalOverrideInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã hồ sơ không hợp lệ' })
  personId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Boolean, { nullable: true, description: 'true: local; false: not local; null: derived' })
  @IsOptional()
  @IsBoolean({ message: 'Phải là đúng hoặc sai' })
  isLocal?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Required when overriding' })
  @TextField()
  reason?: string | null;
}
