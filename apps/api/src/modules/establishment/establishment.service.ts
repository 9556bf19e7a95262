import { FieldErrorCode, LIMITS, RecordKind, RuleKey, todayIso } from '@canbo/shared';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { BadUserInputError } from '../../core/errors/app-errors';
import { Scope, ScopeErrors } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { RuleService } from '../rule/rule.service';
import { TitleService } from '../title/title.service';
import { BodyEntity } from '../unit/body.entity';
import { UnitEntity } from '../unit/unit.entity';
import { UnitService } from '../unit/unit.service';
import { EstablishmentArgs, EstablishmentHistoryArgs } from './dto/establishment.args';
import { ChangeEstablishmentInput, CorrectEstablishmentInput } from './dto/establishment.input';
import { EstablishmentRecordEntity } from './establishment.entity';
import { defaultEstablishmentRecords } from './establishment.defaults';
import { EstablishmentErrors } from './establishment.errors';
import { planChange } from '../../core/bitemporal';
import { itemKey, shapeProblems } from './establishment.rules';

const FIELD_LABELS: Record<string, string> = {
  staffCategory: 'loại cán bộ',
  committee: 'loại cấp ủy',
  term: 'nhiệm kỳ',
  titleId: 'chức danh',
  field: 'lĩnh vực',
};

@Injectable()
export class EstablishmentService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitService,
    private readonly titles: TitleService,
    private readonly rules: RuleService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.units.registerLifecycleHooks({
      created: (manager, unit, bodies) => this.applyDefaults(manager, unit, bodies),
      ended: (manager, unit, endDate) => this.closeAt(manager, unit.id, endDate),
    });
  }

  /** A new commune-level unit gets the default establishment of the rule version in force on its first day. */
  private async applyDefaults(manager: EntityManager, unit: UnitEntity, bodies: BodyEntity[]): Promise<void> {
    const rule = await this.rules.inForce(RuleKey.DEFAULT_COMMUNE_ESTABLISHMENT, unit.validFrom).catch(() => null);
    if (!rule) return;
    const titles = await this.titles.byCodes(manager, Object.keys(rule.value.titleSeats));
    const [{ now }] = await manager.query('SELECT now() AS now');
    const records = defaultEstablishmentRecords({
      unitId: unit.id,
      bodies,
      titles: new Map(titles.map((t) => [t.code, t])),
      template: rule.value,
      versionLabel: rule.versionLabel,
      validFrom: unit.validFrom,
      recordedAt: now,
    });
    if (!records.length) return;
    const inserted = await manager.insert(EstablishmentRecordEntity, records);
    await this.audit.record(
      manager,
      ...records.map((r, i) => ({
        operation: 'createUnit',
        entity: 'establishmentRecord',
        entityId: inserted.identifiers[i]?.id as string,
        after: { itemKey: r.itemKey, value: r.value, validFrom: r.validFrom, reason: r.reason },
      })),
    );
  }

  /** A unit that ends: what it held after its last day is superseded, what spans that day is cut there. */
  private async closeAt(manager: EntityManager, unitId: string, endDate: string): Promise<void> {
    const open = await manager
      .getRepository(EstablishmentRecordEntity)
      .createQueryBuilder('e')
      .where('e.unit_id = :unitId AND e.superseded_at IS NULL', { unitId })
      .andWhere('(e.valid_to IS NULL OR e.valid_to > :endDate)', { endDate })
      .getMany();
    if (!open.length) return;
    const [{ now }] = await manager.query('SELECT now() AS now');
    for (const record of open) {
      await manager.update(EstablishmentRecordEntity, { id: record.id }, { supersededAt: now, version: record.version + 1 });
      await this.audit.record(manager, {
        operation: 'recordUnitSuccession',
        entity: 'establishmentRecord',
        entityId: record.id,
        before: { validTo: record.validTo },
        after: { validTo: record.validFrom < endDate ? endDate : record.validFrom, superseded: true },
      });
      if (record.validFrom < endDate) {
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, title: _t, body: _b, ...copy } = record;
        await manager.insert(EstablishmentRecordEntity, { ...copy, validTo: endDate, recordedAt: now, supersededAt: null });
      }
    }
  }

  private records(manager: EntityManager = this.dataSource.manager) {
    return manager
      .getRepository(EstablishmentRecordEntity)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.title', 'title')
      .leftJoinAndSelect('e.body', 'body');
  }

  /** The establishment of a unit on a date, as the registry knew it at a time. */
  async asOf(args: EstablishmentArgs, scope: Scope): Promise<EstablishmentRecordEntity[]> {
    await this.units.get(args.unitId, scope);
    const asOf = args.asOf ?? todayIso();
    const params: Record<string, unknown> = { unitId: args.unitId };
    const qb = this.records()
      .where(`e.unit_id = :unitId AND ${scope.unitCategoryCondition('e.unit_id', 'e.staff_category', params)}`)
      .setParameters(params)
      .andWhere('e.valid_from <= :asOf AND (e.valid_to IS NULL OR e.valid_to > :asOf)', { asOf });
    if (args.asKnownAt) {
      qb.andWhere('e.recorded_at <= :known AND (e.superseded_at IS NULL OR e.superseded_at > :known)', {
        known: args.asKnownAt,
      });
    } else {
      qb.andWhere('e.superseded_at IS NULL');
    }
    return qb.orderBy('e.item_kind').addOrderBy('title.sort_order').addOrderBy('e.item_key').getMany();
  }

  /** Every record ever written for a unit (or one item), superseded ones included. */
  async history(args: EstablishmentHistoryArgs, scope: Scope): Promise<EstablishmentRecordEntity[]> {
    await this.units.get(args.unitId, scope);
    const params: Record<string, unknown> = { unitId: args.unitId };
    const qb = this.records()
      .where(`e.unit_id = :unitId AND ${scope.unitCategoryCondition('e.unit_id', 'e.staff_category', params)}`)
      .setParameters(params);
    if (args.itemKey) qb.andWhere('e.item_key = :itemKey', { itemKey: args.itemKey });
    return qb.orderBy('e.item_key').addOrderBy('e.valid_from', 'DESC').addOrderBy('e.recorded_at', 'DESC').getMany();
  }

  async change(input: ChangeEstablishmentInput, scope: Scope): Promise<EstablishmentRecordEntity> {
    const problems = shapeProblems(input);
    if (problems.length) {
      throw new BadUserInputError(
        problems.map(([field, problem]) => ({
          field,
          code: problem === 'required' ? FieldErrorCode.REQUIRED : FieldErrorCode.INVALID_VALUE,
          message:
            problem === 'required'
              ? `Phải chọn ${FIELD_LABELS[field]} cho loại định suất này`
              : `Không dùng ${FIELD_LABELS[field]} cho loại định suất này`,
        })),
      );
    }
    if (input.term) {
      const [, from, to] = LIMITS.termPattern.exec(input.term) ?? [];
      if (!from || Number(to) <= Number(from)) throw EstablishmentErrors.termOrder();
    }
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.units.lockForWrite(manager, input.unitId, scope);
      if (input.staffCategory && !scope.includesCategory(unit.id, input.staffCategory)) throw ScopeErrors.outOfScope();
      if (input.effectiveFrom < unit.validFrom) throw EstablishmentErrors.beforeUnit();
      if (unit.validTo && input.effectiveFrom >= unit.validTo) throw EstablishmentErrors.afterUnit();
      if (input.bodyId) {
        const body = await this.units.getBody(input.bodyId, scope, manager).catch(() => null);
        if (!body || body.unitId !== unit.id) throw EstablishmentErrors.bodyOfOtherUnit();
      }
      if (input.titleId) await this.titles.requireExisting(manager, input.titleId);

      const key = itemKey(input);
      const current = await manager.find(EstablishmentRecordEntity, {
        where: { unitId: unit.id, itemKey: key, supersededAt: IsNull() },
        order: { validFrom: 'ASC' },
      });
      const plan = planChange(current, input.effectiveFrom, input.value);
      const base = plan.covering as EstablishmentRecordEntity | null;
      if ((base?.id ?? null) !== (input.baseRecordId ?? null)) throw EstablishmentErrors.stale();
      if (base && input.baseVersion != null && base.version !== input.baseVersion) throw EstablishmentErrors.stale();
      if (base && base.value === input.value) throw EstablishmentErrors.unchanged();

      const [{ now }] = await manager.query('SELECT now() AS now');
      for (const old of plan.supersede as EstablishmentRecordEntity[]) {
        const result = await manager.update(
          EstablishmentRecordEntity,
          { id: old.id, version: old.version },
          { supersededAt: now, version: old.version + 1 },
        );
        if (!result.affected) throw EstablishmentErrors.stale();
      }
      let created: EstablishmentRecordEntity | null = null;
      for (const row of plan.insert) {
        const carried = row.carriedFrom ? (current.find((c) => c.id === row.carriedFrom) ?? null) : null;
        created = await manager.save(
          manager.create(EstablishmentRecordEntity, {
            unitId: unit.id,
            bodyId: input.bodyId ?? null,
            itemKind: input.itemKind,
            itemKey: key,
            staffCategory: input.staffCategory ?? null,
            committee: input.committee ?? null,
            term: input.term ?? null,
            titleId: input.titleId ?? null,
            field: input.field ?? null,
            value: row.value,
            validFrom: row.validFrom,
            validTo: row.validTo,
            recordedAt: now,
            supersededAt: null,
            recordKind: carried ? carried.recordKind : RecordKind.CHANGE,
            // a remainder is the carried record re-recorded for a shorter period: it keeps its kind, link and reason
            correctsId: carried ? carried.correctsId : null,
            reason: carried ? carried.reason : (input.reason ?? null),
          }),
        );
      }
      await this.audit.record(manager, {
        operation: 'changeEstablishment',
        entity: 'establishmentRecord',
        entityId: created!.id,
        before: base ? { value: base.value, validFrom: base.validFrom, validTo: base.validTo, recordId: base.id } : null,
        after: { value: created!.value, validFrom: created!.validFrom, validTo: created!.validTo, itemKey: key, reason: created!.reason },
      });
      return this.records(manager).where('e.id = :id', { id: created!.id }).getOneOrFail();
    });
  }

  async correct(input: CorrectEstablishmentInput, scope: Scope): Promise<EstablishmentRecordEntity> {
    return this.dataSource.transaction(async (manager) => {
      const params: Record<string, unknown> = { id: input.recordId };
      const found = await manager
        .getRepository(EstablishmentRecordEntity)
        .createQueryBuilder('e')
        .where(`e.id = :id AND ${scope.unitCategoryCondition('e.unit_id', 'e.staff_category', params)}`)
        .setParameters(params)
        .getOne();
      if (!found) throw EstablishmentErrors.recordNotFound(input.recordId);
      await this.units.lockForWrite(manager, found.unitId, scope);
      const record = await manager.findOneOrFail(EstablishmentRecordEntity, { where: { id: input.recordId } });
      if (record.supersededAt || record.version !== input.version) throw EstablishmentErrors.stale();
      if (record.value === input.value) throw EstablishmentErrors.unchanged();
      const [{ now }] = await manager.query('SELECT now() AS now');
      await manager.update(
        EstablishmentRecordEntity,
        { id: record.id, version: record.version },
        { supersededAt: now, version: record.version + 1 },
      );
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, title: _t, body: _b, ...copy } = record;
      const created = await manager.save(
        manager.create(EstablishmentRecordEntity, {
          ...copy,
          value: input.value,
          recordedAt: now,
          supersededAt: null,
          recordKind: RecordKind.CORRECTION,
          correctsId: record.id,
          reason: input.reason,
        }),
      );
      await this.audit.record(manager, {
        operation: 'correctEstablishment',
        entity: 'establishmentRecord',
        entityId: created.id,
        before: { value: record.value, recordId: record.id },
        after: { value: created.value, reason: created.reason, correctsId: record.id },
      });
      return this.records(manager).where('e.id = :id', { id: created.id }).getOneOrFail();
    });
  }
}
