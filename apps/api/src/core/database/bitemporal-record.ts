import { RecordKind } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LocalDateScalar } from '../graphql/local-date.scalar';

registerEnumType(RecordKind, { name: 'RecordKind', description: 'A real change, or the correction of a mistake' });

/**
 * The columns every bitemporal record shares: its value holds for [validFrom, validTo) and was the registry's
 * knowledge for [recordedAt, supersededAt). Records are never overwritten; a change or a correction (marked
 * as such, linked to what it corrects) supersedes them. See core/bitemporal.ts for the planner.
 */
@ObjectType({ isAbstract: true })
export abstract class BitemporalRecord {
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
