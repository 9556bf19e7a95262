import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A person who signs in. The password hash never leaves the API (not a GraphQL field, never audited). */
@ObjectType('User')
@Entity('app_user')
export class UserEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 60 })
  username: string;

  @Field()
  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Field(() => ID, { nullable: true, description: 'The unit the user works at' })
  @Column({ name: 'home_unit_id', type: 'uuid', nullable: true })
  homeUnitId: string | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Field()
  @Column({ name: 'must_change_password', type: 'boolean' })
  mustChangePassword: boolean;

  @Field()
  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'failed_attempts', type: 'integer' })
  failedAttempts: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
