/**
 * What an import row does to the registry, planned with the same rules and the same bitemporal planner as the
 * interactive edits of the person module (PersonService.create / updateIdentity / changeAssignment /
 * correctAssignment, PersonRecordsService.addRecord / changeRecord / correctRecord), then written in bulk inside
 * the import's single transaction. The validation pass plans every row without writing; the import pass plans
 * them again on locked rows and writes the plans.
 */
import {
  BIRTH_DATE_PROBLEM_MESSAGES,
  birthDateProblem,
  foldForSearch,
  normalizeText,
  PersonRecordKind,
  PersonStatus,
  RecordKind,
  STAFF_CATEGORY_LABELS,
  StaffCategory,
} from '@canbo/shared';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { planChange, recordOn } from '../../core/bitemporal';
import { currentContext } from '../../core/logging/request-context';
import { Scope } from '../../core/permissions/scope';
import { AuditInput, AuditService } from '../audit/audit.service';
import { Identity, IDENTITY_FIELDS, PersonAssignmentEntity, PersonEntity } from '../person/person.entity';
import { PersonRecordEntity } from '../person/person-record.entity';
import { AssignmentValue, identityOf, personSearchText, sameValue, valueOf } from '../person/person.service';
import { auditOf, contentOf, overlay, RecordContent, recordContent, recordFields, sameJson } from '../person/person-records.service';
import { headerOf, ImportField, ImportRow, PartialImportRow, RowError, viDate } from './import-parse';
import { RowMessages } from './person-import.errors';

// ---- the registry's names ----

interface UnitInfo {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

interface NamedId {
  id: string;
  name: string;
}

interface Period {
  validFrom: string;
  validTo: string | null;
}

/** Units, bodies, titles and title seats, loaded once per job (a province has a few hundred of each). */
export interface ImportCatalog {
  unitsByName: Map<string, UnitInfo[]>;
  unitsByFolded: Map<string, UnitInfo>;
  bodies: Map<string, Map<string, NamedId[]>>;
  titlesByName: Map<string, NamedId[]>;
  titleNames: Map<string, string>;
  seats: Map<string, Period[]>;
}

/** Names compare without regard to case, spaces or Unicode form; diacritics count. */
export function nameKey(value: string): string {
  return normalizeText(value).toLocaleLowerCase('vi');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadCatalog(manager: EntityManager): Promise<ImportCatalog> {
  const units: { id: string; name: string; valid_from: string; valid_to: string | null }[] = await manager.query(
    `SELECT id, name, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM unit`,
  );
  const catalog: ImportCatalog = {
    unitsByName: new Map(),
    unitsByFolded: new Map(),
    bodies: new Map(),
    titlesByName: new Map(),
    titleNames: new Map(),
    seats: new Map(),
  };
  for (const u of units) {
    const info = { id: u.id, name: u.name, validFrom: u.valid_from, validTo: u.valid_to };
    push(catalog.unitsByName, nameKey(u.name), info);
    catalog.unitsByFolded.set(foldForSearch(u.name), info);
  }
  const bodies: { id: string; unit_id: string; name: string }[] = await manager.query(`SELECT id, unit_id, name FROM body`);
  for (const b of bodies) {
    let byName = catalog.bodies.get(b.unit_id);
    if (!byName) catalog.bodies.set(b.unit_id, (byName = new Map()));
    push(byName, nameKey(b.name), { id: b.id, name: b.name });
  }
  const titles: NamedId[] = await manager.query(`SELECT id, name FROM title`);
  for (const t of titles) {
    push(catalog.titlesByName, nameKey(t.name), t);
    catalog.titleNames.set(t.id, t.name);
  }
  const seats: { unit_id: string; title_id: string; valid_from: string; valid_to: string | null }[] = await manager.query(
    `SELECT unit_id, title_id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM establishment_record WHERE item_kind = 'TITLE_SEATS' AND superseded_at IS NULL AND value > 0`,
  );
  for (const s of seats) push(catalog.seats, `${s.unit_id}|${s.title_id}`, { validFrom: s.valid_from, validTo: s.valid_to });
  return catalog;
}

// ---- the people of a batch ----

const RECORD_KINDS = [PersonRecordKind.TITLE, PersonRecordKind.QUALIFICATION, PersonRecordKind.POLITICAL_THEORY];

/** A person of the file already in the registry: identity, current assignments and current records. */
export interface PersonState {
  person: PersonEntity;
  /** one of their current assignment records lies in the importer's write scope (PersonService.lockForWrite) */
  inScope: boolean;
  assignments: PersonAssignmentEntity[];
  records: PersonRecordEntity[];
}

/**
 * The persons with these national IDs and what the planner needs of them. With `lock`, their rows are locked
 * FOR UPDATE (in id order, like every writer of the person module that locks one person).
 */
export async function loadStates(manager: EntityManager, nationalIds: string[], scope: Scope, lock: boolean): Promise<Map<string, PersonState>> {
  const states = new Map<string, PersonState>();
  if (!nationalIds.length) return states;
  // plain rows shaped like the entities (dates as YYYY-MM-DD, like TypeORM reads them): no hydration cost
  const persons: PersonEntity[] = await manager.query(
    `SELECT p.id, p.version, ${IDENTITY_COLUMNS.map(([f, c, t]) => (t === 'date' ? `to_char(p.${c}, 'YYYY-MM-DD') AS "${f}"` : `p.${c} AS "${f}"`)).join(', ')}
       FROM person p WHERE p.national_id = ANY($1) ORDER BY p.id ${lock ? 'FOR UPDATE' : ''}`,
    [nationalIds],
  );
  if (!persons.length) return states;
  const ids = persons.map((p) => p.id);
  const params: Record<string, unknown> = {};
  const condition = scope.unitCategoryCondition('a.unit_id', 'a.staff_category', params);
  const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT DISTINCT a.person_id FROM person_assignment a WHERE a.person_id = ANY(:ids) AND a.superseded_at IS NULL AND ${condition}`,
    { ...params, ids },
  );
  const scoped = new Set((await manager.query(sql, values)).map((r: { person_id: string }) => r.person_id));
  const period = `to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", recorded_at AS "recordedAt",
    superseded_at AS "supersededAt", record_kind AS "recordKind", corrects_id AS "correctsId", reason, version`;
  const assignments: PersonAssignmentEntity[] = await manager.query(
    `SELECT id, person_id AS "personId", unit_id AS "unitId", body_id AS "bodyId", staff_category AS "staffCategory",
            job_position AS "jobPosition", seconded_to_unit_id AS "secondedToUnitId", ${period}
       FROM person_assignment WHERE person_id = ANY($1) AND superseded_at IS NULL ORDER BY valid_from`,
    [ids],
  );
  const records: PersonRecordEntity[] = await manager.query(
    `SELECT id, person_id AS "personId", kind, unit_id AS "unitId", title_id AS "titleId", committee, term, level, value, ${period}
       FROM person_record WHERE person_id = ANY($1) AND superseded_at IS NULL AND kind = ANY($2) ORDER BY valid_from`,
    [ids, RECORD_KINDS],
  );
  const byPerson = new Map<string, PersonState>();
  for (const p of persons) {
    const state: PersonState = { person: p, inScope: scoped.has(p.id), assignments: [], records: [] };
    byPerson.set(p.id, state);
    states.set(p.nationalId, state);
  }
  for (const a of assignments) byPerson.get(a.personId)?.assignments.push(a);
  for (const r of records) byPerson.get(r.personId)?.records.push(r);
  return states;
}

// ---- plans ----

export interface NewAssignment {
  id: string;
  personId: string;
  value: AssignmentValue;
  validFrom: string;
  validTo: string | null;
  recordKind: RecordKind;
  correctsId: string | null;
  reason: string | null;
}

export interface NewRecord {
  id: string;
  personId: string;
  kind: PersonRecordKind;
  content: RecordContent;
  validFrom: string;
  validTo: string | null;
  recordKind: RecordKind;
  correctsId: string | null;
  reason: string | null;
}

export interface Superseded {
  id: string;
  version: number;
}

/** Everything a batch of rows writes. */
export interface Writes {
  newPersons: { id: string; identity: Identity }[];
  identityUpdates: { id: string; version: number; identity: Identity }[];
  revisions: { personId: string; recordKind: RecordKind; reason: string | null; identity: Identity }[];
  supersededAssignments: Superseded[];
  newAssignments: NewAssignment[];
  supersededRecords: Superseded[];
  newRecords: NewRecord[];
  audits: AuditInput[];
}

export function emptyWrites(): Writes {
  return {
    newPersons: [],
    identityUpdates: [],
    revisions: [],
    supersededAssignments: [],
    newAssignments: [],
    supersededRecords: [],
    newRecords: [],
    audits: [],
  };
}

export type RowAction = 'create' | 'update' | 'unchanged';

export type RowOutcome = { errors: RowError[] } | { errors: null; action: RowAction };

export interface PlanContext {
  catalog: ImportCatalog;
  scope: Scope;
  /** the date of the import: birth dates are checked against it (like the interactive edits, against today) */
  today: string;
  job: { id: string; fileName: string; checksum: string };
}

const IN_FORCE = (r: Period, date: string) => r.validFrom <= date && (r.validTo === null || r.validTo > date);

/** The file's identity values (optional ones only when given: an empty cell keeps what is recorded). */
function fileIdentity(row: ImportRow): Partial<Identity> {
  const out: Partial<Identity> = {
    fullName: row.fullName,
    gender: row.gender,
    birthDate: row.birthDate,
    nationalId: row.nationalId,
  };
  const optional: [keyof Identity, string | null][] = [
    ['otherNames', row.otherNames],
    ['ethnicityCode', row.ethnicityCode],
    ['religion', row.religion],
    ['hometown', row.hometown],
    ['permanentResidence', row.permanentResidence],
    ['phone', row.phone],
    ['email', row.email],
  ];
  for (const [field, value] of optional) if (value !== null) (out as Record<string, unknown>)[field] = value;
  return out;
}

/** PersonService.checkParty: party dates not in the future, after birth, full membership not before admission. */
function partyProblems(identity: Identity, today: string): string[] {
  const problems: string[] = [];
  for (const field of ['partyJoinedOn', 'partyConfirmedOn'] as const) {
    const date = identity[field];
    if (date && date > today) problems.push('Ngày không được sau hôm nay');
    if (date && date <= identity.birthDate) problems.push('Ngày phải sau ngày sinh');
  }
  if (identity.partyJoinedOn && identity.partyConfirmedOn && identity.partyConfirmedOn < identity.partyJoinedOn) {
    problems.push('Ngày chính thức không được trước ngày vào Đảng');
  }
  return problems;
}

type Fail = (field: ImportField | null, problem: string, value?: string | null) => void;

/**
 * The registry's answer to a row's unit, body and title (each checked when its cell could be read): unknown names,
 * the importer's scope, and the checks that need a date (the unit existing then, the title having seats in it).
 * `date`: the date the row is judged on, when known.
 */
function resolveReferences(row: PartialImportRow, ctx: PlanContext, fail: Fail, date: string | null) {
  let unit: UnitInfo | null = null;
  const unitList = row.unitName === undefined ? undefined : ctx.catalog.unitsByName.get(nameKey(row.unitName));
  if (row.unitName === undefined) {
    // unreadable: its cell's error is reported already
  } else if (!unitList) {
    const suggestion = ctx.catalog.unitsByFolded.get(foldForSearch(row.unitName))?.name ?? null;
    fail('unit', RowMessages.unknownUnit(row.unitName, suggestion), row.unitName);
  } else {
    unit = (date && unitList.find((u) => IN_FORCE(u, date))) || [...unitList].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
    if (row.staffCategory !== undefined && !ctx.scope.includesCategory(unit.id, row.staffCategory)) {
      fail('unit', RowMessages.unitOutOfScope(unit.name, STAFF_CATEGORY_LABELS[row.staffCategory].vi), row.unitName);
      unit = null;
    }
  }
  let bodyId: string | null = null;
  if (unit && row.bodyName) {
    const found = ctx.catalog.bodies.get(unit.id)?.get(nameKey(row.bodyName));
    if (!found) fail('body', RowMessages.unknownBody(row.bodyName, unit.name), row.bodyName);
    else bodyId = found[0].id;
  }
  const unitPeriod = (on: string, field: ImportField) => {
    if (!unit) return;
    if (on < unit.validFrom) fail(field, RowMessages.unitNotYet(unit.name, viDate(on)), viDate(on));
    else if (unit.validTo && on >= unit.validTo) fail(field, RowMessages.unitEnded(unit.name, viDate(on)), viDate(on));
  };

  // ---- title ----
  let titleId: string | null = null;
  if (row.titleName) {
    const found = ctx.catalog.titlesByName.get(nameKey(row.titleName));
    if (!found) fail('title', RowMessages.unknownTitle(row.titleName), row.titleName);
    else if (found.length > 1) fail('title', RowMessages.ambiguousTitle(row.titleName), row.titleName);
    else titleId = found[0].id;
  }
  /** PersonRecordsService.checkContent: the title has seats in the unit on the date */
  const titleSeats = (on: string) => {
    if (!unit || !titleId) return;
    const seats = ctx.catalog.seats.get(`${unit.id}|${titleId}`) ?? [];
    if (!seats.some((s) => IN_FORCE(s, on))) {
      fail('title', RowMessages.titleNotInUnit(ctx.catalog.titleNames.get(titleId)!, unit.name, viDate(on)), row.titleName ?? null);
    }
  };
  return { unit, bodyId, titleId, unitPeriod, titleSeats };
}

/** The date a row is judged on: the effective date for a known person, else the start date (or the effective date). */
function rowDate(row: PartialImportRow, existing: boolean): string | null {
  if (existing) return row.effectiveDate ?? null;
  return row.startDate === undefined ? null : (row.startDate ?? row.effectiveDate ?? null);
}

/**
 * What the registry says of a row that has errors already (a cell could not be read): the checks of `planRow` that
 * the readable cells allow (a person outside the scope, unknown unit, body or title, a title without seats), so
 * that one pass reports every error of the row.
 */
export function referenceErrors(row: PartialImportRow, state: PersonState | undefined, ctx: PlanContext): RowError[] {
  const errors: RowError[] = [];
  const fail: Fail = (field, problem, value = null) => {
    const column = field ? headerOf(field) : null;
    errors.push({ row: row.row, column, value, message: column ? RowMessages.column(column, problem) : problem });
  };
  if (state && !state.inScope) {
    fail('nationalId', RowMessages.outOfScopePerson, row.nationalId ?? null);
    return errors;
  }
  const date = rowDate(row, Boolean(state));
  const refs = resolveReferences(row, ctx, fail, date);
  if (date && !errors.length) {
    refs.unitPeriod(date, state || !row.startDate ? 'effectiveDate' : 'startDate');
    refs.titleSeats(date);
  }
  return errors;
}

/**
 * Plans one row. Errors name their column. On success, adds the row's writes and audit entries to `writes`.
 * `state` is the person with the row's national ID, if the registry has one.
 */
export function planRow(row: ImportRow, state: PersonState | undefined, ctx: PlanContext, writes: Writes): RowOutcome {
  const errors: RowError[] = [];
  const fail = (field: ImportField | null, problem: string, value: string | null = null) => {
    const column = field ? headerOf(field) : null;
    errors.push({ row: row.row, column, value, message: column ? RowMessages.column(column, problem) : problem });
  };
  if (state && !state.inScope) {
    // never say who it is, where they work or what differs
    fail('nationalId', RowMessages.outOfScopePerson, row.nationalId);
    return { errors };
  }
  const existing = state ?? null;
  const correction = Boolean(existing) && row.kind === RecordKind.CORRECTION;
  const reason = row.reason ?? (correction ? `Đính chính khi nhập tệp "${ctx.job.fileName}"` : null);
  const source = { importJobId: ctx.job.id, fileName: ctx.job.fileName, checksum: ctx.job.checksum, row: row.row, kind: existing ? row.kind : RecordKind.CHANGE };
  const audits: AuditInput[] = [];
  const audit = (entity: string, entityId: string, change: string, before: object | null, after: object | null) =>
    audits.push({ operation: 'importPersons', entity, entityId, before, after, details: { ...source, change } });

  // the date the row's assignment, title and levels are judged on
  const date = existing ? row.effectiveDate : (row.startDate ?? row.effectiveDate);

  // ---- identity ----
  const problem = birthDateProblem(row.birthDate, ctx.today);
  if (problem) fail('birthDate', BIRTH_DATE_PROBLEM_MESSAGES[problem].vi, viDate(row.birthDate));
  const before = existing ? identityOf(existing.person) : null;
  const after = before
    ? ({ ...before, ...fileIdentity(row) } as Identity)
    : identityOf({ ...fileIdentity(row), status: PersonStatus.SERVING });
  const identityChanged = !before || IDENTITY_FIELDS.some((f) => (before[f] ?? null) !== (after[f] ?? null));
  if (before && identityChanged) {
    for (const p of partyProblems(after, ctx.today)) fail('birthDate', RowMessages.partyDate(p), viDate(row.birthDate));
  }

  // ---- unit, body, scope, title ----
  const { unit, bodyId, titleId, unitPeriod, titleSeats } = resolveReferences(row, ctx, fail, date);
  if (errors.length) return { errors };

  // ---- a new person: PersonService.create, then PersonRecordsService.addRecord for each record ----
  if (!existing) {
    unitPeriod(date, row.startDate ? 'startDate' : 'effectiveDate');
    titleSeats(date);
    if (errors.length) return { errors };
    const personId = randomUUID();
    writes.newPersons.push({ id: personId, identity: after });
    writes.revisions.push({ personId, recordKind: RecordKind.CHANGE, reason: null, identity: after });
    audit('person', personId, 'create', null, after);
    const value = valueOf({ unitId: unit!.id, bodyId, staffCategory: row.staffCategory, jobPosition: row.jobPosition, secondedToUnitId: null });
    const assignmentId = randomUUID();
    writes.newAssignments.push({ id: assignmentId, personId, value, validFrom: date, validTo: null, recordKind: RecordKind.CHANGE, correctsId: null, reason: null });
    audit('personAssignment', assignmentId, 'create', null, { personId, ...value, validFrom: date });
    const add = (kind: PersonRecordKind, fields: Record<string, unknown>) => {
      const content = recordContent(kind, fields);
      const id = randomUUID();
      writes.newRecords.push({ id, personId, kind, content, validFrom: date, validTo: null, recordKind: RecordKind.CHANGE, correctsId: null, reason: row.reason });
      audit('personRecord', id, 'add', null, { personId, kind, ...auditOf(content), validFrom: date, validTo: null, reason: row.reason });
    };
    if (titleId) add(PersonRecordKind.TITLE, { titleId, unitId: unit!.id });
    if (row.qualificationLevel) add(PersonRecordKind.QUALIFICATION, { qualificationLevel: row.qualificationLevel });
    if (row.politicalTheoryLevel) add(PersonRecordKind.POLITICAL_THEORY, { politicalTheoryLevel: row.politicalTheoryLevel });
    merge(writes, audits);
    return { errors: null, action: 'create' };
  }

  const personId = existing.person.id;
  const local = emptyWrites();
  let changed = false;

  // ---- identity: PersonService.updateIdentity (a revision of the row's kind) ----
  if (identityChanged) {
    changed = true;
    local.identityUpdates.push({ id: personId, version: existing.person.version, identity: after });
    local.revisions.push({ personId, recordKind: row.kind, reason: correction ? reason : row.reason, identity: after });
    audit('person', personId, correction ? 'correct' : 'change', before, after);
  }

  // ---- assignment: PersonService.changeAssignment, or correctAssignment for a correction ----
  const current = existing.assignments;
  const covering = recordOn(current, date);
  const sameUnit = covering?.unitId === unit!.id;
  const value = valueOf({
    unitId: unit!.id,
    bodyId: bodyId ?? (sameUnit ? covering!.bodyId : null),
    staffCategory: row.staffCategory,
    jobPosition: row.jobPosition,
    secondedToUnitId: sameUnit ? covering!.secondedToUnitId : null,
  });
  if (!covering || !sameValue(covering, value)) {
    changed = true;
    if (correction) {
      if (!covering) fail('effectiveDate', RowMessages.nothingToCorrect('bản ghi công tác', viDate(date)), viDate(date));
      else {
        unitPeriod(covering.validFrom, 'effectiveDate');
        const id = randomUUID();
        local.supersededAssignments.push({ id: covering.id, version: covering.version });
        local.newAssignments.push({ id, personId, value, validFrom: covering.validFrom, validTo: covering.validTo, recordKind: RecordKind.CORRECTION, correctsId: covering.id, reason });
        audit('personAssignment', id, 'correct', { ...valueOf(covering), recordId: covering.id }, { ...value, reason, correctsId: covering.id });
      }
    } else {
      unitPeriod(date, 'effectiveDate');
      const periods = current.map((r) => ({ id: r.id, value: valueOf(r), validFrom: r.validFrom, validTo: r.validTo, record: r }));
      const plan = planChange(periods, date, value);
      let created: NewAssignment | null = null;
      for (const old of plan.supersede) local.supersededAssignments.push({ id: old.record.id, version: old.record.version });
      for (const r of plan.insert) {
        const carried = r.carriedFrom ? (current.find((c) => c.id === r.carriedFrom) ?? null) : null;
        created = {
          id: randomUUID(),
          personId,
          value: r.value,
          validFrom: r.validFrom,
          validTo: r.validTo,
          // a remainder is the carried record re-recorded for a shorter period: it keeps its kind, link and reason
          recordKind: carried ? carried.recordKind : RecordKind.CHANGE,
          correctsId: carried ? carried.correctsId : null,
          reason: carried ? carried.reason : row.reason,
        };
        local.newAssignments.push(created);
      }
      const base = plan.covering?.record ?? null;
      audit(
        'personAssignment',
        created!.id,
        'change',
        base ? { ...valueOf(base), validFrom: base.validFrom, validTo: base.validTo, recordId: base.id } : null,
        { personId, ...created!.value, validFrom: created!.validFrom, validTo: created!.validTo, reason: created!.reason },
      );
    }
  }

  // ---- records: PersonRecordsService.addRecord / changeRecord / correctRecord ----
  const records = existing.records;
  /** PersonRecordsService.checkOverlap: periods of one stream may not overlap */
  const overlaps = (kind: PersonRecordKind, content: RecordContent, from: string, to: string | null, except: string[]) =>
    records.some(
      (r) =>
        r.kind === kind &&
        !except.includes(r.id) &&
        (kind !== PersonRecordKind.TITLE || r.titleId === content.titleId) &&
        (to === null || r.validFrom < to) &&
        (r.validTo === null || r.validTo > from),
    );
  const writeRecord = (kind: PersonRecordKind, inForce: PersonRecordEntity | null, content: RecordContent, field: ImportField, what: string, overlapMessage: string) => {
    changed = true;
    if (correction) {
      if (!inForce) return fail('effectiveDate', RowMessages.nothingToCorrect(what, viDate(date)), viDate(date));
      if (kind === PersonRecordKind.TITLE) {
        unitPeriod(inForce.validFrom, 'effectiveDate');
        titleSeats(inForce.validFrom);
      }
      if (overlaps(kind, content, inForce.validFrom, inForce.validTo, [inForce.id])) return fail(field, overlapMessage);
      const id = randomUUID();
      local.supersededRecords.push({ id: inForce.id, version: inForce.version });
      local.newRecords.push({ id, personId, kind, content, validFrom: inForce.validFrom, validTo: inForce.validTo, recordKind: RecordKind.CORRECTION, correctsId: inForce.id, reason });
      audit(
        'personRecord',
        id,
        'correct',
        { ...auditOf(contentOf(inForce)), validFrom: inForce.validFrom, validTo: inForce.validTo, recordId: inForce.id },
        { ...auditOf(content), validFrom: inForce.validFrom, validTo: inForce.validTo, reason, correctsId: inForce.id },
      );
      return;
    }
    if (kind === PersonRecordKind.TITLE) {
      unitPeriod(date, 'effectiveDate');
      titleSeats(date);
    }
    if (!inForce) {
      if (overlaps(kind, content, date, null, [])) return fail(field, overlapMessage);
      const id = randomUUID();
      local.newRecords.push({ id, personId, kind, content, validFrom: date, validTo: null, recordKind: RecordKind.CHANGE, correctsId: null, reason: row.reason });
      audit('personRecord', id, 'add', null, { personId, kind, ...auditOf(content), validFrom: date, validTo: null, reason: row.reason });
      return;
    }
    if (overlaps(kind, content, date, inForce.validTo, [inForce.id])) return fail(field, overlapMessage);
    const plan = planChange([{ id: inForce.id, value: content, validFrom: inForce.validFrom, validTo: inForce.validTo }], date, content);
    local.supersededRecords.push({ id: inForce.id, version: inForce.version });
    let created: NewRecord | null = null;
    for (const r of plan.insert) {
      const carried = r.carriedFrom === inForce.id;
      created = {
        id: randomUUID(),
        personId,
        kind,
        content: carried ? contentOf(inForce) : content,
        validFrom: r.validFrom,
        validTo: r.validTo,
        recordKind: carried ? inForce.recordKind : RecordKind.CHANGE,
        correctsId: carried ? inForce.correctsId : null,
        reason: carried ? inForce.reason : row.reason,
      };
      local.newRecords.push(created);
    }
    audit(
      'personRecord',
      created!.id,
      'change',
      { ...auditOf(contentOf(inForce)), validFrom: inForce.validFrom, validTo: inForce.validTo, recordId: inForce.id },
      { ...auditOf(content), validFrom: created!.validFrom, validTo: created!.validTo, reason: created!.reason },
    );
  };

  if (titleId) {
    const content = recordContent(PersonRecordKind.TITLE, { titleId, unitId: unit!.id });
    const inForce = records.filter((r) => r.kind === PersonRecordKind.TITLE && IN_FORCE(r, date));
    if (!inForce.some((r) => r.titleId === titleId && r.unitId === unit!.id)) {
      if (inForce.length > 1) fail('title', RowMessages.manyTitles, row.titleName);
      else writeRecord(PersonRecordKind.TITLE, inForce[0] ?? null, content, 'title', 'chức danh', RowMessages.titleOverlap);
    }
  }
  const level = (kind: PersonRecordKind, field: ImportField, input: string, given: string | null, what: string) => {
    if (!given) return;
    const inForce = records.filter((r) => r.kind === kind && IN_FORCE(r, date));
    if (inForce.some((r) => r.level === given)) return;
    if (inForce.length > 1) return fail(field, RowMessages.levelOverlap, given);
    const base = inForce[0] ?? null;
    // a change keeps the record's other details (field of study, institution, year), like changeRecord
    const content = recordContent(kind, overlay(base ? recordFields(base) : {}, { [input]: given }, [input]));
    if (base && sameJson(content, contentOf(base))) return;
    writeRecord(kind, base, content, field, what, RowMessages.levelOverlap);
  };
  level(PersonRecordKind.QUALIFICATION, 'qualificationLevel', 'qualificationLevel', row.qualificationLevel, 'bản ghi trình độ chuyên môn');
  level(PersonRecordKind.POLITICAL_THEORY, 'politicalTheoryLevel', 'politicalTheoryLevel', row.politicalTheoryLevel, 'bản ghi trình độ lý luận chính trị');

  if (errors.length) return { errors };
  if (!changed) return { errors: null, action: 'unchanged' };
  for (const key of Object.keys(local) as (keyof Writes)[]) (writes[key] as unknown[]).push(...(local[key] as unknown[]));
  merge(writes, audits);
  return { errors: null, action: 'update' };
}

function merge(writes: Writes, audits: AuditInput[]): void {
  writes.audits.push(...audits);
}

// ---- writing ----

/** Rows changed by someone else between the read and the write (the import's locks make this a fault). */
export class ConcurrentChangeError extends Error {}

type Column = [name: string, type: string];

async function insertRows(manager: EntityManager, table: string, columns: Column[], rows: unknown[][], chunk = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = columns.map((_, c) => part.map((r) => r[c]));
    await manager.query(
      `INSERT INTO ${table} (${columns.map(([n]) => n).join(', ')})
       SELECT * FROM unnest(${columns.map(([, t], c) => `$${c + 1}::${t}[]`).join(', ')})`,
      arrays,
    );
  }
}

async function supersede(manager: EntityManager, table: string, rows: Superseded[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    const result: [unknown[], number] = await manager.query(
      `UPDATE ${table} t SET superseded_at = $3, version = t.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS v(id, version)
        WHERE t.id = v.id AND t.version = v.version AND t.superseded_at IS NULL`,
      [part.map((r) => r.id), part.map((r) => r.version), now],
    );
    if (result[1] !== part.length) throw new ConcurrentChangeError(`${table}: ${result[1]} of ${part.length} rows superseded`);
  }
}

const IDENTITY_COLUMNS: [keyof Identity, string, string][] = [
  ['fullName', 'full_name', 'text'],
  ['otherNames', 'other_names', 'text'],
  ['gender', 'gender', 'text'],
  ['birthDate', 'birth_date', 'date'],
  ['birthPlace', 'birth_place', 'text'],
  ['hometown', 'hometown', 'text'],
  ['permanentResidence', 'permanent_residence', 'text'],
  ['currentResidence', 'current_residence', 'text'],
  ['nationalId', 'national_id', 'text'],
  ['ethnicityCode', 'ethnicity_code', 'text'],
  ['religion', 'religion', 'text'],
  ['healthStatus', 'health_status', 'text'],
  ['phone', 'phone', 'text'],
  ['email', 'email', 'text'],
  ['status', 'status', 'text'],
  ['startedWorkOn', 'started_work_on', 'date'],
  ['enteredCivilServiceOn', 'entered_civil_service_on', 'date'],
  ['partyJoinedOn', 'party_joined_on', 'date'],
  ['partyConfirmedOn', 'party_confirmed_on', 'date'],
  ['partyCardNumber', 'party_card_number', 'text'],
];

const identityRow = (identity: Identity) => IDENTITY_COLUMNS.map(([f]) => identity[f] ?? null);

/** Writes a batch's plans in the caller's transaction (`now`: the transaction's time, as every recorded_at). */
export async function applyWrites(manager: EntityManager, audit: AuditService, writes: Writes, now: Date): Promise<void> {
  const actorName = currentContext()?.actor?.name ?? null;
  if (writes.newPersons.length) {
    await insertRows(
      manager,
      'person',
      [['id', 'uuid'], ...IDENTITY_COLUMNS.map(([, c, t]) => [c, t] as Column), ['search_text', 'text']],
      writes.newPersons.map((p) => [p.id, ...identityRow(p.identity), personSearchText(p.identity.fullName, p.identity.otherNames)]),
    );
  }
  for (let i = 0; i < writes.identityUpdates.length; i += 1000) {
    const part = writes.identityUpdates.slice(i, i + 1000);
    const columns: Column[] = [['id', 'uuid'], ['version', 'int'], ...IDENTITY_COLUMNS.map(([, c, t]) => [c, t] as Column), ['search_text', 'text']];
    const rows = part.map((u) => [u.id, u.version, ...identityRow(u.identity), personSearchText(u.identity.fullName, u.identity.otherNames)]);
    const result: [unknown[], number] = await manager.query(
      `UPDATE person p SET ${columns
        .slice(2)
        .map(([c]) => `${c} = v.${c}`)
        .join(', ')}, version = p.version + 1, updated_at = now()
         FROM unnest(${columns.map(([, t], c) => `$${c + 1}::${t}[]`).join(', ')}) AS v(${columns.map(([c]) => c).join(', ')})
        WHERE p.id = v.id AND p.version = v.version`,
      columns.map((_, c) => rows.map((r) => r[c])),
    );
    if (result[1] !== part.length) throw new ConcurrentChangeError(`person: ${result[1]} of ${part.length} rows updated`);
  }
  if (writes.revisions.length) {
    await insertRows(
      manager,
      'person_revision',
      [
        ['person_id', 'uuid'],
        ['recorded_at', 'timestamptz'],
        ['record_kind', 'text'],
        ['reason', 'text'],
        ['data', 'jsonb'],
        ['actor_name', 'text'],
      ],
      writes.revisions.map((r) => [r.personId, now, r.recordKind, r.reason, JSON.stringify({ ...r.identity }), actorName]),
    );
  }
  await supersede(manager, 'person_assignment', writes.supersededAssignments, now);
  if (writes.newAssignments.length) {
    await insertRows(
      manager,
      'person_assignment',
      [
        ['id', 'uuid'],
        ['person_id', 'uuid'],
        ['unit_id', 'uuid'],
        ['body_id', 'uuid'],
        ['staff_category', 'text'],
        ['job_position', 'text'],
        ['seconded_to_unit_id', 'uuid'],
        ['valid_from', 'date'],
        ['valid_to', 'date'],
        ['recorded_at', 'timestamptz'],
        ['record_kind', 'text'],
        ['corrects_id', 'uuid'],
        ['reason', 'text'],
      ],
      writes.newAssignments.map((a) => [
        a.id,
        a.personId,
        a.value.unitId,
        a.value.bodyId,
        a.value.staffCategory satisfies StaffCategory,
        a.value.jobPosition,
        a.value.secondedToUnitId,
        a.validFrom,
        a.validTo,
        now,
        a.recordKind,
        a.correctsId,
        a.reason,
      ]),
    );
  }
  await supersede(manager, 'person_record', writes.supersededRecords, now);
  if (writes.newRecords.length) {
    await insertRows(
      manager,
      'person_record',
      [
        ['id', 'uuid'],
        ['person_id', 'uuid'],
        ['kind', 'text'],
        ['unit_id', 'uuid'],
        ['title_id', 'uuid'],
        ['committee', 'text'],
        ['term', 'text'],
        ['level', 'text'],
        ['value', 'jsonb'],
        ['valid_from', 'date'],
        ['valid_to', 'date'],
        ['recorded_at', 'timestamptz'],
        ['record_kind', 'text'],
        ['corrects_id', 'uuid'],
        ['reason', 'text'],
      ],
      writes.newRecords.map((r) => [
        r.id,
        r.personId,
        r.kind,
        r.content.unitId,
        r.content.titleId,
        r.content.committee,
        r.content.term,
        r.content.level,
        JSON.stringify(r.content.value ?? {}),
        r.validFrom,
        r.validTo,
        now,
        r.recordKind,
        r.correctsId,
        r.reason,
      ]),
    );
  }
  if (writes.audits.length) await audit.recordMany(manager, writes.audits);
}
