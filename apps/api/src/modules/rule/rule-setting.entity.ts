import { RuleKey } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../core/graphql/json.scalar';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';

registerEnumType(RuleKey, { name: 'RuleKey' });

/** One dated version of a rule setting (a regulatory list or number). */
@ObjectType('RuleSetting')
@Entity('rule_setting')
export class RuleSettingEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => RuleKey)
  @Column({ type: 'varchar', length: 60 })
  key: RuleKey;

  @Field({ description: 'The decision or label of this version' })
  @Column({ name: 'version_label', type: 'varchar', length: 200 })
  versionLabel: string;

  @Field(() => LocalDateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => GraphQLJSON)
  @Column({ type: 'jsonb' })
  value: unknown;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
