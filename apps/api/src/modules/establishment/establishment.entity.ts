import { CommitteeKind, EstablishmentItemKind, ProfessionalField, RecordKind, StaffCategory } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { TitleEntity } from '../title/title.entity';
import { BodyEntity } from '../unit/body.entity';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';

registerEnumType(EstablishmentItemKind, { name: 'EstablishmentItemKind' });
registerEnumType(StaffCategory, { name: 'StaffCategory' });
registerEnumType(CommitteeKind, { name: 'CommitteeKind' });
registerEnumType(ProfessionalField, { name: 'ProfessionalField' });
registerEnumType(RecordKind, { name: 'RecordKind', description: 'A real change, or the correction of a mistake' });

/**
 * One bitemporal establishment value: `value` holds for [validFrom, validTo) and was the registry's knowledge
 * for [recordedAt, supersededAt). Records are never overwritten; a change or correction supersedes them.
 */
@ObjectType('EstablishmentRecord')
@Entity('establishment_record')
export class EstablishmentRecordEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'body_id', type: 'uuid', nullable: true })
  bodyId: string | null;

  @Field(() => BodyEntity, { nullable: true })
  @ManyToOne(() => BodyEntity, { nullable: true })
  @JoinColumn({ name: 'body_id' })
  body?: BodyEntity | null;

  @Field(() => EstablishmentItemKind)
  @Column({ name: 'item_kind', type: 'varchar', length: 20 })
  itemKind: EstablishmentItemKind;

  @Field({ description: 'Identity of the item within its unit (body, kind and key)' })
  @Column({ name: 'item_key', type: 'varchar', length: 120 })
  itemKey: string;

  @Field(() => StaffCategory, { nullable: true })
  @Column({ name: 'staff_category', type: 'varchar', length: 20, nullable: true })
  staffCategory: StaffCategory | null;

  @Field(() => CommitteeKind, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  committee: CommitteeKind | null;

  @Field(() => String, { nullable: true, description: 'Term of a committee, e.g. 2025-2030' })
  @Column({ type: 'varchar', length: 9, nullable: true })
  term: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'title_id', type: 'uuid', nullable: true })
  titleId: string | null;

  @Field(() => TitleEntity, { nullable: true })
  @ManyToOne(() => TitleEntity, { nullable: true })
  @JoinColumn({ name: 'title_id' })
  title?: TitleEntity | null;

  @Field(() => ProfessionalField, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  field: ProfessionalField | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  value: number;

  @Field(() => LocalDateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @Field(() => RecordKind)
  @Column({ name: 'record_kind', type: 'varchar', length: 10 })
  recordKind: RecordKind;

  @Field(() => ID, { nullable: true, description: 'The record this one corrects' })
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
