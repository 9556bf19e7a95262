import { StaffCategory } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RoleEntity } from './role.entity';

/** A role given to a user or a service account over a scope: all units or listed ones, some or all categories. */
@ObjectType('RoleAssignment')
@Entity('role_assignment')
export class RoleAssignmentEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'service_account_id', type: 'uuid', nullable: true })
  serviceAccountId: string | null;

  @Field(() => ID)
  @Column({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @Field(() => RoleEntity)
  @ManyToOne(() => RoleEntity)
  @JoinColumn({ name: 'role_id' })
  role?: RoleEntity;

  @Field()
  @Column({ name: 'all_units', type: 'boolean' })
  allUnits: boolean;

  @Field(() => [ID])
  @Column({ name: 'unit_ids', type: 'uuid', array: true })
  unitIds: string[];

  @Field(() => [StaffCategory], { nullable: true, description: 'null: every category' })
  @Column({ name: 'staff_categories', type: 'text', array: true, nullable: true })
  staffCategories: StaffCategory[] | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
