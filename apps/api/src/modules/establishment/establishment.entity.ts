import { CommitteeKind, EstablishmentItemKind, ProfessionalField, StaffCategory } from '@canbo/shared';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TitleEntity } from '../title/title.entity';
import { BodyEntity } from '../unit/body.entity';
import { BitemporalRecord } from '../../core/database/bitemporal-record';

registerEnumType(EstablishmentItemKind, { name: 'EstablishmentItemKind' });
registerEnumType(StaffCategory, { name: 'StaffCategory' });
registerEnumType(CommitteeKind, { name: 'CommitteeKind' });
registerEnumType(ProfessionalField, { name: 'ProfessionalField' });

/**
 * One bitemporal establishment value: `value` holds for [validFrom, validTo) and was the registry's knowledge
 * for [recordedAt, supersededAt). Records are never overwritten; a change or correction supersedes them.
 */
@ObjectType('EstablishmentRecord')
@Entity('establishment_record')
export class EstablishmentRecordEntity extends BitemporalRecord {
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

}
