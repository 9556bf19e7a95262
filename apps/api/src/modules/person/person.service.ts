import { AgeBand, birthDateProblem, PersonEntryKind, foldForSearch, politicalTheoryLevelsCountingAs, QualificationLevel, youngBirthCutoff, PersonStatus, RecordKind, SENSITIVE_FIELDS, StaffCategory, todayIso } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { planChange } from '../../core/bitemporal';
import { Connection, decodeCursor, toConnection } from '../../core/graphql/pagination';
import { currentContext } from '../../core/logging/request-context';
import { Scope, ScopeErrors } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { UnitEntity } from '../unit/unit.entity';
import { UnitService } from '../unit/unit.service';
import { PersonArgs, PersonFilter, PersonsArgs } from './dto/person.args';
import {
  ChangePersonAssignmentInput,
  CorrectPersonAssignmentInput,
  CreatePersonInput,
  UpdatePersonIdentityInput,
} from './dto/person.input';
import {
  Identity,
  IDENTITY_FIELDS,
  PersonAssignmentEntity,
  PersonEntity,
  PersonRevisionEntity,
  PersonTimeline,
} from './person.entity';
import { PersonErrors } from './person.errors';
import { PersonEntryEntity, PersonRecordEntity } from './person-record.entity';
import { localSql } from './person.sql';
import { containsPattern, escapeLike } from '../../core/database/like';

/** What selects a person list: the filter and the date the assignments hold on (the arguments of `persons` but paging). */
export interface PersonListArgs {
  filter?: PersonFilter | null;
  asOf?: string | null;
}

/** The sensitive fields of a person, as GraphQL and audit rows name them. */
export const PERSON_SENSITIVE_FIELDS = SENSITIVE_FIELDS.person as readonly (keyof PersonEntity & keyof Identity)[];

const REQUIRED_IDENTITY = new Set<string>(['fullName', 'gender', 'birthDate', 'nationalId', 'status']);

/** What an assignment record holds (its value in the bitemporal planner). */
export interface AssignmentValue {
  unitId: string;
  bodyId: string | null;
  staffCategory: StaffCategory;
  jobPosition: string;
  secondedToUnitId: string | null;
}

/** The value of an assignment record as the planner compares it (also used by the import). */
export function valueOf(r: AssignmentValue): AssignmentValue {
  return {
    unitId: r.unitId,
    bodyId: r.bodyId ?? null,
    staffCategory: r.staffCategory,
    jobPosition: r.jobPosition,
    secondedToUnitId: r.secondedToUnitId ?? null,
  };
}

export function sameValue(a: AssignmentValue, b: AssignmentValue): boolean {
  return JSON.stringify(valueOf(a)) === JSON.stringify(valueOf(b));
}

export function personSearchText(fullName: string, otherNames?: string | null): string {
  return foldForSearch([fullName, otherNames].filter(Boolean).join(' '));
}

export function identityOf(p: Partial<Identity>): Identity {
  return Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, p[f] ?? null])) as unknown as Identity;
}

/** SQL: the assignment `a` is in force on :asOf. */
const IN_FORCE = (a: string) => `${a}.valid_from <= :asOf AND (${a}.valid_to IS NULL OR ${a}.valid_to > :asOf)`;

/** SQL: the record `a` was the registry's knowledge at :known (or is current knowledge). */
function knownCondition(a: string, asKnownAt: Date | null | undefined, params: Record<string, unknown>): string {
  if (!asKnownAt) return `${a}.superseded_at IS NULL`;
  params.known = asKnownAt;
  return `${a}.recorded_at <= :known AND (${a}.superseded_at IS NULL OR ${a}.superseded_at > :known)`;
}

/** SQL: the assignment `a` is visible in the scope: its home unit and category, or its host unit (seconded in). */
/** A scope of at most this many units lists its people by unit first (see list). */
const NARROW_SCOPE_UNITS = 20;

function visibleCondition(a: string, scope: Scope, params: Record<string, unknown>): string {
  return `(${scope.unitCategoryCondition(`${a}.unit_id`, `${a}.staff_category`, params)} OR ${scope.unitCategoryCondition(
    `${a}.seconded_to_unit_id`,
    `${a}.staff_category`,
    params,
  )})`;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error as unknown as { constraint?: string }).constraint === constraint;
}

@Injectable()
export class PersonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitService,
    private readonly audit: AuditService,
  ) {}

  /** Persons whose assignment in force on asOf is in the caller's scope (in SQL), sorted by folded name. */
  async list(args: PersonsArgs, scope: Scope, canReadSensitive: boolean): Promise<Connection<PersonEntity>> {
    const { qb, asOf, narrow } = this.filtered(args, scope, canReadSensitive, this.dataSource.manager);
    const countQuery = qb.clone();
    if (args.after) {
      const cursor = decodeCursor(args.after);
      qb.andWhere('(p.search_text, p.id) > (:cursorSort, :cursorId)', { cursorSort: String(cursor.sort), cursorId: cursor.id });
    } else {
      // the first page counts in the same pass
      qb.addSelect('count(*) OVER ()', 'total_count');
    }
    const { entities: rows, raw } = await qb
      .orderBy(narrow ? `p.search_text || ''` : 'p.search_text', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(args.first + 1)
      .getRawAndEntities<{ total_count?: string }>();
    const totalCount = args.after ? await countQuery.getCount() : Number(raw[0]?.total_count ?? 0);
    const connection = toConnection(rows, args.first, totalCount, Boolean(args.after), (p) => p.searchText);
    await this.attachAssignments(
      connection.edges.map((e) => e.node),
      asOf,
    );
    return connection;
  }

  /** How many persons the filtered list holds (the same filter, asOf and scope as `list`). */
  async count(args: PersonListArgs, scope: Scope, canReadSensitive: boolean, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return this.filtered(args, scope, canReadSensitive, manager).qb.getCount();
  }

  /**
   * Every person of the filtered list (the same filter, asOf and scope as `list`), sorted by folded name, in keyset
   * batches with their assignment in force on asOf (named). For exports: memory stays bounded by one batch. Pass
   * the manager of a REPEATABLE READ transaction to read every batch from one snapshot.
   */
  async *batches(
    args: PersonListArgs,
    scope: Scope,
    canReadSensitive: boolean,
    options: { batchSize?: number; manager?: EntityManager } = {},
  ): AsyncGenerator<PersonEntity[]> {
    const batchSize = options.batchSize ?? 1000;
    const manager = options.manager ?? this.dataSource.manager;
    let cursor: { sort: string; id: string } | null = null;
    for (;;) {
      const { qb, asOf, narrow } = this.filtered(args, scope, canReadSensitive, manager);
      if (cursor) qb.andWhere('(p.search_text, p.id) > (:cursorSort, :cursorId)', { cursorSort: cursor.sort, cursorId: cursor.id });
      const rows = await qb
        .orderBy(narrow ? `p.search_text || ''` : 'p.search_text', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .limit(batchSize)
        .getMany();
      if (!rows.length) return;
      await this.attachAssignments(rows, asOf, manager);
      yield rows;
      if (rows.length < batchSize) return;
      const last = rows[rows.length - 1];
      cursor = { sort: last.searchText, id: last.id };
    }
  }

  /**
   * The filtered list as a query (no order, no limit): persons with an assignment in force on asOf in the scope,
   * and the filter's conditions. Refuses the sensitive filters (national ID search, ethnicity) without the
   * permission.
   */
  private filtered(args: PersonListArgs, scope: Scope, canReadSensitive: boolean, manager: EntityManager) {
    const asOf = args.asOf ?? todayIso();
    const f = args.filter ?? {};
    const search = f.search?.trim() ?? '';
    const byNationalId = /^[0-9 ]+$/u.test(search) && /[0-9]/u.test(search);
    if ((f.ethnicityCode || byNationalId) && !canReadSensitive) throw PersonErrors.sensitiveFilter();

    const params: Record<string, unknown> = { asOf };
    let assigned = `a.person_id = p.id AND a.superseded_at IS NULL AND ${IN_FORCE('a')} AND ${visibleCondition('a', scope, params)}`;
    if (f.unitId) {
      assigned += ' AND (a.unit_id = :unitId OR a.seconded_to_unit_id = :unitId)';
      params.unitId = f.unitId;
    }
    if (f.bodyId) {
      assigned += ' AND a.body_id = :bodyId';
      params.bodyId = f.bodyId;
    }
    if (f.staffCategory) {
      assigned += ' AND a.staff_category = :staffCategory';
      params.staffCategory = f.staffCategory;
    }
    if (f.isLocal != null) {
      // local to the unit of the assignment in force (the override, or derived from hometown / residence)
      assigned += ` AND ${localSql('p', 'a.unit_id')} = :isLocal`;
      params.isLocal = f.isLocal;
    }
    const qb = manager
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .where(`EXISTS (SELECT 1 FROM person_assignment a WHERE ${assigned})`)
      .setParameters(params);
    if (byNationalId) {
      qb.andWhere(`p.national_id LIKE :nid ESCAPE '\\'`, { nid: `${escapeLike(search.replace(/ /gu, ''))}%` });
    } else if (search) {
      qb.andWhere(`p.search_text LIKE :search ESCAPE '\\'`, { search: containsPattern(foldForSearch(search)) });
    }
    if (f.gender) qb.andWhere('p.gender = :gender', { gender: f.gender });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.ethnicityCode) qb.andWhere('p.ethnicity_code = :ethnicityCode', { ethnicityCode: f.ethnicityCode });
    // person records in force on asOf (current knowledge)
    const held = (condition: string) =>
      `EXISTS (SELECT 1 FROM person_record r WHERE r.person_id = p.id AND r.superseded_at IS NULL AND ${IN_FORCE('r')} AND ${condition})`;
    if (f.titleId) qb.andWhere(held(`r.kind = 'TITLE' AND r.title_id = :titleId`), { titleId: f.titleId });
    if (f.committee) qb.andWhere(held(`r.kind = 'COMMITTEE' AND r.committee = :committee`), { committee: f.committee });
    if (f.qualificationLevel === QualificationLevel.NOT_RECORDED) {
      qb.andWhere(`NOT ${held(`r.kind = 'QUALIFICATION' AND r.level <> :notRecorded`)}`, { notRecorded: QualificationLevel.NOT_RECORDED });
    } else if (f.qualificationLevel) {
      qb.andWhere(held(`r.kind = 'QUALIFICATION' AND r.level = :qualificationLevel`), { qualificationLevel: f.qualificationLevel });
    }
    if (f.politicalTheoryLevel) {
      qb.andWhere(held(`r.kind = 'POLITICAL_THEORY' AND r.level IN (:...theoryLevels)`), {
        theoryLevels: politicalTheoryLevelsCountingAs(f.politicalTheoryLevel),
      });
    }
    if (f.ageBand) {
      // young: under the age of the dated rule on the reference date (asOf)
      const op = f.ageBand === AgeBand.YOUNG ? '>' : '<=';
      qb.andWhere(`p.birth_date ${op} :youngCutoff::date`, { youngCutoff: youngBirthCutoff(asOf) });
    }
    // Narrow lists (one unit or body, or a scope of a few units) are computed whole and sorted: ordering by an
    // expression keeps the planner from walking the name index of the whole province hoping to meet 50 of them.
    const narrow = Boolean(f.unitId || f.bodyId) || scope.unitCountAtMost(NARROW_SCOPE_UNITS);
    return { qb, asOf, narrow };
  }

  private async attachAssignments(persons: PersonEntity[], asOf: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!persons.length) return;
    const assignments = await manager
      .getRepository(PersonAssignmentEntity)
      .createQueryBuilder('a')
      .where(`a.person_id IN (:...ids) AND a.superseded_at IS NULL AND ${IN_FORCE('a')}`, { ids: persons.map((p) => p.id), asOf })
      .getMany();
    await this.nameAssignments(assignments);
    const byPerson = new Map(assignments.map((a) => [a.personId, a]));
    for (const p of persons) p.assignment = byPerson.get(p.id) ?? null;
  }

  /** Fills the unit, body and host names of assignments (two queries, whatever their number). */
  private async nameAssignments(assignments: PersonAssignmentEntity[]): Promise<void> {
    if (!assignments.length) return;
    const unitIds = [...new Set(assignments.flatMap((a) => [a.unitId, a.secondedToUnitId]).filter((x): x is string => Boolean(x)))];
    const bodyIds = [...new Set(assignments.map((a) => a.bodyId).filter((x): x is string => Boolean(x)))];
    const units = new Map((await this.units.getMany(unitIds)).map((u) => [u.id, u.name]));
    const bodies = new Map((bodyIds.length ? await this.units.getBodies(bodyIds) : []).map((b) => [b.id, b.name]));
    for (const a of assignments) {
      a.unitName = units.get(a.unitId) ?? null;
      a.bodyName = a.bodyId ? (bodies.get(a.bodyId) ?? null) : null;
      a.secondedToUnitName = a.secondedToUnitId ? (units.get(a.secondedToUnitId) ?? null) : null;
    }
  }

  /**
   * One person on a date, as known at a time: NOT_FOUND unless their assignment in force on that date (as then
   * known) is in the scope. The identity as known at T is the latest revision recorded at or before T.
   */
  async get(args: PersonArgs, scope: Scope, manager: EntityManager = this.dataSource.manager): Promise<PersonEntity> {
    const asOf = args.asOf ?? todayIso();
    const params: Record<string, unknown> = { id: args.id, asOf };
    const known = knownCondition('a', args.asKnownAt, params);
    const assignment = await manager
      .getRepository(PersonAssignmentEntity)
      .createQueryBuilder('a')
      .where(`a.person_id = :id AND ${known} AND ${IN_FORCE('a')} AND ${visibleCondition('a', scope, params)}`)
      .setParameters(params)
      .orderBy('a.recorded_at', 'DESC')
      .getOne();
    if (!assignment) {
      // No assignment in force on that date in the scope. When there is none at all that day (before the first
      // one, after the last), the file is still readable, without an assignment, by whoever may see one of the
      // person's assignments; one in force elsewhere keeps it out of reach.
      const anyParams: Record<string, unknown> = { id: args.id, asOf };
      const anyKnown = knownCondition('a', args.asKnownAt, anyParams);
      const [{ elsewhere, visible }] = await manager.query(
        ...this.dataSource.driver.escapeQueryWithParameters(
          `SELECT EXISTS (SELECT 1 FROM person_assignment a WHERE a.person_id = :id AND ${anyKnown} AND ${IN_FORCE('a')}) AS elsewhere,
                  EXISTS (SELECT 1 FROM person_assignment a WHERE a.person_id = :id AND ${anyKnown} AND ${visibleCondition('a', scope, anyParams)}) AS visible`,
          anyParams,
        ),
      );
      if (elsewhere || !visible) throw PersonErrors.notFound(args.id);
    }
    const person = await manager.findOne(PersonEntity, { where: { id: args.id } });
    if (!person) throw PersonErrors.notFound(args.id);
    if (args.asKnownAt) {
      const revision = await manager
        .getRepository(PersonRevisionEntity)
        .createQueryBuilder('r')
        .where('r.person_id = :id AND r.recorded_at <= :known', { id: args.id, known: args.asKnownAt })
        .orderBy('r.recorded_at', 'DESC')
        .getOne();
      if (!revision) throw PersonErrors.notFound(args.id);
      Object.assign(person, identityOf(revision.data as Partial<Identity>));
    }
    if (assignment) await this.nameAssignments([assignment]);
    person.assignment = assignment ?? null;
    return person;
  }

  /** Every assignment record and identity revision of a person, superseded ones included. */
  async timeline(id: string, scope: Scope): Promise<PersonTimeline> {
    const params: Record<string, unknown> = { id };
    const visible = await this.dataSource
      .getRepository(PersonAssignmentEntity)
      .createQueryBuilder('a')
      .where(`a.person_id = :id AND ${visibleCondition('a', scope, params)}`)
      .setParameters(params)
      .getExists();
    if (!visible) throw PersonErrors.notFound(id);
    const assignments = await this.dataSource
      .getRepository(PersonAssignmentEntity)
      .createQueryBuilder('a')
      .where('a.person_id = :id', { id })
      .orderBy('a.valid_from', 'DESC')
      .addOrderBy('a.recorded_at', 'DESC')
      .getMany();
    const revisions = await this.dataSource
      .getRepository(PersonRevisionEntity)
      .createQueryBuilder('r')
      .where('r.person_id = :id', { id })
      .orderBy('r.recorded_at', 'DESC')
      .getMany();
    const records = await this.dataSource
      .getRepository(PersonRecordEntity)
      .createQueryBuilder('r')
      .where('r.person_id = :id', { id })
      .orderBy('r.valid_from', 'DESC')
      .addOrderBy('r.recorded_at', 'DESC')
      .getMany();
    const entries = await this.dataSource
      .getRepository(PersonEntryEntity)
      .createQueryBuilder('e')
      .where('e.person_id = :id', { id })
      .orderBy('e.recorded_at', 'DESC')
      .getMany();
    await this.nameAssignments(assignments);
    return { personId: id, assignments, revisions, records, entries };
  }

  /**
   * What a caller receives: sensitive fields nulled without personnel.read_sensitive; with it, when they were
   * selected, one audit entry per person read (inserted in bulk).
   */
  async present(persons: PersonEntity[], canReadSensitive: boolean, selected: ReadonlySet<string>, operation = 'readSensitive'): Promise<void> {
    if (!canReadSensitive) {
      for (const p of persons) for (const f of PERSON_SENSITIVE_FIELDS) (p as unknown as Record<string, unknown>)[f] = null;
      return;
    }
    const fields = PERSON_SENSITIVE_FIELDS.filter((f) => selected.has(f));
    if (!fields.length || !persons.length) return;
    await this.audit.record(
      this.dataSource.manager,
      ...persons.map((p) => ({ operation, entity: 'person', entityId: p.id, details: { fields, via: 'person' } })),
    );
  }

  /**
   * The same for a timeline: the identity snapshots of its revisions carry the sensitive fields, and family
   * entries are sensitive as a whole (left out without the permission).
   */
  async presentTimeline(timeline: PersonTimeline, canReadSensitive: boolean, selected: ReadonlySet<string>): Promise<void> {
    if (!canReadSensitive) {
      for (const r of timeline.revisions) {
        r.data = { ...r.data, ...Object.fromEntries(PERSON_SENSITIVE_FIELDS.map((f) => [f, null])) };
      }
      timeline.entries = timeline.entries.filter((e) => e.kind !== PersonEntryKind.FAMILY);
      return;
    }
    const fields: string[] = selected.has('data') && timeline.revisions.length ? [...PERSON_SENSITIVE_FIELDS] : [];
    if (selected.has('entries') && timeline.entries.some((e) => e.kind === PersonEntryKind.FAMILY)) fields.push('family');
    if (!fields.length) return;
    await this.audit.record(this.dataSource.manager, {
      operation: 'readSensitive',
      entity: 'person',
      entityId: timeline.personId,
      details: { fields, via: 'personTimeline' },
    });
  }

  async create(input: CreatePersonInput, scope: Scope): Promise<PersonEntity> {
    this.checkBirthDate(input.birthDate);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const unit = await this.units.lockForWrite(manager, input.unitId, scope);
        if (!scope.includesCategory(unit.id, input.staffCategory)) throw ScopeErrors.outOfScope();
        this.checkUnitPeriod(unit, input.validFrom, 'validFrom');
        if (input.bodyId) await this.checkBody(manager, input.bodyId, unit.id, scope);
        await this.checkNationalIdFree(manager, input.nationalId, null);
        const identity = identityOf({ ...input, status: input.status ?? PersonStatus.SERVING });
        this.checkParty(identity);
        const person = await manager.save(
          manager.create(PersonEntity, { ...identity, searchText: personSearchText(identity.fullName, identity.otherNames) }),
        );
        const now = await this.now(manager);
        await this.writeRevision(manager, person.id, now, RecordKind.CHANGE, null, identity);
        const assignment = await manager.save(
          manager.create(PersonAssignmentEntity, {
            personId: person.id,
            ...valueOf({ ...input, bodyId: input.bodyId ?? null, secondedToUnitId: null }),
            validFrom: input.validFrom,
            validTo: null,
            recordedAt: now,
            supersededAt: null,
            recordKind: RecordKind.CHANGE,
            correctsId: null,
            reason: null,
          }),
        );
        await this.audit.record(
          manager,
          { operation: 'createPerson', entity: 'person', entityId: person.id, after: identity },
          {
            operation: 'createPerson',
            entity: 'personAssignment',
            entityId: assignment.id,
            after: { personId: person.id, ...valueOf(assignment), validFrom: assignment.validFrom },
          },
        );
        return this.get({ id: person.id, asOf: input.validFrom }, Scope.everything(), manager);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'person_national_id_key')) throw PersonErrors.duplicateNationalId();
      throw error;
    }
  }

  async updateIdentity(input: UpdatePersonIdentityInput, scope: Scope): Promise<PersonEntity> {
    if (input.kind === RecordKind.CORRECTION && !input.reason) throw PersonErrors.reasonRequired();
    if (input.birthDate) this.checkBirthDate(input.birthDate);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.lockForWrite(manager, input.id, scope);
        if (current.version !== input.version) throw PersonErrors.stale();
        const before = identityOf(current);
        const next = { ...before } as Record<string, unknown>;
        for (const f of IDENTITY_FIELDS) {
          const value = (input as unknown as Record<string, unknown>)[f];
          if (value === undefined || (value === null && REQUIRED_IDENTITY.has(f))) continue;
          next[f] = value;
        }
        const after = next as unknown as Identity;
        this.checkParty(after);
        if (after.nationalId !== before.nationalId) await this.checkNationalIdFree(manager, after.nationalId, current.id);
        const result = await manager.update(
          PersonEntity,
          { id: current.id, version: current.version },
          { ...after, searchText: personSearchText(after.fullName, after.otherNames), version: current.version + 1 },
        );
        if (!result.affected) throw PersonErrors.stale();
        const now = await this.now(manager);
        await this.writeRevision(manager, current.id, now, input.kind, input.reason ?? null, after);
        await this.audit.record(manager, {
          operation: 'updatePersonIdentity',
          entity: 'person',
          entityId: current.id,
          before,
          after,
          details: { kind: input.kind, reason: input.reason ?? null },
        });
        const person = await manager.findOneOrFail(PersonEntity, { where: { id: current.id } });
        await this.attachAssignmentsIn(manager, person);
        return person;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'person_national_id_key')) throw PersonErrors.duplicateNationalId();
      throw error;
    }
  }

  /** A real change of the assignment from a date, planned by the bitemporal planner; nothing overwritten. */
  async changeAssignment(input: ChangePersonAssignmentInput, scope: Scope): Promise<PersonAssignmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.lockForWrite(manager, input.personId, scope);
      const unit = await this.units.lockForWrite(manager, input.unitId, scope);
      if (!scope.includesCategory(unit.id, input.staffCategory)) throw ScopeErrors.outOfScope();
      this.checkUnitPeriod(unit, input.effectiveFrom, 'effectiveFrom');
      if (input.bodyId) await this.checkBody(manager, input.bodyId, unit.id, scope);
      if (input.secondedToUnitId) await this.checkHost(manager, input.secondedToUnitId, unit.id);
      const value = valueOf({ ...input, bodyId: input.bodyId ?? null, secondedToUnitId: input.secondedToUnitId ?? null });

      const current = await manager.find(PersonAssignmentEntity, {
        where: { personId: person.id, supersededAt: IsNull() },
        order: { validFrom: 'ASC' },
      });
      const periods = current.map((r) => ({ id: r.id, value: valueOf(r), validFrom: r.validFrom, validTo: r.validTo, record: r }));
      const plan = planChange(periods, input.effectiveFrom, value);
      const base = plan.covering?.record ?? null;
      if ((base?.id ?? null) !== (input.baseRecordId ?? null)) throw PersonErrors.staleAssignment();
      if (base && input.baseVersion != null && base.version !== input.baseVersion) throw PersonErrors.staleAssignment();
      if (base && sameValue(base, value)) throw PersonErrors.unchanged();

      const now = await this.now(manager);
      for (const old of plan.supersede) {
        const result = await manager.update(
          PersonAssignmentEntity,
          { id: old.record.id, version: old.record.version },
          { supersededAt: now, version: old.record.version + 1 },
        );
        if (!result.affected) throw PersonErrors.staleAssignment();
      }
      let created: PersonAssignmentEntity | null = null;
      for (const row of plan.insert) {
        const carried = row.carriedFrom ? (current.find((c) => c.id === row.carriedFrom) ?? null) : null;
        created = await manager.save(
          manager.create(PersonAssignmentEntity, {
            personId: person.id,
            ...row.value,
            validFrom: row.validFrom,
            validTo: row.validTo,
            recordedAt: now,
            supersededAt: null,
            // a remainder is the carried record re-recorded for a shorter period: it keeps its kind, link and reason
            recordKind: carried ? carried.recordKind : RecordKind.CHANGE,
            correctsId: carried ? carried.correctsId : null,
            reason: carried ? carried.reason : (input.reason ?? null),
          }),
        );
      }
      await this.audit.record(manager, {
        operation: 'changePersonAssignment',
        entity: 'personAssignment',
        entityId: created!.id,
        before: base ? { ...valueOf(base), validFrom: base.validFrom, validTo: base.validTo, recordId: base.id } : null,
        after: { personId: person.id, ...valueOf(created!), validFrom: created!.validFrom, validTo: created!.validTo, reason: created!.reason },
      });
      return created!;
    });
  }

  /** The correction of a mistaken assignment record: same period, new values, marked as a correction. */
  async correctAssignment(input: CorrectPersonAssignmentInput, scope: Scope): Promise<PersonAssignmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const params: Record<string, unknown> = { id: input.recordId };
      const found = await manager
        .getRepository(PersonAssignmentEntity)
        .createQueryBuilder('a')
        .where(`a.id = :id AND ${scope.unitCategoryCondition('a.unit_id', 'a.staff_category', params)}`)
        .setParameters(params)
        .getOne();
      if (!found) throw PersonErrors.recordNotFound(input.recordId);
      await this.lockForWrite(manager, found.personId, scope);
      const record = await manager.findOneOrFail(PersonAssignmentEntity, { where: { id: input.recordId } });
      if (record.supersededAt || record.version !== input.version) throw PersonErrors.staleAssignment();
      const value = valueOf({
        unitId: input.unitId ?? record.unitId,
        bodyId: input.bodyId !== undefined ? input.bodyId : input.unitId && input.unitId !== record.unitId ? null : record.bodyId,
        staffCategory: input.staffCategory ?? record.staffCategory,
        jobPosition: input.jobPosition ?? record.jobPosition,
        secondedToUnitId: input.secondedToUnitId !== undefined ? input.secondedToUnitId : record.secondedToUnitId,
      });
      const unit = await this.units.lockForWrite(manager, value.unitId, scope);
      if (!scope.includesCategory(unit.id, value.staffCategory)) throw ScopeErrors.outOfScope();
      this.checkUnitPeriod(unit, record.validFrom, 'unitId');
      if (value.bodyId) await this.checkBody(manager, value.bodyId, unit.id, scope);
      if (value.secondedToUnitId) await this.checkHost(manager, value.secondedToUnitId, unit.id);
      if (sameValue(record, value)) throw PersonErrors.unchanged();

      const now = await this.now(manager);
      await manager.update(
        PersonAssignmentEntity,
        { id: record.id, version: record.version },
        { supersededAt: now, version: record.version + 1 },
      );
      const created = await manager.save(
        manager.create(PersonAssignmentEntity, {
          personId: record.personId,
          ...value,
          validFrom: record.validFrom,
          validTo: record.validTo,
          recordedAt: now,
          supersededAt: null,
          recordKind: RecordKind.CORRECTION,
          correctsId: record.id,
          reason: input.reason,
        }),
      );
      await this.audit.record(manager, {
        operation: 'correctPersonAssignment',
        entity: 'personAssignment',
        entityId: created.id,
        before: { ...valueOf(record), recordId: record.id },
        after: { ...value, reason: created.reason, correctsId: record.id },
      });
      return created;
    });
  }

  /**
   * Loads a person row FOR UPDATE when one of their current assignment records lies in the write scope (home
   * unit and category); otherwise NOT_FOUND, like an unknown id.
   */
  async lockForWrite(manager: EntityManager, id: string, scope: Scope): Promise<PersonEntity> {
    const params: Record<string, unknown> = { id };
    const person = await manager
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where(
        `p.id = :id AND EXISTS (SELECT 1 FROM person_assignment a WHERE a.person_id = p.id AND a.superseded_at IS NULL AND ${scope.unitCategoryCondition(
          'a.unit_id',
          'a.staff_category',
          params,
        )})`,
      )
      .setParameters(params)
      .getOne();
    if (!person) throw PersonErrors.notFound(id);
    return person;
  }

  async attachAssignmentsIn(manager: EntityManager, person: PersonEntity): Promise<void> {
    person.assignment = await manager
      .getRepository(PersonAssignmentEntity)
      .createQueryBuilder('a')
      .where(`a.person_id = :id AND a.superseded_at IS NULL AND ${IN_FORCE('a')}`, { id: person.id, asOf: todayIso() })
      .getOne();
    if (person.assignment) await this.nameAssignments([person.assignment]);
  }

  private async now(manager: EntityManager): Promise<Date> {
    const [{ now }] = await manager.query('SELECT now() AS now');
    return now;
  }

  private async writeRevision(
    manager: EntityManager,
    personId: string,
    recordedAt: Date,
    recordKind: RecordKind,
    reason: string | null,
    identity: Identity,
  ): Promise<void> {
    await manager.save(
      manager.create(PersonRevisionEntity, {
        personId,
        recordedAt,
        recordKind,
        reason,
        data: { ...identity },
        actorName: currentContext()?.actor?.name ?? null,
      }),
    );
  }

  private checkBirthDate(birthDate: string): void {
    const problem = birthDateProblem(birthDate, todayIso());
    if (problem) throw PersonErrors.birthDate(problem);
  }

  /** Party dates: not in the future, not before birth, full membership not before admission. */
  private checkParty(identity: Identity): void {
    const today = todayIso();
    for (const field of ['partyJoinedOn', 'partyConfirmedOn'] as const) {
      const date = identity[field];
      if (date && date > today) throw PersonErrors.partyDate(field, 'Ngày không được sau hôm nay');
      if (date && date <= identity.birthDate) throw PersonErrors.partyDate(field, 'Ngày phải sau ngày sinh');
    }
    if (identity.partyJoinedOn && identity.partyConfirmedOn && identity.partyConfirmedOn < identity.partyJoinedOn) {
      throw PersonErrors.partyDate('partyConfirmedOn', 'Ngày chính thức không được trước ngày vào Đảng');
    }
  }

  private checkUnitPeriod(unit: UnitEntity, date: string, field: string): void {
    if (date < unit.validFrom) throw PersonErrors.beforeUnit(field);
    if (unit.validTo && date >= unit.validTo) throw PersonErrors.afterUnit(field);
  }

  private async checkBody(manager: EntityManager, bodyId: string, unitId: string, scope: Scope): Promise<void> {
    const body = await this.units.getBody(bodyId, scope, manager).catch(() => null);
    if (!body || body.unitId !== unitId) throw PersonErrors.bodyOfOtherUnit();
  }

  private async checkHost(manager: EntityManager, hostId: string, homeId: string): Promise<void> {
    if (hostId === homeId) throw PersonErrors.hostIsHome();
    if (!(await manager.exists(UnitEntity, { where: { id: hostId } }))) throw PersonErrors.unknownHost();
  }

  private async checkNationalIdFree(manager: EntityManager, nationalId: string, exceptId: string | null): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM person WHERE national_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1`,
      [nationalId, exceptId],
    );
    if (rows.length) throw PersonErrors.duplicateNationalId();
  }
}
