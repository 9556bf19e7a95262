import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';

/** A successor link: on `effectiveDate` the predecessor's people and duties passed to the successor. */
@ObjectType('UnitSuccession')
@Entity('unit_succession')
export class UnitSuccessionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'predecessor_id', type: 'uuid' })
  predecessorId: string;

  @Field(() => ID)
  @Column({ name: 'successor_id', type: 'uuid' })
  successorId: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
