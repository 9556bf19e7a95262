import {
  CommitteeKind,
  PersonEntryKind,
  PersonRecordKind,
  formatDate,
  RecordKind,
  todayIso,
} from '@canbo/shared';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { planChange } from '../../core/bitemporal';
import { Scope } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { UnitEntity } from '../unit/unit.entity';
import { UnitService } from '../unit/unit.service';
import {
  AddPersonEntryInput,
  AddPersonRecordInput,
  ChangePersonRecordInput,
  CorrectPersonEntryInput,
  CorrectPersonRecordInput,
  EndPersonRecordInput,
  SetPersonLocalOverrideInput,
} from './dto/person-record.input';
import { PersonErrors } from './person.errors';
import { PersonAssignmentEntity, PersonEntity } from './person.entity';
import { PersonEntryEntity, PersonRecordEntity } from './person-record.entity';
import { PersonRecordErrors } from './person-records.errors';
import { IN_FORCE, localSql, TITLE_SEATS_OVERFILLED } from './person.sql';
import { PersonService } from './person.service';

/** What a person record holds: the typed columns and the details of its kind. */
export interface RecordContent {
  unitId: string | null;
  titleId: string | null;
  committee: CommitteeKind | null;
  term: string | null;
  level: string | null;
  value: Record<string, unknown>;
}

/** A title held in a unit over a period (an interactive edit's record, or the records an import writes). */
export interface TitleGrant {
  unitId: string;
  titleId: string;
  validFrom: string;
  validTo: string | null;
}

/** A date at which a unit's title has more holders than seats. */
export interface SeatOverfill {
  unitId: string;
  titleId: string;
  unitName: string;
  titleName: string;
  date: string;
  holders: number;
  seats: number;
}

/** What a dated entry holds. */
export interface EntryContent {
  dateFrom: string | null;
  dateTo: string | null;
  year: number | null;
  value: Record<string, unknown>;
}

type Fields = Record<string, unknown>;

const TEXT_LEVEL_KINDS = new Set([PersonRecordKind.STATE_MANAGEMENT, PersonRecordKind.IT, PersonRecordKind.FOREIGN_LANGUAGE]);

/** The input field that holds a record's `level` column, per kind. */
function levelField(kind: PersonRecordKind): string | null {
  if (kind === PersonRecordKind.QUALIFICATION) return 'qualificationLevel';
  if (kind === PersonRecordKind.POLITICAL_THEORY) return 'politicalTheoryLevel';
  if (kind === PersonRecordKind.CIVIL_SERVICE_RANK) return 'rankCode';
  if (TEXT_LEVEL_KINDS.has(kind)) return 'level';
  return null;
}

/** The details (jsonb) each kind keeps. */
const VALUE_FIELDS: Record<PersonRecordKind, string[]> = {
  [PersonRecordKind.TITLE]: [],
  [PersonRecordKind.COMMITTEE]: [],
  [PersonRecordKind.QUALIFICATION]: ['field', 'institution', 'year'],
  [PersonRecordKind.POLITICAL_THEORY]: ['institution', 'year'],
  [PersonRecordKind.STATE_MANAGEMENT]: ['institution', 'year'],
  [PersonRecordKind.IT]: ['institution', 'year'],
  [PersonRecordKind.FOREIGN_LANGUAGE]: ['language', 'institution', 'year'],
  [PersonRecordKind.CIVIL_SERVICE_RANK]: ['rankName', 'salaryStep'],
};

const ENTRY_VALUE_FIELDS: Record<PersonEntryKind, string[]> = {
  [PersonEntryKind.TRAINING]: ['course', 'trainingKind', 'certificate', 'text'],
  [PersonEntryKind.RATING]: ['rating', 'text'],
  [PersonEntryKind.COMMENDATION]: ['measure', 'decision', 'text'],
  [PersonEntryKind.DISCIPLINE]: ['measure', 'decision', 'text'],
  [PersonEntryKind.FAMILY]: ['relation', 'relativeName', 'occupation', 'residence', 'text'],
};

const RECORD_INPUT_FIELDS = [
  'titleId',
  'unitId',
  'committee',
  'term',
  'qualificationLevel',
  'politicalTheoryLevel',
  'level',
  'field',
  'institution',
  'year',
  'language',
  'rankCode',
  'rankName',
  'salaryStep',
];
const ENTRY_INPUT_FIELDS = [
  'dateFrom',
  'dateTo',
  'year',
  'rating',
  'course',
  'trainingKind',
  'certificate',
  'measure',
  'decision',
  'relation',
  'relativeName',
  'occupation',
  'residence',
  'text',
];

/** The given fields of an input over a base (undefined: keep the base; null: clear). */
export function overlay(base: Fields, input: object, names: string[]): Fields {
  const out = { ...base };
  for (const n of names) {
    const v = (input as Fields)[n];
    if (v !== undefined) out[n] = v;
  }
  return out;
}

/** The input fields a stored record stands for (the base of a change or correction). */
export function recordFields(r: PersonRecordEntity): Fields {
  const f: Fields = { ...r.value, titleId: r.titleId, unitId: r.unitId, committee: r.committee, term: r.term };
  const lf = levelField(r.kind);
  if (lf) f[lf] = r.level;
  return f;
}

function entryFields(e: PersonEntryEntity): Fields {
  return { ...e.value, dateFrom: e.dateFrom, dateTo: e.dateTo, year: e.year };
}

export function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Fields).filter(([, x]) => x !== null && x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, canon(x)]))
      : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

export function contentOf(r: PersonRecordEntity): RecordContent {
  return { unitId: r.unitId, titleId: r.titleId, committee: r.committee, term: r.term, level: r.level, value: r.value };
}

/** A record's content as audit rows keep it (flat: the audit diff skips nested objects). */
export function auditOf(c: RecordContent): Record<string, unknown> {
  const { value, ...typed } = c;
  return { ...typed, ...value };
}

function entryAuditOf(c: EntryContent): Record<string, unknown> {
  const { value, ...typed } = c;
  return { ...typed, ...value };
}

/** Audit rows of family relations carry sensitive values (SENSITIVE_FIELDS.personFamily): masked for other readers. */
function entryAuditEntity(kind: PersonEntryKind): string {
  return kind === PersonEntryKind.FAMILY ? 'personFamily' : 'personEntry';
}

function present(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

/** Checks the fields a kind needs and shapes them into a record's content (no database). */
export function recordContent(kind: PersonRecordKind, f: Fields): RecordContent {
  const need = (field: string, what: string) => {
    if (!present(f[field])) throw PersonRecordErrors.required(field, what);
  };
  let unitId: string | null = null;
  let titleId: string | null = null;
  let committee: CommitteeKind | null = null;
  let term: string | null = null;
  if (kind === PersonRecordKind.TITLE) {
    need('titleId', 'chức danh');
    need('unitId', 'đơn vị');
    titleId = f.titleId as string;
    unitId = f.unitId as string;
  } else if (kind === PersonRecordKind.COMMITTEE) {
    need('committee', 'loại cấp ủy');
    need('term', 'nhiệm kỳ');
    need('unitId', 'đơn vị');
    committee = f.committee as CommitteeKind;
    term = f.term as string;
    unitId = f.unitId as string;
    const [from, to] = term.split('-').map(Number);
    if (to <= from) throw PersonRecordErrors.termOrder();
  }
  const lf = levelField(kind);
  const labels: Record<string, string> = {
    qualificationLevel: 'trình độ chuyên môn',
    politicalTheoryLevel: 'trình độ lý luận chính trị',
    level: 'trình độ',
    rankCode: 'mã ngạch',
  };
  if (lf) need(lf, labels[lf]);
  if (kind === PersonRecordKind.CIVIL_SERVICE_RANK) need('salaryStep', 'bậc lương');
  if (kind === PersonRecordKind.FOREIGN_LANGUAGE) need('language', 'ngoại ngữ');
  const value = Object.fromEntries(VALUE_FIELDS[kind].filter((k) => present(f[k])).map((k) => [k, f[k]]));
  return { unitId, titleId, committee, term, level: lf ? String(f[lf]) : null, value };
}

/** Checks the fields an entry kind needs and shapes them (no database). */
export function entryContent(kind: PersonEntryKind, f: Fields, today: string): EntryContent {
  const need = (field: string, what: string) => {
    if (!present(f[field])) throw PersonRecordErrors.required(field, what);
  };
  let dateFrom: string | null = null;
  let dateTo: string | null = null;
  let year: number | null = null;
  if (kind === PersonEntryKind.TRAINING) {
    need('course', 'khóa đào tạo');
    need('trainingKind', 'loại đào tạo');
    need('dateFrom', 'ngày bắt đầu');
    dateFrom = f.dateFrom as string;
    dateTo = (f.dateTo as string | null) ?? null;
    if (dateTo && dateTo < dateFrom) throw PersonRecordErrors.periodOrder('dateTo');
  } else if (kind === PersonEntryKind.RATING) {
    need('year', 'năm xếp loại');
    need('rating', 'mức xếp loại');
    year = f.year as number;
    if (year > Number(today.slice(0, 4))) throw PersonRecordErrors.yearInFuture();
  } else if (kind === PersonEntryKind.FAMILY) {
    need('relation', 'quan hệ');
    need('relativeName', 'họ và tên');
    year = (f.year as number | null) ?? null;
    if (year !== null && year > Number(today.slice(0, 4))) throw PersonRecordErrors.yearInFuture('Năm sinh không được sau năm nay');
  } else {
    need('dateFrom', 'ngày quyết định');
    need('measure', kind === PersonEntryKind.COMMENDATION ? 'hình thức khen thưởng' : 'hình thức kỷ luật');
    dateFrom = f.dateFrom as string;
  }
  if (dateFrom && dateFrom > today) throw PersonRecordErrors.inFuture('dateFrom');
  const value = Object.fromEntries(ENTRY_VALUE_FIELDS[kind].filter((k) => present(f[k])).map((k) => [k, f[k]]));
  return { dateFrom, dateTo, year, value };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error as unknown as { constraint?: string }).constraint === constraint;
}

/**
 * The records of the personal file beyond identity and assignments: bitemporal person records, dated entries,
 * the "local or not" override, and the closing of a person's assignments when their unit ends.
 */
@Injectable()
export class PersonRecordsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonService,
    private readonly units: UnitService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.units.registerLifecycleHooks({ ended: (manager, unit, endDate) => this.closeAtUnitEnd(manager, unit, endDate) });
  }

  // ---- reads ----

  /** A person's records of current knowledge (or as known at a time), all periods or those in force on asOf. */
  records(
    personId: string,
    opts: { asOf?: string | null; asKnownAt?: Date | null; kind?: PersonRecordKind | null },
  ): Promise<PersonRecordEntity[]> {
    const qb = this.dataSource.getRepository(PersonRecordEntity).createQueryBuilder('r').where('r.person_id = :personId', { personId });
    if (opts.asKnownAt) {
      qb.andWhere('r.recorded_at <= :known AND (r.superseded_at IS NULL OR r.superseded_at > :known)', { known: opts.asKnownAt });
    } else {
      qb.andWhere('r.superseded_at IS NULL');
    }
    if (opts.asOf) qb.andWhere(IN_FORCE('r'), { asOf: opts.asOf });
    if (opts.kind) qb.andWhere('r.kind = :kind', { kind: opts.kind });
    return qb.orderBy('r.kind').addOrderBy('r.valid_from', 'DESC').getMany();
  }

  /**
   * A person's dated entries of current knowledge (or as known at a time). Family relations are sensitive: left
   * out without personnel.read_sensitive, and their read is audited with it.
   */
  async entries(
    personId: string,
    opts: { asKnownAt?: Date | null; kind?: PersonEntryKind | null },
    canReadSensitive: boolean,
  ): Promise<PersonEntryEntity[]> {
    const qb = this.dataSource.getRepository(PersonEntryEntity).createQueryBuilder('e').where('e.person_id = :personId', { personId });
    if (opts.asKnownAt) {
      qb.andWhere('e.recorded_at <= :known AND (e.superseded_at IS NULL OR e.superseded_at > :known)', { known: opts.asKnownAt });
    } else {
      qb.andWhere('e.superseded_at IS NULL');
    }
    if (opts.kind) qb.andWhere('e.kind = :kind', { kind: opts.kind });
    if (!canReadSensitive) qb.andWhere('e.kind <> :family', { family: PersonEntryKind.FAMILY });
    const rows = await qb.orderBy('e.kind').addOrderBy('coalesce(e.date_from, make_date(e.year, 12, 31))', 'DESC').getMany();
    if (rows.some((e) => e.kind === PersonEntryKind.FAMILY)) {
      await this.audit.record(this.dataSource.manager, {
        operation: 'readSensitive',
        entity: 'person',
        entityId: personId,
        details: { fields: ['family'], via: 'entries' },
      });
    }
    return rows;
  }

  /** Whether the person is local to the unit of their assignment in force on asOf (null without one). */
  async isLocal(personId: string, asOf: string): Promise<boolean | null> {
    const rows: { local: boolean }[] = await this.dataSource.query(
      `SELECT ${localSql('p', 'a.unit_id')} AS local
         FROM person p JOIN person_assignment a ON a.person_id = p.id AND a.superseded_at IS NULL
          AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2)
        WHERE p.id = $1 ORDER BY a.valid_from DESC LIMIT 1`,
      [personId, asOf],
    );
    return rows.length ? rows[0].local : null;
  }

  // ---- bitemporal records ----

  async addRecord(input: AddPersonRecordInput, scope: Scope): Promise<PersonRecordEntity> {
    if (input.validTo && input.validTo <= input.validFrom) throw PersonRecordErrors.periodOrder('validTo');
    const content = recordContent(input.kind, overlay({}, input, RECORD_INPUT_FIELDS));
    return this.dataSource.transaction(async (manager) => {
      const person = await this.persons.lockForWrite(manager, input.personId, scope);
      await this.checkContent(manager, input.kind, content, input.validFrom, scope, 'validFrom');
      const validTo = input.validTo ?? null;
      await this.checkOverlap(manager, person.id, input.kind, content, input.validFrom, validTo, [], 'validFrom');
      const now = await this.now(manager);
      const created = await manager.save(
        manager.create(PersonRecordEntity, {
          personId: person.id,
          kind: input.kind,
          ...content,
          validFrom: input.validFrom,
          validTo,
          recordedAt: now,
          supersededAt: null,
          recordKind: RecordKind.CHANGE,
          correctsId: null,
          reason: input.reason ?? null,
        }),
      );
      await this.audit.record(manager, {
        operation: 'addPersonRecord',
        entity: 'personRecord',
        entityId: created.id,
        after: { personId: person.id, kind: input.kind, ...auditOf(content), validFrom: created.validFrom, validTo, reason: created.reason },
      });
      await this.checkSeats(manager, input.kind, content, input.validFrom, validTo);
      return created;
    });
  }

  /** A real change from a date: the record is superseded, re-recorded up to that date, the new content from it. */
  async changeRecord(input: ChangePersonRecordInput, scope: Scope): Promise<PersonRecordEntity> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lockRecord(manager, input.recordId, input.version, scope);
      const content = recordContent(record.kind, overlay(recordFields(record), input, RECORD_INPUT_FIELDS));
      if (sameJson(content, contentOf(record))) throw PersonRecordErrors.unchanged();
      const plan = planChange([{ id: record.id, value: content, validFrom: record.validFrom, validTo: record.validTo }], input.effectiveFrom, content);
      if (!plan.covering) throw PersonRecordErrors.outsidePeriod('effectiveFrom');
      await this.checkContent(manager, record.kind, content, input.effectiveFrom, scope, 'effectiveFrom');
      await this.checkOverlap(manager, record.personId, record.kind, content, input.effectiveFrom, record.validTo, [record.id], 'effectiveFrom');
      const now = await this.now(manager);
      await this.supersede(manager, record, now);
      let created: PersonRecordEntity | null = null;
      for (const row of plan.insert) {
        const carried = row.carriedFrom === record.id;
        created = await manager.save(
          manager.create(PersonRecordEntity, {
            personId: record.personId,
            kind: record.kind,
            ...(carried ? contentOf(record) : content),
            validFrom: row.validFrom,
            validTo: row.validTo,
            recordedAt: now,
            supersededAt: null,
            // a remainder is the record re-recorded for a shorter period: it keeps its kind, link and reason
            recordKind: carried ? record.recordKind : RecordKind.CHANGE,
            correctsId: carried ? record.correctsId : null,
            reason: carried ? record.reason : (input.reason ?? null),
          }),
        );
      }
      await this.audit.record(manager, {
        operation: 'changePersonRecord',
        entity: 'personRecord',
        entityId: created!.id,
        before: { ...auditOf(contentOf(record)), validFrom: record.validFrom, validTo: record.validTo, recordId: record.id },
        after: { ...auditOf(content), validFrom: created!.validFrom, validTo: created!.validTo, reason: created!.reason },
      });
      await this.checkSeats(manager, record.kind, content, input.effectiveFrom, record.validTo);
      return created!;
    });
  }

  /** Ends a record: superseded, re-recorded up to the day before validTo. */
  async endRecord(input: EndPersonRecordInput, scope: Scope): Promise<PersonRecordEntity> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lockRecord(manager, input.recordId, input.version, scope);
      if (input.validTo <= record.validFrom) throw PersonRecordErrors.periodOrder('validTo');
      if (record.validTo && input.validTo >= record.validTo) throw PersonRecordErrors.outsidePeriod('validTo');
      const now = await this.now(manager);
      await this.supersede(manager, record, now);
      const created = await this.rerecord(manager, record, input.validTo, now, input.reason ?? record.reason);
      await this.audit.record(manager, {
        operation: 'endPersonRecord',
        entity: 'personRecord',
        entityId: created.id,
        before: { validTo: record.validTo, recordId: record.id },
        after: { validTo: created.validTo, reason: created.reason },
      });
      return created;
    });
  }

  /** The correction of a mistaken record (content and/or period): superseded, the corrected one marked as such. */
  async correctRecord(input: CorrectPersonRecordInput, scope: Scope): Promise<PersonRecordEntity> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lockRecord(manager, input.recordId, input.version, scope);
      const content = recordContent(record.kind, overlay(recordFields(record), input, RECORD_INPUT_FIELDS));
      const validFrom = input.validFrom ?? record.validFrom;
      const validTo = input.validTo !== undefined ? input.validTo : record.validTo;
      if (validTo && validTo <= validFrom) throw PersonRecordErrors.periodOrder('validTo');
      if (sameJson(content, contentOf(record)) && validFrom === record.validFrom && validTo === record.validTo) {
        throw PersonRecordErrors.unchanged();
      }
      await this.checkContent(manager, record.kind, content, validFrom, scope, 'validFrom');
      await this.checkOverlap(manager, record.personId, record.kind, content, validFrom, validTo, [record.id], 'validFrom');
      const now = await this.now(manager);
      await this.supersede(manager, record, now);
      const created = await manager.save(
        manager.create(PersonRecordEntity, {
          personId: record.personId,
          kind: record.kind,
          ...content,
          validFrom,
          validTo,
          recordedAt: now,
          supersededAt: null,
          recordKind: RecordKind.CORRECTION,
          correctsId: record.id,
          reason: input.reason,
        }),
      );
      await this.audit.record(manager, {
        operation: 'correctPersonRecord',
        entity: 'personRecord',
        entityId: created.id,
        before: { ...auditOf(contentOf(record)), validFrom: record.validFrom, validTo: record.validTo, recordId: record.id },
        after: { ...auditOf(content), validFrom, validTo, reason: input.reason, correctsId: record.id },
      });
      await this.checkSeats(manager, record.kind, content, validFrom, validTo);
      return created;
    });
  }

  // ---- dated entries ----

  async addEntry(input: AddPersonEntryInput, scope: Scope, canReadSensitive: boolean): Promise<PersonEntryEntity> {
    if (input.kind === PersonEntryKind.FAMILY && !canReadSensitive) throw PersonErrors.sensitiveWrite('kind');
    const content = entryContent(input.kind, overlay({}, input, ENTRY_INPUT_FIELDS), todayIso());
    try {
      return await this.dataSource.transaction(async (manager) => {
        const person = await this.persons.lockForWrite(manager, input.personId, scope);
        if (input.kind === PersonEntryKind.RATING) await this.checkRatingFree(manager, person.id, content.year!, null);
        const now = await this.now(manager);
        const created = await manager.save(
          manager.create(PersonEntryEntity, {
            personId: person.id,
            kind: input.kind,
            ...content,
            recordedAt: now,
            supersededAt: null,
            recordKind: RecordKind.CHANGE,
            correctsId: null,
            reason: null,
          }),
        );
        await this.audit.record(manager, {
          operation: 'addPersonEntry',
          entity: entryAuditEntity(input.kind),
          entityId: created.id,
          after: { personId: person.id, kind: input.kind, ...entryAuditOf(content) },
        });
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'person_entry_rating_key')) throw PersonRecordErrors.duplicateRating();
      throw error;
    }
  }

  async correctEntry(input: CorrectPersonEntryInput, scope: Scope, canReadSensitive: boolean): Promise<PersonEntryEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const found = await manager.findOne(PersonEntryEntity, { where: { id: input.entryId } });
        if (!found) throw PersonRecordErrors.entryNotFound(input.entryId);
        await this.persons.lockForWrite(manager, found.personId, scope).catch(() => {
          throw PersonRecordErrors.entryNotFound(input.entryId);
        });
        const entry = await manager.findOneOrFail(PersonEntryEntity, { where: { id: input.entryId } });
        if (entry.kind === PersonEntryKind.FAMILY && !canReadSensitive) throw PersonErrors.sensitiveWrite('entryId');
        if (entry.supersededAt || entry.version !== input.version) throw PersonRecordErrors.staleEntry();
        const content = entryContent(entry.kind, overlay(entryFields(entry), input, ENTRY_INPUT_FIELDS), todayIso());
        if (sameJson(content, { dateFrom: entry.dateFrom, dateTo: entry.dateTo, year: entry.year, value: entry.value })) {
          throw PersonRecordErrors.unchanged();
        }
        if (entry.kind === PersonEntryKind.RATING && content.year !== entry.year) {
          await this.checkRatingFree(manager, entry.personId, content.year!, entry.id);
        }
        const now = await this.now(manager);
        const result = await manager.update(
          PersonEntryEntity,
          { id: entry.id, version: entry.version },
          { supersededAt: now, version: entry.version + 1 },
        );
        if (!result.affected) throw PersonRecordErrors.staleEntry();
        const created = await manager.save(
          manager.create(PersonEntryEntity, {
            personId: entry.personId,
            kind: entry.kind,
            ...content,
            recordedAt: now,
            supersededAt: null,
            recordKind: RecordKind.CORRECTION,
            correctsId: entry.id,
            reason: input.reason,
          }),
        );
        await this.audit.record(manager, {
          operation: 'correctPersonEntry',
          entity: entryAuditEntity(entry.kind),
          entityId: created.id,
          before: { dateFrom: entry.dateFrom, dateTo: entry.dateTo, year: entry.year, ...entry.value, entryId: entry.id },
          after: { ...entryAuditOf(content), reason: input.reason, correctsId: entry.id },
        });
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'person_entry_rating_key')) throw PersonRecordErrors.duplicateRating();
      throw error;
    }
  }

  // ---- local or not ----

  async setLocalOverride(input: SetPersonLocalOverrideInput, scope: Scope): Promise<PersonEntity> {
    const isLocal = input.isLocal ?? null;
    if (isLocal !== null && !input.reason) throw PersonRecordErrors.overrideReason();
    return this.dataSource.transaction(async (manager) => {
      const person = await this.persons.lockForWrite(manager, input.personId, scope);
      if (person.version !== input.version) throw PersonErrors.stale();
      const reason = isLocal === null ? null : input.reason!;
      await manager.update(
        PersonEntity,
        { id: person.id, version: person.version },
        { localOverride: isLocal, localOverrideReason: reason, version: person.version + 1 },
      );
      await this.audit.record(manager, {
        operation: 'setPersonLocalOverride',
        entity: 'person',
        entityId: person.id,
        before: { localOverride: person.localOverride, localOverrideReason: person.localOverrideReason },
        after: { localOverride: isLocal, localOverrideReason: reason },
      });
      const updated = await manager.findOneOrFail(PersonEntity, { where: { id: person.id } });
      await this.persons.attachAssignmentsIn(manager, updated);
      return updated;
    });
  }

  // ---- unit end ----

  /**
   * A unit that ends: the assignments to it (and the titles and committee memberships held in it) that are open
   * after its last day are superseded and re-recorded up to that day; those starting after it are superseded.
   */
  private async closeAtUnitEnd(manager: EntityManager, unit: UnitEntity, endDate: string): Promise<void> {
    const now = await this.now(manager);
    const assignments = await manager
      .getRepository(PersonAssignmentEntity)
      .createQueryBuilder('a')
      .where('a.unit_id = :unitId AND a.superseded_at IS NULL AND (a.valid_to IS NULL OR a.valid_to > :endDate)', {
        unitId: unit.id,
        endDate,
      })
      .getMany();
    for (const a of assignments) {
      await manager.update(PersonAssignmentEntity, { id: a.id, version: a.version }, { supersededAt: now, version: a.version + 1 });
      let closedId: string | null = null;
      if (a.validFrom < endDate) {
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...copy } = a;
        const inserted = await manager.insert(PersonAssignmentEntity, { ...copy, validTo: endDate, recordedAt: now, supersededAt: null });
        closedId = inserted.identifiers[0]?.id as string;
      }
      await this.audit.record(manager, {
        operation: 'recordUnitSuccession',
        entity: 'personAssignment',
        entityId: closedId ?? a.id,
        before: { personId: a.personId, unitId: a.unitId, validFrom: a.validFrom, validTo: a.validTo, recordId: a.id },
        after: { personId: a.personId, unitId: a.unitId, validTo: closedId ? endDate : null, superseded: !closedId, reason: 'unitEnded' },
      });
    }
    // secondments into the ended unit: they end there; the home assignment goes on without it
    const hosted = await manager
      .getRepository(PersonAssignmentEntity)
      .createQueryBuilder('a')
      .where('a.seconded_to_unit_id = :unitId AND a.superseded_at IS NULL AND (a.valid_to IS NULL OR a.valid_to > :endDate)', {
        unitId: unit.id,
        endDate,
      })
      .getMany();
    for (const a of hosted) {
      await manager.update(PersonAssignmentEntity, { id: a.id, version: a.version }, { supersededAt: now, version: a.version + 1 });
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...copy } = a;
      if (a.validFrom < endDate) {
        await manager.insert(PersonAssignmentEntity, { ...copy, validTo: endDate, recordedAt: now, supersededAt: null });
      }
      const from = a.validFrom < endDate ? endDate : a.validFrom;
      const inserted = await manager.insert(PersonAssignmentEntity, {
        ...copy,
        secondedToUnitId: null,
        validFrom: from,
        recordedAt: now,
        supersededAt: null,
        recordKind: RecordKind.CHANGE,
        correctsId: null,
        reason: 'Đơn vị nhận biệt phái chấm dứt hoạt động',
      });
      await this.audit.record(manager, {
        operation: 'recordUnitSuccession',
        entity: 'personAssignment',
        entityId: inserted.identifiers[0]?.id as string,
        before: { personId: a.personId, secondedToUnitId: a.secondedToUnitId, validFrom: a.validFrom, validTo: a.validTo, recordId: a.id },
        after: { personId: a.personId, secondedToUnitId: null, validFrom: from, reason: 'unitEnded' },
      });
    }
    const records = await manager
      .getRepository(PersonRecordEntity)
      .createQueryBuilder('r')
      .where('r.unit_id = :unitId AND r.superseded_at IS NULL AND (r.valid_to IS NULL OR r.valid_to > :endDate)', { unitId: unit.id, endDate })
      .getMany();
    for (const r of records) {
      await this.supersede(manager, r, now);
      const closed = r.validFrom < endDate ? await this.rerecord(manager, r, endDate, now, r.reason) : null;
      await this.audit.record(manager, {
        operation: 'recordUnitSuccession',
        entity: 'personRecord',
        entityId: closed?.id ?? r.id,
        before: { personId: r.personId, kind: r.kind, validFrom: r.validFrom, validTo: r.validTo, recordId: r.id },
        after: { personId: r.personId, kind: r.kind, validTo: closed ? endDate : null, superseded: !closed, reason: 'unitEnded' },
      });
    }
  }

  // ---- helpers ----

  /** A current record whose person is in the write scope (NOT_FOUND otherwise), at the version the caller saw. */
  private async lockRecord(manager: EntityManager, id: string, version: number, scope: Scope): Promise<PersonRecordEntity> {
    const found = await manager.findOne(PersonRecordEntity, { where: { id } });
    if (!found) throw PersonRecordErrors.recordNotFound(id);
    await this.persons.lockForWrite(manager, found.personId, scope).catch(() => {
      throw PersonRecordErrors.recordNotFound(id);
    });
    const record = await manager.findOneOrFail(PersonRecordEntity, { where: { id } });
    if (record.supersededAt || record.version !== version) throw PersonRecordErrors.staleRecord();
    return record;
  }

  private async supersede(manager: EntityManager, record: PersonRecordEntity, now: Date): Promise<void> {
    const result = await manager.update(
      PersonRecordEntity,
      { id: record.id, version: record.version },
      { supersededAt: now, version: record.version + 1 },
    );
    if (!result.affected) throw PersonRecordErrors.staleRecord();
  }

  /** The record re-recorded up to `validTo`, keeping its kind, link and content. */
  private rerecord(manager: EntityManager, record: PersonRecordEntity, validTo: string, now: Date, reason: string | null): Promise<PersonRecordEntity> {
    return manager.save(
      manager.create(PersonRecordEntity, {
        personId: record.personId,
        kind: record.kind,
        ...contentOf(record),
        validFrom: record.validFrom,
        validTo,
        recordedAt: now,
        supersededAt: null,
        recordKind: record.recordKind,
        correctsId: record.correctsId,
        reason,
      }),
    );
  }

  /** The unit exists in the write scope on the date; a title is in the catalogue and has seats in the unit then. */
  private async checkContent(manager: EntityManager, kind: PersonRecordKind, content: RecordContent, date: string, scope: Scope, dateField: string): Promise<void> {
    if (!content.unitId) return;
    const unit = await this.units.lockForWrite(manager, content.unitId, scope);
    if (date < unit.validFrom) throw PersonErrors.beforeUnit(dateField);
    if (unit.validTo && date >= unit.validTo) throw PersonErrors.afterUnit(dateField);
    if (kind !== PersonRecordKind.TITLE) return;
    const [title] = await manager.query(`SELECT id FROM title WHERE id = $1`, [content.titleId]);
    if (!title) throw PersonRecordErrors.unknownTitle();
    const seats = await manager.query(
      `SELECT 1 FROM establishment_record
        WHERE unit_id = $1 AND title_id = $2 AND item_kind = 'TITLE_SEATS' AND superseded_at IS NULL AND value > 0
          AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3) LIMIT 1`,
      [content.unitId, content.titleId, date],
    );
    if (!seats.length) throw PersonRecordErrors.titleNotInUnit();
  }

  /**
   * The dates in the grants' periods at which a unit's title has more holders than seats, as recorded in the
   * transaction of `manager` (run it after writing the grants, with their units locked).
   */
  async overfilledSeats(manager: EntityManager, grants: TitleGrant[]): Promise<SeatOverfill[]> {
    if (!grants.length) return [];
    return manager.query(TITLE_SEATS_OVERFILLED, [
      grants.map((g) => g.unitId),
      grants.map((g) => g.titleId),
      grants.map((g) => g.validFrom),
      grants.map((g) => g.validTo),
    ]);
  }

  /** The Vietnamese account of an overfilled title, for the edit forms and the import's row errors. */
  describeOverfill(o: SeatOverfill): string {
    return o.seats > 0
      ? `Chức danh "${o.titleName}" của ${o.unitName} chỉ có ${o.seats} định suất và đã đủ người vào ngày ${formatDate(o.date)}`
      : `${o.unitName} không có định suất chức danh "${o.titleName}" vào ngày ${formatDate(o.date)}`;
  }

  /** A written title record may not take a unit's title beyond its seats at any date of its period. */
  private async checkSeats(manager: EntityManager, kind: PersonRecordKind, content: RecordContent, validFrom: string, validTo: string | null): Promise<void> {
    if (kind !== PersonRecordKind.TITLE || !content.unitId || !content.titleId) return;
    const [first] = await this.overfilledSeats(manager, [{ unitId: content.unitId, titleId: content.titleId, validFrom, validTo }]);
    if (first) throw PersonRecordErrors.seatsFull(this.describeOverfill(first));
  }

  /**
   * Periods of one stream of a person may not overlap: the same title; the same committee; otherwise the kind
   * (one qualification, one political theory level, one rank... in force at a time).
   */
  private async checkOverlap(
    manager: EntityManager,
    personId: string,
    kind: PersonRecordKind,
    content: RecordContent,
    validFrom: string,
    validTo: string | null,
    exceptIds: string[],
    field: string,
  ): Promise<void> {
    const params: unknown[] = [personId, kind, validFrom, validTo, exceptIds];
    let stream = '';
    if (kind === PersonRecordKind.TITLE) {
      params.push(content.titleId);
      stream = `AND title_id = $6`;
    } else if (kind === PersonRecordKind.COMMITTEE) {
      params.push(content.committee);
      stream = `AND committee = $6`;
    }
    const rows = await manager.query(
      `SELECT 1 FROM person_record
        WHERE person_id = $1 AND kind = $2 AND superseded_at IS NULL AND NOT (id = ANY($5::uuid[])) ${stream}
          AND ($4::date IS NULL OR valid_from < $4::date) AND (valid_to IS NULL OR valid_to > $3::date) LIMIT 1`,
      params,
    );
    if (rows.length) throw PersonRecordErrors.overlap(field);
  }

  private async checkRatingFree(manager: EntityManager, personId: string, year: number, exceptId: string | null): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM person_entry WHERE person_id = $1 AND kind = 'RATING' AND year = $2 AND superseded_at IS NULL
          AND ($3::uuid IS NULL OR id <> $3::uuid) LIMIT 1`,
      [personId, year, exceptId],
    );
    if (rows.length) throw PersonRecordErrors.duplicateRating();
  }

  private async now(manager: EntityManager): Promise<Date> {
    const [{ now }] = await manager.query('SELECT now() AS now');
    return now;
  }
}
