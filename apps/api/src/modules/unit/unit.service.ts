import { COMMUNE_LEVEL_KINDS, foldForSearch, SortDirection, UnitKind, UnitSortField } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '../../core/graphql/pagination';
import { BodyEntity } from './body.entity';
import { CreateBodyInput, UpdateBodyInput } from './dto/body.input';
import { UnitsArgs } from './dto/unit.args';
import { CreateUnitInput, RecordUnitSuccessionInput, UpdateUnitInput } from './dto/unit.input';
import { UnitSuccessionEntity } from './unit-succession.entity';
import { communeBodies } from './unit.defaults';
import { UnitEntity } from './unit.entity';
import { UnitErrors } from './unit.errors';
import { Scope, ScopeErrors } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { containsPattern } from '../../core/database/like';

const SORT_EXPRESSIONS: Record<UnitSortField, string> = {
  [UnitSortField.NAME]: `u.search_text`,
  [UnitSortField.KIND]: `u.kind || ' ' || u.search_text`,
  [UnitSortField.CREATED_AT]: `to_char(u.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS')`,
};

export function unitSearchText(name: string, shortName?: string | null): string {
  return foldForSearch([name, shortName].filter(Boolean).join(' '));
}

/**
 * What other modules do, in the same transaction, when a unit is created (e.g. give it its default
 * establishment) or ends (close what it held on that day). They register here instead of this module
 * reaching into theirs.
 */
export interface UnitLifecycleHooks {
  created?(manager: EntityManager, unit: UnitEntity, bodies: BodyEntity[]): Promise<void>;
  ended?(manager: EntityManager, unit: UnitEntity, endDate: string): Promise<void>;
}

export interface UnitKindCount {
  kind: UnitKind;
  count: number;
}

@Injectable()
export class UnitService {
  private readonly hooks: UnitLifecycleHooks[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  registerLifecycleHooks(hooks: UnitLifecycleHooks): void {
    this.hooks.push(hooks);
  }

  /** Units in the caller's scope (in SQL); an out-of-scope parent is not shown. */
  async list(args: UnitsArgs, scope: Scope): Promise<Connection<UnitEntity>> {
    const field = args.orderBy?.field ?? UnitSortField.NAME;
    const direction = args.orderBy?.direction ?? SortDirection.ASC;
    const sortExpr = SORT_EXPRESSIONS[field];
    const params: Record<string, unknown> = {};
    const inScope = scope.unitCondition('u.id', params);
    const parentInScope = scope.unitCondition('parent.id', params);
    const qb = this.dataSource
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.parent', 'parent', parentInScope)
      .where(inScope)
      .setParameters(params);
    const filter = args.filter ?? {};
    if (filter.search) {
      qb.andWhere(`u.search_text LIKE :search ESCAPE '\\'`, { search: containsPattern(foldForSearch(filter.search)) });
    }
    if (filter.kinds?.length) qb.andWhere('u.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.activeOn) {
      qb.andWhere('u.valid_from <= :activeOn AND (u.valid_to IS NULL OR u.valid_to > :activeOn)', {
        activeOn: filter.activeOn,
      });
    }
    const totalCount = await qb.clone().select('u.id').getCount();
    if (args.after) {
      const cursor = decodeCursor(args.after);
      const op = direction === SortDirection.ASC ? '>' : '<';
      qb.andWhere(`(${sortExpr}, u.id) ${op} (:cursorSort, :cursorId)`, {
        cursorSort: String(cursor.sort),
        cursorId: cursor.id,
      });
    }
    qb.addSelect(sortExpr, 'sort_value')
      .orderBy(sortExpr, direction)
      .addOrderBy('u.id', direction)
      .limit(args.first + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ sort_value: string; u_id: string }>();
    const sortById = new Map(raw.map((r) => [r.u_id, r.sort_value]));
    return toConnection(entities, args.first, totalCount, Boolean(args.after), (u) => sortById.get(u.id) ?? '');
  }

  async kindCounts(activeOn: string | null | undefined, scope: Scope): Promise<UnitKindCount[]> {
    const params: Record<string, unknown> = {};
    const qb = this.dataSource
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .select('u.kind', 'kind')
      .addSelect('count(*)', 'count')
      .where(scope.unitCondition('u.id', params))
      .setParameters(params)
      .groupBy('u.kind')
      .orderBy('u.kind');
    if (activeOn) qb.andWhere('u.valid_from <= :activeOn AND (u.valid_to IS NULL OR u.valid_to > :activeOn)', { activeOn });
    const rows = await qb.getRawMany<{ kind: UnitKind; count: string }>();
    return rows.map((r) => ({ kind: r.kind, count: Number(r.count) }));
  }

  /** One unit in the caller's scope; out of scope answers NOT_FOUND, like an unknown id. */
  async get(id: string, scope: Scope, manager: EntityManager = this.dataSource.manager): Promise<UnitEntity> {
    const params: Record<string, unknown> = { id };
    const unit = await manager
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.parent', 'parent', scope.unitCondition('parent.id', params))
      .where(`u.id = :id AND ${scope.unitCondition('u.id', params)}`)
      .setParameters(params)
      .getOne();
    if (!unit) throw UnitErrors.notFound(id);
    return unit;
  }

  /**
   * Loads a unit row with FOR UPDATE, serialising writes that depend on it (its establishment, its bodies).
   * A unit outside the scope is refused as an unknown one (BAD_USER_INPUT on `field`): its existence is not told.
   */
  async lockForWrite(manager: EntityManager, id: string, scope: Scope, field = 'unitId'): Promise<UnitEntity> {
    const params: Record<string, unknown> = { id };
    const unit = await manager
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where(`u.id = :id AND ${scope.unitCondition('u.id', params)}`)
      .setParameters(params)
      .getOne();
    if (!unit) throw UnitErrors.unknownUnit(field);
    return unit;
  }

  async getMany(ids: readonly string[]): Promise<UnitEntity[]> {
    if (!ids.length) return [];
    return this.dataSource.getRepository(UnitEntity).createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  /** Creating units is province-wide work: a scope of listed units may not. */
  async create(input: CreateUnitInput, scope: Scope): Promise<UnitEntity> {
    if (!scope.allUnits) throw ScopeErrors.outOfScope();
    return this.dataSource.transaction(async (manager) => {
      this.checkPeriod(input.validFrom, input.validTo ?? null);
      if (input.branch && input.kind !== UnitKind.PROVINCE_AGENCY) throw UnitErrors.branchOnlyForAgency();
      if (input.parentId) await this.checkParent(manager, input.parentId);
      if (await manager.exists(UnitEntity, { where: { code: input.code } })) throw UnitErrors.duplicateCode();
      await this.checkDuplicateName(manager, input.name, input.validFrom, input.validTo ?? null, null);
      const unit = manager.create(UnitEntity, {
        code: input.code,
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        branch: input.branch ?? null,
        parentId: input.parentId ?? null,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        searchText: unitSearchText(input.name, input.shortName),
      });
      const saved = await manager.save(unit);
      if (input.applyDefaults !== false && COMMUNE_LEVEL_KINDS.includes(saved.kind)) {
        const bodies = await manager.save(
          communeBodies(saved.name).map((b, i) =>
            manager.create(BodyEntity, { ...b, unitId: saved.id, sortOrder: (i + 1) * 10, validFrom: saved.validFrom }),
          ),
        );
        await this.audit.record(
          manager,
          ...bodies.map((b) => ({ operation: 'createUnit', entity: 'body', entityId: b.id, after: b })),
        );
        for (const hook of this.hooks) await hook.created?.(manager, saved, bodies);
      }
      await this.audit.record(manager, { operation: 'createUnit', entity: 'unit', entityId: saved.id, after: saved });
      return this.get(saved.id, scope, manager);
    });
  }

  async update(input: UpdateUnitInput, scope: Scope): Promise<UnitEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockForWrite(manager, input.id, scope).catch(() => {
        throw UnitErrors.notFound(input.id);
      });
      if (current.version !== input.version) throw UnitErrors.stale();
      const next = {
        name: input.name ?? current.name,
        shortName: input.shortName !== undefined ? input.shortName : current.shortName,
        kind: input.kind ?? current.kind,
        branch: input.branch !== undefined ? input.branch : current.branch,
        validFrom: input.validFrom ?? current.validFrom,
        validTo: input.validTo !== undefined ? input.validTo : current.validTo,
      };
      this.checkPeriod(next.validFrom, next.validTo);
      if (next.branch && next.kind !== UnitKind.PROVINCE_AGENCY) throw UnitErrors.branchOnlyForAgency();
      await this.checkDuplicateName(manager, next.name, next.validFrom, next.validTo, current.id);
      await manager.update(
        UnitEntity,
        { id: current.id, version: current.version },
        { ...next, searchText: unitSearchText(next.name, next.shortName), version: current.version + 1 },
      );
      const after = await this.get(current.id, scope, manager);
      await this.audit.record(manager, { operation: 'updateUnit', entity: 'unit', entityId: current.id, before: current, after });
      return after;
    });
  }

  async recordSuccession(input: RecordUnitSuccessionInput, scope: Scope): Promise<UnitSuccessionEntity> {
    if (input.predecessorId === input.successorId) throw UnitErrors.selfSuccession();
    return this.dataSource.transaction(async (manager) => {
      const predecessor = await this.lockForWrite(manager, input.predecessorId, scope, 'predecessorId');
      await this.lockForWrite(manager, input.successorId, scope, 'successorId');
      if (input.effectiveDate <= predecessor.validFrom) throw UnitErrors.successionDate();
      if (await manager.exists(UnitSuccessionEntity, { where: { predecessorId: input.predecessorId, successorId: input.successorId } })) {
        throw UnitErrors.duplicateSuccession();
      }
      if (!predecessor.validTo || predecessor.validTo > input.effectiveDate) {
        await manager.update(
          UnitEntity,
          { id: predecessor.id },
          { validTo: input.effectiveDate, version: predecessor.version + 1 },
        );
        await this.audit.record(manager, {
          operation: 'recordUnitSuccession',
          entity: 'unit',
          entityId: predecessor.id,
          before: { validTo: predecessor.validTo },
          after: { validTo: input.effectiveDate },
        });
        // its bodies end with it; what other modules hold for it is closed by their hooks
        await manager
          .createQueryBuilder()
          .update(BodyEntity)
          .set({ validTo: input.effectiveDate, version: () => 'version + 1' })
          .where('unit_id = :id AND valid_from < :date AND (valid_to IS NULL OR valid_to > :date)', {
            id: predecessor.id,
            date: input.effectiveDate,
          })
          .execute();
        for (const hook of this.hooks) await hook.ended?.(manager, predecessor, input.effectiveDate);
      }
      const succession = await manager.save(
        manager.create(UnitSuccessionEntity, {
          predecessorId: input.predecessorId,
          successorId: input.successorId,
          effectiveDate: input.effectiveDate,
          note: input.note ?? null,
        }),
      );
      await this.audit.record(manager, { operation: 'recordUnitSuccession', entity: 'unitSuccession', entityId: succession.id, after: succession });
      return succession;
    });
  }

  successionsOf(unitId: string, side: 'predecessor' | 'successor'): Promise<UnitSuccessionEntity[]> {
    const column = side === 'predecessor' ? 'successorId' : 'predecessorId';
    return this.dataSource.getRepository(UnitSuccessionEntity).find({
      where: { [column]: unitId },
      order: { effectiveDate: 'ASC' },
    });
  }

  bodies(unitId: string, activeOn?: string | null): Promise<BodyEntity[]> {
    const qb = this.dataSource
      .getRepository(BodyEntity)
      .createQueryBuilder('b')
      .where('b.unit_id = :unitId', { unitId })
      .orderBy('b.sort_order', 'ASC')
      .addOrderBy('b.name', 'ASC');
    if (activeOn) {
      qb.andWhere('b.valid_from <= :activeOn AND (b.valid_to IS NULL OR b.valid_to > :activeOn)', { activeOn });
    }
    return qb.getMany();
  }

  /** A body whose unit is in the caller's scope; otherwise NOT_FOUND. */
  async getBody(id: string, scope: Scope, manager: EntityManager = this.dataSource.manager): Promise<BodyEntity> {
    const params: Record<string, unknown> = { id };
    const body = await manager
      .getRepository(BodyEntity)
      .createQueryBuilder('b')
      .where(`b.id = :id AND ${scope.unitCondition('b.unit_id', params)}`)
      .setParameters(params)
      .getOne();
    if (!body) throw UnitErrors.bodyNotFound(id);
    return body;
  }

  async getBodies(ids: readonly string[]): Promise<BodyEntity[]> {
    if (!ids.length) return [];
    return this.dataSource.getRepository(BodyEntity).createQueryBuilder('b').where('b.id IN (:...ids)', { ids }).getMany();
  }

  async createBody(input: CreateBodyInput, scope: Scope): Promise<BodyEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForWrite(manager, input.unitId, scope);
      this.checkPeriod(input.validFrom, input.validTo ?? null);
      const body = await manager.save(
        manager.create(BodyEntity, {
          unitId: input.unitId,
          kind: input.kind,
          name: input.name,
          sortOrder: input.sortOrder ?? 0,
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
        }),
      );
      await this.audit.record(manager, { operation: 'createBody', entity: 'body', entityId: body.id, after: body });
      return body;
    });
  }

  async updateBody(input: UpdateBodyInput, scope: Scope): Promise<BodyEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.getBody(input.id, scope, manager);
      await this.lockForWrite(manager, found.unitId, scope);
      const current = await manager.findOneOrFail(BodyEntity, { where: { id: input.id } });
      if (current.version !== input.version) throw UnitErrors.staleBody();
      const next = {
        kind: input.kind ?? current.kind,
        name: input.name ?? current.name,
        sortOrder: input.sortOrder ?? current.sortOrder,
        validFrom: input.validFrom ?? current.validFrom,
        validTo: input.validTo !== undefined ? input.validTo : current.validTo,
      };
      this.checkPeriod(next.validFrom, next.validTo);
      await manager.update(BodyEntity, { id: current.id }, { ...next, version: current.version + 1 });
      const after = await manager.findOneOrFail(BodyEntity, { where: { id: current.id } });
      await this.audit.record(manager, { operation: 'updateBody', entity: 'body', entityId: current.id, before: current, after });
      return after;
    });
  }

  private checkPeriod(from: string, to: string | null): void {
    if (to && to <= from) throw UnitErrors.periodOrder();
  }

  private async checkParent(manager: EntityManager, parentId: string): Promise<void> {
    const parent = await manager.findOne(UnitEntity, { where: { id: parentId } });
    if (!parent) throw UnitErrors.unknownUnit('parentId');
    if (parent.kind !== UnitKind.PROVINCE) throw UnitErrors.parentKind();
  }

  private async checkDuplicateName(
    manager: EntityManager,
    name: string,
    from: string,
    to: string | null,
    exceptId: string | null,
  ): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM unit
        WHERE name = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)
          AND (valid_to IS NULL OR valid_to > $3::date)
          AND ($4::date IS NULL OR valid_from < $4::date)
        LIMIT 1`,
      [name, exceptId, from, to],
    );
    if (rows.length) throw UnitErrors.duplicateName();
  }
}
