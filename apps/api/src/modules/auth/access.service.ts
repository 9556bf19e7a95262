import { isPermission, PERMISSIONS } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Connection, decodeCursor, PageArgs, toConnection } from '../../core/graphql/pagination';
import { Principal } from '../../core/permissions/principal';
import { AuditService } from '../audit/audit.service';
import { UnitService } from '../unit/unit.service';
import { AuthErrors } from './auth.errors';
import { hashPassword, temporaryPassword } from './auth.service';
import { AssignRoleInput, CreateRoleInput, CreateServiceAccountInput, CreateUserInput, UpdateRoleInput, UpdateUserInput } from './dto/access.input';
import { API_KEY_PREFIX_LENGTH, hashSecret } from './principal.service';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { RoleEntity } from './role.entity';
import { ServiceAccountEntity } from './service-account.entity';
import { UserEntity } from './user.entity';
import { containsPattern } from '../../core/database/like';

/** The permission that makes an administrator: nobody may take it from themselves by accident. */
const ADMIN_PERMISSION = PERMISSIONS.ADMIN_ROLES;

/** Administration of users, roles, role assignments and service accounts. Every write is audited. */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly units: UnitService,
  ) {}

  async users(args: PageArgs & { search?: string | null }): Promise<Connection<UserEntity>> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (args.search) {
      qb.andWhere(`(u.username ILIKE :s OR u.display_name ILIKE :s)`, { s: containsPattern(args.search) });
    }
    const total = await qb.clone().getCount();
    if (args.after) qb.andWhere('(u.username, u.id) > (:sort, :id)', { sort: String(decodeCursor(args.after).sort), id: decodeCursor(args.after).id });
    const rows = await qb.orderBy('u.username').addOrderBy('u.id').limit(args.first + 1).getMany();
    return toConnection(rows, args.first, total, Boolean(args.after), (u) => u.username);
  }

  async user(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
    if (!user) throw AuthErrors.userNotFound(id);
    return user;
  }

  assignments(principal: { userId?: string; serviceAccountId?: string }): Promise<RoleAssignmentEntity[]> {
    return this.dataSource.getRepository(RoleAssignmentEntity).find({
      where: principal.userId ? { userId: principal.userId } : { serviceAccountId: principal.serviceAccountId },
      relations: { role: true },
      order: { createdAt: 'ASC' },
    });
  }

  private async checkHomeUnit(id: string | null | undefined): Promise<void> {
    if (id && (await this.units.getMany([id])).length !== 1) throw AuthErrors.unknownHomeUnit();
  }

  async createUser(input: CreateUserInput): Promise<{ user: UserEntity; temporaryPassword: string }> {
    await this.checkHomeUnit(input.homeUnitId);
    const password = temporaryPassword();
    const hash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      if (await m.exists(UserEntity, { where: { username: input.username } })) throw AuthErrors.duplicateUsername();
      const user = await m.save(
        m.create(UserEntity, {
          username: input.username,
          displayName: input.displayName,
          homeUnitId: input.homeUnitId ?? null,
          passwordHash: hash,
          mustChangePassword: true,
          active: true,
          failedAttempts: 0,
        }),
      );
      await this.audit.record(m, { operation: 'createUser', entity: 'user', entityId: user.id, after: user });
      return { user, temporaryPassword: password };
    });
  }

  async updateUser(input: UpdateUserInput, actor: Principal): Promise<UserEntity> {
    await this.checkHomeUnit(input.homeUnitId);
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(UserEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AuthErrors.userNotFound(input.id);
      if (current.version !== input.version) throw AuthErrors.staleUser();
      if (input.active === false && current.id === actor.id) throw AuthErrors.lastAdmin('active');
      const next: Partial<UserEntity> = {};
      if (input.displayName !== undefined && input.displayName !== null) next.displayName = input.displayName;
      if (input.homeUnitId !== undefined) next.homeUnitId = input.homeUnitId;
      if (input.active !== undefined && input.active !== null) next.active = input.active;
      await m.update(UserEntity, { id: current.id }, { ...next, version: current.version + 1 });
      if (next.active === false) await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [current.id]);
      const after = await m.findOneOrFail(UserEntity, { where: { id: current.id } });
      await this.audit.record(m, { operation: 'updateUser', entity: 'user', entityId: current.id, before: current, after });
      return after;
    });
  }

  /** A new temporary password (shown once), to be changed at next sign-in; unlocks; ends every session. */
  async resetPassword(id: string): Promise<{ user: UserEntity; temporaryPassword: string }> {
    const password = temporaryPassword();
    const hash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AuthErrors.userNotFound(id);
      await m.update(
        UserEntity,
        { id },
        {
          passwordHash: hash,
          mustChangePassword: true,
          failedAttempts: 0,
          lockedUntil: null,
          passwordChangedAt: () => 'now()',
          version: current.version + 1,
        },
      );
      await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      const after = await m.findOneOrFail(UserEntity, { where: { id } });
      await this.audit.record(m, { operation: 'resetPassword', entity: 'user', entityId: id, before: current, after });
      return { user: after, temporaryPassword: password };
    });
  }

  roles(): Promise<RoleEntity[]> {
    return this.dataSource.getRepository(RoleEntity).find({ order: { system: 'DESC', name: 'ASC' } });
  }

  private checkPermissions(permissions: string[]): string[] {
    const unknown = permissions.find((p) => !isPermission(p));
    if (unknown) throw AuthErrors.unknownPermission(unknown);
    return [...new Set(permissions)].sort();
  }

  async createRole(input: CreateRoleInput): Promise<RoleEntity> {
    const permissions = this.checkPermissions(input.permissions);
    return this.dataSource.transaction(async (m) => {
      if (await m.exists(RoleEntity, { where: { code: input.code } })) throw AuthErrors.duplicateRoleCode();
      const role = await m.save(m.create(RoleEntity, { code: input.code, name: input.name, description: input.description ?? null, permissions, system: false }));
      await this.audit.record(m, { operation: 'createRole', entity: 'role', entityId: role.id, after: role });
      return role;
    });
  }

  async updateRole(input: UpdateRoleInput, actor: Principal): Promise<RoleEntity> {
    const permissions = input.permissions ? this.checkPermissions(input.permissions) : undefined;
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(RoleEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AuthErrors.roleNotFound(input.id);
      if (current.version !== input.version) throw AuthErrors.staleRole();
      const next: Partial<RoleEntity> = {};
      if (input.name) next.name = input.name;
      if (input.description !== undefined) next.description = input.description;
      if (permissions) next.permissions = permissions;
      await m.update(RoleEntity, { id: current.id }, { ...next, version: current.version + 1 });
      await this.ensureStillAdmin(m, actor, 'permissions');
      const after = await m.findOneOrFail(RoleEntity, { where: { id: current.id } });
      await this.audit.record(m, { operation: 'updateRole', entity: 'role', entityId: current.id, before: current, after });
      return after;
    });
  }

  async deleteRole(id: string): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(RoleEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AuthErrors.roleNotFound(id);
      if (await m.exists(RoleAssignmentEntity, { where: { roleId: id } })) throw AuthErrors.roleInUse();
      await m.delete(RoleEntity, { id });
      await this.audit.record(m, { operation: 'deleteRole', entity: 'role', entityId: id, before: current });
      return id;
    });
  }

  async assignRole(input: AssignRoleInput): Promise<RoleAssignmentEntity> {
    if (Boolean(input.userId) === Boolean(input.serviceAccountId)) throw AuthErrors.onePrincipal();
    const unitIds = input.allUnits ? [] : [...new Set(input.unitIds)];
    if (!input.allUnits && !unitIds.length) throw AuthErrors.scopeNeedsUnits();
    if (unitIds.length && (await this.units.getMany(unitIds)).length !== unitIds.length) throw AuthErrors.unknownUnit();
    return this.dataSource.transaction(async (m) => {
      if (!(await m.exists(RoleEntity, { where: { id: input.roleId } }))) throw AuthErrors.roleNotFound(input.roleId);
      if (input.userId && !(await m.exists(UserEntity, { where: { id: input.userId } }))) throw AuthErrors.userNotFound(input.userId);
      if (input.serviceAccountId && !(await m.exists(ServiceAccountEntity, { where: { id: input.serviceAccountId } }))) {
        throw AuthErrors.serviceAccountNotFound(input.serviceAccountId);
      }
      const saved = await m.save(
        m.create(RoleAssignmentEntity, {
          userId: input.userId ?? null,
          serviceAccountId: input.serviceAccountId ?? null,
          roleId: input.roleId,
          allUnits: input.allUnits,
          unitIds,
          staffCategories: input.staffCategories?.length ? [...new Set(input.staffCategories)] : null,
        }),
      );
      const assignment = await m.findOneOrFail(RoleAssignmentEntity, { where: { id: saved.id }, relations: { role: true } });
      await this.audit.record(m, {
        operation: 'assignRole',
        entity: 'roleAssignment',
        entityId: saved.id,
        after: { ...saved, role: undefined, roleCode: assignment.role?.code },
      });
      return assignment;
    });
  }

  async removeAssignment(id: string, actor: Principal): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(RoleAssignmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AuthErrors.assignmentNotFound(id);
      await m.delete(RoleAssignmentEntity, { id });
      await this.ensureStillAdmin(m, actor, 'id');
      await this.audit.record(m, { operation: 'removeRoleAssignment', entity: 'roleAssignment', entityId: id, before: current });
      return id;
    });
  }

  /** Refuses (rolling back) a change that would take the acting administrator's own last admin grant. */
  private async ensureStillAdmin(m: EntityManager, actor: Principal, field: string): Promise<void> {
    if (!actor.has(ADMIN_PERMISSION) || actor.type !== 'USER') return;
    const [row] = await m.query(
      `SELECT 1 FROM role_assignment ra JOIN role r ON r.id = ra.role_id WHERE ra.user_id = $1 AND $2 = ANY(r.permissions) LIMIT 1`,
      [actor.id, ADMIN_PERMISSION],
    );
    if (!row) throw AuthErrors.lastAdmin(field);
  }

  serviceAccounts(): Promise<ServiceAccountEntity[]> {
    return this.dataSource.getRepository(ServiceAccountEntity).find({ order: { name: 'ASC' } });
  }

  /** A new service account and its API key, returned once and stored only as a hash. */
  async createServiceAccount(input: CreateServiceAccountInput): Promise<{ serviceAccount: ServiceAccountEntity; apiKey: string }> {
    if (input.expiresAt && input.expiresAt <= new Date()) throw AuthErrors.expiryInPast();
    const prefix = `cb_${randomBytes(8).toString('hex')}`.slice(0, API_KEY_PREFIX_LENGTH);
    const apiKey = `${prefix}.${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (m) => {
      if (await m.exists(ServiceAccountEntity, { where: { name: input.name } })) throw AuthErrors.duplicateServiceName();
      const account = await m.save(
        m.create(ServiceAccountEntity, {
          name: input.name,
          description: input.description ?? null,
          keyPrefix: prefix,
          keyHash: hashSecret(apiKey),
          expiresAt: input.expiresAt ?? null,
        }),
      );
      await this.audit.record(m, { operation: 'createServiceAccount', entity: 'serviceAccount', entityId: account.id, after: account });
      return { serviceAccount: account, apiKey };
    });
  }

  async revokeServiceAccount(id: string): Promise<ServiceAccountEntity> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(ServiceAccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AuthErrors.serviceAccountNotFound(id);
      if (!current.revokedAt) await m.update(ServiceAccountEntity, { id }, { revokedAt: new Date(), version: current.version + 1 });
      const after = await m.findOneOrFail(ServiceAccountEntity, { where: { id } });
      await this.audit.record(m, { operation: 'revokeServiceAccount', entity: 'serviceAccount', entityId: id, before: current, after });
      return after;
    });
  }
}

