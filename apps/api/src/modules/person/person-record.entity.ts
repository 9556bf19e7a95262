import { CommitteeKind, PersonEntryKind, PersonRecordKind, RecordKind } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { GraphQLJSON } from '../../core/graphql/json.scalar';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { BitemporalRecord } from '../../core/database/bitemporal-record';

registerEnumType(PersonRecordKind, { name: 'PersonRecordKind', description: 'What a bitemporal person record holds' });
registerEnumType(PersonEntryKind, { name: 'PersonEntryKind', description: 'What a dated person entry holds' });

/**
 * One bitemporal record of a person (title, committee membership, qualification, political theory, state
 * management, IT, foreign language, civil-service rank): its value for [validFrom, validTo), on record for
 * [recordedAt, supersededAt). The details of the kind are in `value`; what queries filter on is typed.
 */
@ObjectType('PersonRecord')
@Entity('person_record')
export class PersonRecordEntity extends BitemporalRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field(() => PersonRecordKind)
  @Column({ type: 'varchar', length: 20 })
  kind: PersonRecordKind;

  @Field(() => ID, { nullable: true, description: 'The unit of a title or committee membership' })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Field(() => ID, { nullable: true, description: 'The title (catalogue) of a TITLE record' })
  @Column({ name: 'title_id', type: 'uuid', nullable: true })
  titleId: string | null;

  @Field(() => CommitteeKind, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  committee: CommitteeKind | null;

  @Field(() => String, { nullable: true, description: 'Term of a committee membership, e.g. 2025-2030' })
  @Column({ type: 'varchar', length: 9, nullable: true })
  term: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'QUALIFICATION: a QualificationLevel; POLITICAL_THEORY: a PoliticalTheoryLevel; STATE_MANAGEMENT, IT, FOREIGN_LANGUAGE: the level as text; CIVIL_SERVICE_RANK: the rank code',
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  level: string | null;

  @Field(() => GraphQLJSON, { description: 'The details of the kind (field, institution, year, language, rank name, salary step, ...)' })
  @Column({ type: 'jsonb' })
  value: Record<string, unknown>;

}

/**
 * One dated entry of a person (training, annual rating, commendation, discipline): recorded-time history only; a
 * correction supersedes it and records the corrected entry, marked as such.
 */
@ObjectType('PersonEntry')
@Entity('person_entry')
export class PersonEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field(() => PersonEntryKind)
  @Column({ type: 'varchar', length: 20 })
  kind: PersonEntryKind;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The date (training: first day; commendation, discipline: decision date)' })
  @Column({ name: 'date_from', type: 'date', nullable: true })
  dateFrom: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Training: last day' })
  @Column({ name: 'date_to', type: 'date', nullable: true })
  dateTo: string | null;

  @Field(() => Int, { nullable: true, description: 'Rating: the year rated' })
  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Field(() => GraphQLJSON, { description: 'The details of the kind (course, trainingKind, certificate, rating, measure, decision, text)' })
  @Column({ type: 'jsonb' })
  value: Record<string, unknown>;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @Field(() => RecordKind)
  @Column({ name: 'record_kind', type: 'varchar', length: 10 })
  recordKind: RecordKind;

  @Field(() => ID, { nullable: true, description: 'The entry this one corrects' })
  @Column({ name: 'corrects_id', type: 'uuid', nullable: true })
  correctsId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
