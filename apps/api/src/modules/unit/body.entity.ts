import { BodyKind } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';

registerEnumType(BodyKind, { name: 'BodyKind' });

/** A body inside a unit: party committee, people's council, people's committee, front, organisations, ... */
@ObjectType('Body')
@Entity('body')
export class BodyEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Field(() => BodyKind)
  @Column({ type: 'varchar', length: 40 })
  kind: BodyKind;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Int)
  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  @Field(() => LocalDateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
