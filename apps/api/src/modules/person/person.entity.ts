import { Gender, PersonStatus, RecordKind, StaffCategory } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { GraphQLJSON } from '../../core/graphql/json.scalar';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { PersonEntryEntity, PersonRecordEntity } from './person-record.entity';
import { BitemporalRecord } from '../../core/database/bitemporal-record';

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(PersonStatus, { name: 'PersonStatus', description: 'Serving, on leave, seconded out, retired, left, deceased' });

/**
 * The identity fields of a person, in the order of the form. Each write of them stores the whole set in a
 * person_revision (recorded-time history).
 */
export const IDENTITY_FIELDS = [
  'fullName',
  'otherNames',
  'gender',
  'birthDate',
  'birthPlace',
  'hometown',
  'permanentResidence',
  'currentResidence',
  'nationalId',
  'ethnicityCode',
  'religion',
  'healthStatus',
  'phone',
  'email',
  'status',
  'startedWorkOn',
  'enteredCivilServiceOn',
  'partyJoinedOn',
  'partyConfirmedOn',
  'partyCardNumber',
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type Identity = Pick<PersonEntity, IdentityField>;

/**
 * One bitemporal assignment of a person: unit, body, staff category and job position for [validFrom, validTo),
 * on record for [recordedAt, supersededAt). A seconded person counts at the home unit (unitId) and is shown at
 * the host unit (secondedToUnitId) too.
 */
@ObjectType('PersonAssignment')
@Entity('person_assignment')
export class PersonAssignmentEntity extends BitemporalRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field(() => ID, { description: 'The home unit the person counts towards' })
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'body_id', type: 'uuid', nullable: true })
  bodyId: string | null;

  @Field(() => StaffCategory)
  @Column({ name: 'staff_category', type: 'varchar', length: 20 })
  staffCategory: StaffCategory;

  @Field()
  @Column({ name: 'job_position', type: 'varchar', length: 200 })
  jobPosition: string;

  @Field(() => ID, { nullable: true, description: 'The host unit of a secondment' })
  @Column({ name: 'seconded_to_unit_id', type: 'uuid', nullable: true })
  secondedToUnitId: string | null;

  /** not a column: the name of the unit, for readers that list people (filled by PersonService) */
  @Field(() => String, { nullable: true, description: 'The name of the home unit' })
  unitName?: string | null;

  /** not a column */
  @Field(() => String, { nullable: true, description: 'The name of the body' })
  bodyName?: string | null;

  /** not a column */
  @Field(() => String, { nullable: true, description: 'The name of the host unit of a secondment' })
  secondedToUnitName?: string | null;

}

/** The person: current identity. Sensitive fields are null for callers without personnel.read_sensitive. */
@ObjectType('Person')
@Entity('person')
export class PersonEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'other_names', type: 'varchar', length: 200, nullable: true })
  otherNames: string | null;

  @Field(() => Gender)
  @Column({ type: 'varchar', length: 10 })
  gender: Gender;

  @Field(() => LocalDateScalar)
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'birth_place', type: 'varchar', length: 500, nullable: true })
  birthPlace: string | null;

  @Field(() => String, { nullable: true, description: 'Quê quán' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  hometown: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'permanent_residence', type: 'varchar', length: 500, nullable: true })
  permanentResidence: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'current_residence', type: 'varchar', length: 500, nullable: true })
  currentResidence: string | null;

  @Field(() => String, { nullable: true, description: 'Sensitive: 12-digit national ID (null without personnel.read_sensitive)' })
  @Column({ name: 'national_id', type: 'varchar', length: 12 })
  nationalId: string;

  @Field(() => String, { nullable: true, description: 'Sensitive: code of one of the 54 ethnic groups' })
  @Column({ name: 'ethnicity_code', type: 'varchar', length: 2, nullable: true })
  ethnicityCode: string | null;

  @Field(() => String, { nullable: true, description: 'Sensitive' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  religion: string | null;

  @Field(() => String, { nullable: true, description: 'Sensitive' })
  @Column({ name: 'health_status', type: 'varchar', length: 200, nullable: true })
  healthStatus: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Field(() => PersonStatus)
  @Column({ type: 'varchar', length: 20 })
  status: PersonStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'started_work_on', type: 'date', nullable: true })
  startedWorkOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'entered_civil_service_on', type: 'date', nullable: true })
  enteredCivilServiceOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Sensitive: date admitted to the party' })
  @Column({ name: 'party_joined_on', type: 'date', nullable: true })
  partyJoinedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Sensitive: date of full (official) party membership' })
  @Column({ name: 'party_confirmed_on', type: 'date', nullable: true })
  partyConfirmedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Sensitive: party card number' })
  @Column({ name: 'party_card_number', type: 'varchar', length: 20, nullable: true })
  partyCardNumber: string | null;

  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Field(() => Boolean, { nullable: true, description: 'Manual override of "local or not" (null: derived)' })
  @Column({ name: 'local_override', type: 'boolean', nullable: true })
  localOverride: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why "local or not" was overridden' })
  @Column({ name: 'local_override_reason', type: 'varchar', length: 1000, nullable: true })
  localOverrideReason: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** not a column: the assignment in force on the asked date (as known at the asked time) */
  @Field(() => PersonAssignmentEntity, { nullable: true, description: 'The assignment in force on the asked date' })
  assignment?: PersonAssignmentEntity | null;
}

/** One write of a person's identity: the whole identity after it, when it was recorded and why. */
@ObjectType('PersonRevision')
@Entity('person_revision')
export class PersonRevisionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field(() => RecordKind)
  @Column({ name: 'record_kind', type: 'varchar', length: 10 })
  recordKind: RecordKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSON, { description: 'The identity after the write (sensitive fields null without personnel.read_sensitive)' })
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Column({ name: 'actor_name', type: 'varchar', length: 200, nullable: true })
  actorName: string | null;
}

@ObjectType('PersonTimeline', { description: 'Every assignment record and identity revision, superseded ones included' })
export class PersonTimeline {
  @Field(() => ID)
  personId: string;

  @Field(() => [PersonAssignmentEntity])
  assignments: PersonAssignmentEntity[];

  @Field(() => [PersonRevisionEntity])
  revisions: PersonRevisionEntity[];

  @Field(() => [PersonRecordEntity], { description: 'Titles, committees, qualifications, levels, rank: every record, superseded ones included' })
  records: PersonRecordEntity[];

  @Field(() => [PersonEntryEntity], { description: 'Training, ratings, commendations, discipline: every entry, superseded ones included' })
  entries: PersonEntryEntity[];
}
