import { ActorType, AUTHENTICATED, PERMISSIONS } from '@canbo/shared';
import { Args, ArgsType, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { idPipe } from '../../core/graphql/id.pipe';
import { ConnectionType, PageArgs } from '../../core/graphql/pagination';
import { CurrentPrincipal, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { AccessService } from './access.service';
import { AuthErrors } from './auth.errors';
import {
  AssignRoleInput,
  CreateRoleInput,
  CreateServiceAccountInput,
  CreateUserInput,
  UpdateRoleInput,
  UpdateUserInput,
} from './dto/access.input';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { RoleEntity } from './role.entity';
import { ServiceAccountEntity } from './service-account.entity';
import { UserEntity } from './user.entity';

@ObjectType()
export class UserConnection extends ConnectionType(UserEntity, 'User') {}

@ObjectType({ description: 'The caller: who, what it may do and where' })
export class Me {
  @Field(() => ActorType)
  type: ActorType;
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field(() => String, { nullable: true })
  displayName: string | null;
  @Field()
  mustChangePassword: boolean;
  @Field(() => [String])
  permissions: string[];
  @Field(() => [RoleAssignmentEntity])
  assignments: RoleAssignmentEntity[];
}

@ObjectType({ description: 'A user with a temporary password, shown this once' })
export class UserWithPassword {
  @Field(() => UserEntity)
  user: UserEntity;
  @Field()
  temporaryPassword: string;
}

@ObjectType({ description: 'A service account with its API key, shown this once' })
export class ServiceAccountWithKey {
  @Field(() => ServiceAccountEntity)
  serviceAccount: ServiceAccountEntity;
  @Field()
  apiKey: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@Resolver(() => UserEntity)
export class AccessResolver {
  constructor(private readonly access: AccessService) {}

  @Query(() => Me)
  @RequirePermission(AUTHENTICATED)
  async me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    const isUser = principal.type === ActorType.USER;
    const user = isUser ? await this.access.user(principal.id) : null;
    return {
      type: principal.type,
      id: principal.id,
      name: principal.name,
      displayName: user?.displayName ?? null,
      mustChangePassword: principal.mustChangePassword,
      permissions: principal.permissions(),
      assignments: await this.access.assignments(isUser ? { userId: principal.id } : { serviceAccountId: principal.id }),
    };
  }

  @Query(() => UserConnection)
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  users(@Args() args: UsersArgs) {
    return this.access.users(args);
  }

  @Query(() => UserEntity)
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  user(@Args('id', { type: () => ID }, idPipe(AuthErrors.userNotFound)) id: string) {
    return this.access.user(id);
  }

  @ResolveField(() => [RoleAssignmentEntity])
  assignments(@Parent() user: UserEntity) {
    return this.access.assignments({ userId: user.id });
  }

  @Mutation(() => UserWithPassword, { description: 'Creates a user with a temporary password to change at first sign-in' })
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  createUser(@Args('input') input: CreateUserInput) {
    return this.access.createUser(input);
  }

  @Mutation(() => UserEntity)
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  updateUser(@Args('input') input: UpdateUserInput, @CurrentPrincipal() principal: Principal) {
    return this.access.updateUser(input, principal);
  }

  @Mutation(() => UserWithPassword, { description: 'A new temporary password; unlocks the account and ends its sessions' })
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  resetUserPassword(@Args('id', { type: () => ID }, idPipe(AuthErrors.userNotFound)) id: string) {
    return this.access.resetPassword(id);
  }

  @Query(() => [RoleEntity])
  @RequirePermission(PERMISSIONS.ADMIN_ROLES)
  roles() {
    return this.access.roles();
  }

  @Mutation(() => RoleEntity)
  @RequirePermission(PERMISSIONS.ADMIN_ROLES)
  createRole(@Args('input') input: CreateRoleInput) {
    return this.access.createRole(input);
  }

  @Mutation(() => RoleEntity)
  @RequirePermission(PERMISSIONS.ADMIN_ROLES)
  updateRole(@Args('input') input: UpdateRoleInput, @CurrentPrincipal() principal: Principal) {
    return this.access.updateRole(input, principal);
  }

  @Mutation(() => ID, { description: 'Deletes a role that nobody holds' })
  @RequirePermission(PERMISSIONS.ADMIN_ROLES)
  deleteRole(@Args('id', { type: () => ID }, idPipe(AuthErrors.roleNotFound)) id: string) {
    return this.access.deleteRole(id);
  }

  @Mutation(() => RoleAssignmentEntity)
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  assignRole(@Args('input') input: AssignRoleInput) {
    return this.access.assignRole(input);
  }

  @Mutation(() => ID)
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  removeRoleAssignment(
    @Args('id', { type: () => ID }, idPipe(AuthErrors.assignmentNotFound)) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.access.removeAssignment(id, principal);
  }

  @Query(() => [ServiceAccountEntity])
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  serviceAccounts() {
    return this.access.serviceAccounts();
  }

  @Mutation(() => ServiceAccountWithKey)
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  createServiceAccount(@Args('input') input: CreateServiceAccountInput) {
    return this.access.createServiceAccount(input);
  }

  @Mutation(() => ServiceAccountEntity)
  @RequirePermission(PERMISSIONS.ADMIN_USERS)
  revokeServiceAccount(@Args('id', { type: () => ID }, idPipe(AuthErrors.serviceAccountNotFound)) id: string) {
    return this.access.revokeServiceAccount(id);
  }
}

@Resolver(() => ServiceAccountEntity)
export class ServiceAccountResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveField(() => [RoleAssignmentEntity])
  assignments(@Parent() account: ServiceAccountEntity) {
    return this.access.assignments({ serviceAccountId: account.id });
  }
}
