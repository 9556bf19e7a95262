import { AgencyBranch, UnitKind } from '@canbo/shared';
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
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';

registerEnumType(UnitKind, { name: 'UnitKind', description: 'Province, commune-level unit or province agency' });
registerEnumType(AgencyBranch, { name: 'AgencyBranch' });

/** A unit: the province, a commune-level unit (commune, ward, special zone) or a province agency. */
@ObjectType('Unit')
@Entity('unit')
export class UnitEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable machine code, e.g. xa-my-duc' })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'short_name', type: 'varchar', length: 100, nullable: true })
  shortName: string | null;

  @Field(() => UnitKind)
  @Column({ type: 'varchar', length: 20 })
  kind: UnitKind;

  @Field(() => AgencyBranch, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  branch: AgencyBranch | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Field(() => UnitEntity, { nullable: true })
  @ManyToOne(() => UnitEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: UnitEntity | null;

  @Field(() => LocalDateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day the unit no longer exists' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

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
