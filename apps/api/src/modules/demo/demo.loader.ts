import { AgencyBranch, COMMUNE_LEVEL_KINDS, RecordKind, UnitKind } from '@canbo/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { itemKey } from '../establishment/establishment.rules';
import { identityOf } from '../person/person.service';
import { agencyBodies, communeBodies } from '../unit/unit.defaults';
import { DEMO_MARKER, DEMO_REFERENCE_DATE, DemoData, DemoInput, generateDemoProvince } from './demo.generator';
import { defaultDemoInput } from './demo.input';

export interface DemoLoadOptions {
  /** copies of the province's people (benchmarks) */
  scale?: number;
  /** remove the demo people loaded before (a reload); without it, a database holding demo people is left alone */
  reset?: boolean;
  /** load only into a database without any person (first start) */
  ifEmpty?: boolean;
}

export interface DemoLoadResult {
  loaded: boolean;
  reason?: string;
  removedPeople: number;
  people: number;
  assignments: number;
  records: number;
  entries: number;
  establishmentRecords: number;
  populationRows: number;
  milliseconds: number;
}

const BATCH = 20_000;

/** Why nothing was loaded, or what was. */
function skipped(reason: string, started: number): DemoLoadResult {
  return {
    loaded: false,
    reason,
    removedPeople: 0,
    people: 0,
    assignments: 0,
    records: 0,
    entries: 0,
    establishmentRecords: 0,
    populationRows: 0,
    milliseconds: Date.now() - started,
  };
}

/**
 * Loads the demo province into a database holding the registry (units, bodies, titles, default establishment), as
 * the owner, in one transaction: the units' establishment and population, then the people with every record, in
 * bulk (multi-row INSERT ... SELECT FROM unnest). One audit entry for the whole load.
 */
export async function loadDemoProvince(ds: DataSource, options: DemoLoadOptions = {}): Promise<DemoLoadResult> {
  const started = Date.now();
  const result = await ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(7310402029)');
    const [{ people, demo }] = await m.query(
      `SELECT (SELECT count(*)::int FROM person) AS people,
              (SELECT count(DISTINCT person_id)::int FROM person_revision WHERE reason = $1) AS demo`,
      [DEMO_MARKER],
    );
    if (options.ifEmpty && people > 0) return skipped('the database already holds people', started);
    if (demo > 0 && !options.reset) return skipped('the demo province is already loaded (reload it with --reset)', started);
    const removedPeople = demo > 0 ? await removeDemoPeople(m) : 0;

    const units: { id: string; code: string; name: string; short_name: string | null; kind: UnitKind; branch: AgencyBranch | null }[] = await m.query(
      `SELECT id, code, name, short_name, kind, branch FROM unit WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) ORDER BY code`,
      [DEMO_REFERENCE_DATE],
    );
    const input: DemoInput = {
      ...defaultDemoInput(),
      units: units.filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind)).map((u) => ({ code: u.code, name: u.name, shortName: u.short_name, kind: u.kind })),
      agencies: units.filter((u) => u.kind === UnitKind.PROVINCE_AGENCY).map((u) => ({ code: u.code, name: u.name, branch: u.branch })),
    };
    const data = generateDemoProvince(input, { scale: options.scale ?? 1 });
    const refs = await references(m, units);
    const establishmentRecords = await loadEstablishment(m, data, refs);
    const populationRows = await loadPopulation(m, data, refs);
    await loadPeople(m, data, refs);
    const counts = {
      removedPeople,
      people: data.people.length,
      assignments: data.assignments.length,
      records: data.records.length,
      entries: data.entries.length,
      establishmentRecords,
      populationRows,
    };
    // one audit entry for the whole load (a bulk load, like the registry seed)
    await new AuditService(ds).record(m, {
      operation: 'seed',
      entity: 'person',
      details: { demo: DEMO_MARKER, ...counts, scale: options.scale ?? 1, referenceDate: data.referenceDate },
    });
    return { loaded: true, ...counts, milliseconds: 0 };
  });
  if (result.loaded) await ds.query('ANALYZE person, person_assignment, person_record, person_entry, person_revision, establishment_record');
  return { ...result, milliseconds: Date.now() - started };
}

/** Deletes the demo people (found by their first revision) and everything recorded about them. */
async function removeDemoPeople(m: EntityManager): Promise<number> {
  await m.query(`CREATE TEMPORARY TABLE demo_person ON COMMIT DROP AS SELECT DISTINCT person_id AS id FROM person_revision WHERE reason = $1`, [DEMO_MARKER]);
  await m.query(`ALTER TABLE demo_person ADD PRIMARY KEY (id)`);
  for (const table of ['person_entry', 'person_record', 'person_assignment', 'person_revision']) {
    await m.query(`DELETE FROM ${table} t USING demo_person d WHERE t.person_id = d.id`);
  }
  await m.query(`DELETE FROM person p USING demo_person d WHERE p.id = d.id`);
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM demo_person`);
  await m.query(`DROP TABLE demo_person`);
  return n;
}

interface Refs {
  unitId: Map<string, string>;
  /** body ids per unit code, by the index of the default bodies */
  bodies: Map<string, (string | null)[]>;
  titleId: Map<string, string>;
}

async function references(m: EntityManager, units: { id: string; code: string; name: string; kind: UnitKind }[]): Promise<Refs> {
  const bodyRows: { id: string; unit_id: string; name: string }[] = await m.query(`SELECT id, unit_id, name FROM body WHERE valid_to IS NULL`);
  const byUnitName = new Map(bodyRows.map((b) => [`${b.unit_id}|${b.name}`, b.id]));
  const bodies = new Map<string, (string | null)[]>();
  for (const u of units) {
    const templates = COMMUNE_LEVEL_KINDS.includes(u.kind) ? communeBodies(u.name) : u.kind === UnitKind.PROVINCE_AGENCY ? agencyBodies(u.name) : [];
    bodies.set(
      u.code,
      templates.map((t) => byUnitName.get(`${u.id}|${t.name}`) ?? null),
    );
  }
  const titles: { id: string; code: string }[] = await m.query(`SELECT id, code FROM title`);
  return { unitId: new Map(units.map((u) => [u.code, u.id])), bodies, titleId: new Map(titles.map((t) => [t.code, t.id])) };
}

/** INSERT ... SELECT FROM unnest(arrays): one statement per batch, whatever the number of rows. */
async function bulkInsert<T>(m: EntityManager, table: string, columns: [name: string, type: string, value: (row: T) => unknown][], rows: T[]): Promise<void> {
  const names = columns.map(([n]) => n).join(', ');
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await m.query(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${unnest})`,
      columns.map(([, , value]) => batch.map(value)),
    );
  }
}

/**
 * The demo's approved posts, committee seats and title seats on the units' first day: where the value in force
 * differs, the record is superseded and the demo value recorded (a change from the same day); missing items added.
 */
async function loadEstablishment(m: EntityManager, data: DemoData, refs: Refs): Promise<number> {
  const units = [...new Set(data.establishment.map((e) => refs.unitId.get(e.unitCode)!))];
  const current: { id: string; unit_id: string; item_key: string; value: number; valid_from: string }[] = await m.query(
    `SELECT id, unit_id, item_key, value, valid_from::text AS valid_from FROM establishment_record
      WHERE unit_id = ANY($1) AND superseded_at IS NULL AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`,
    [units, data.referenceDate],
  );
  const byKey = new Map(current.map((r) => [`${r.unit_id}|${r.item_key}`, r]));
  const supersede: string[] = [];
  const insert: Record<string, unknown>[] = [];
  for (const e of data.establishment) {
    const unitId = refs.unitId.get(e.unitCode)!;
    const bodyId = e.body === null ? null : (refs.bodies.get(e.unitCode)?.[e.body] ?? null);
    const titleId = e.titleCode ? refs.titleId.get(e.titleCode) : null;
    if (e.titleCode && !titleId) throw new Error(`The title ${e.titleCode} is not in the catalogue`);
    const item = { bodyId, itemKind: e.itemKind, staffCategory: e.staffCategory, committee: e.committee, term: e.term, titleId, field: null };
    const key = itemKey(item);
    const existing = byKey.get(`${unitId}|${key}`);
    if (existing && existing.value === e.value) continue;
    if (existing) supersede.push(existing.id);
    insert.push({
      unitId,
      bodyId,
      itemKind: e.itemKind,
      itemKey: key,
      staffCategory: e.staffCategory,
      committee: e.committee,
      term: e.term,
      titleId,
      value: e.value,
      validFrom: existing?.valid_from ?? '2025-07-01',
      reason: 'Biên chế, định suất được giao năm 2025 (dữ liệu mẫu)',
    });
  }
  if (supersede.length) {
    await m.query(`UPDATE establishment_record SET superseded_at = now(), version = version + 1, updated_at = now() WHERE id = ANY($1)`, [supersede]);
  }
  await bulkInsert<Record<string, unknown>>(
    m,
    'establishment_record',
    [
      ['unit_id', 'uuid', (r) => r.unitId],
      ['body_id', 'uuid', (r) => r.bodyId],
      ['item_kind', 'text', (r) => r.itemKind],
      ['item_key', 'text', (r) => r.itemKey],
      ['staff_category', 'text', (r) => r.staffCategory],
      ['committee', 'text', (r) => r.committee],
      ['term', 'text', (r) => r.term],
      ['title_id', 'uuid', (r) => r.titleId],
      ['value', 'int', (r) => r.value],
      ['valid_from', 'date', (r) => r.validFrom],
      ['record_kind', 'text', () => RecordKind.CHANGE],
      ['reason', 'text', (r) => r.reason],
    ],
    insert,
  );
  return insert.length;
}

/** The units' population and minority share (the demo's own rows replace earlier demo rows, never an admin's). */
async function loadPopulation(m: EntityManager, data: DemoData, refs: Refs): Promise<number> {
  await m.query(`DELETE FROM unit_population WHERE source = $1`, [DEMO_MARKER]);
  const rows = data.population.map((p) => ({ ...p, unitId: refs.unitId.get(p.unitCode)! }));
  const inserted: unknown[] = await m.query(
    `INSERT INTO unit_population (unit_id, valid_from, population, ethnic_minority_share, source)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[], $4::numeric[], $5::text[])
     ON CONFLICT (unit_id, valid_from) DO NOTHING RETURNING id`,
    [rows.map((r) => r.unitId), rows.map((r) => r.validFrom), rows.map((r) => r.population), rows.map((r) => r.ethnicMinorityShare), rows.map((r) => r.source)],
  );
  return inserted.length;
}

async function loadPeople(m: EntityManager, data: DemoData, refs: Refs): Promise<void> {
  const unit = (code: string) => {
    const id = refs.unitId.get(code);
    if (!id) throw new Error(`Unknown unit ${code}`);
    return id;
  };
  const body = (code: string, index: number | null) => (index === null ? null : (refs.bodies.get(code)?.[index] ?? null));
  const title = (code: string | null) => (code ? refs.titleId.get(code)! : null);
  type P = DemoData['people'][number];
  await bulkInsert<P>(
    m,
    'person',
    [
      ['id', 'uuid', (p) => p.id],
      ['full_name', 'text', (p) => p.fullName],
      ['other_names', 'text', (p) => p.otherNames],
      ['gender', 'text', (p) => p.gender],
      ['birth_date', 'date', (p) => p.birthDate],
      ['birth_place', 'text', (p) => p.birthPlace],
      ['hometown', 'text', (p) => p.hometown],
      ['permanent_residence', 'text', (p) => p.permanentResidence],
      ['current_residence', 'text', (p) => p.currentResidence],
      ['national_id', 'text', (p) => p.nationalId],
      ['ethnicity_code', 'text', (p) => p.ethnicityCode],
      ['religion', 'text', (p) => p.religion],
      ['health_status', 'text', (p) => p.healthStatus],
      ['phone', 'text', (p) => p.phone],
      ['email', 'text', (p) => p.email],
      ['status', 'text', (p) => p.status],
      ['started_work_on', 'date', (p) => p.startedWorkOn],
      ['entered_civil_service_on', 'date', (p) => p.enteredCivilServiceOn],
      ['party_joined_on', 'date', (p) => p.partyJoinedOn],
      ['party_confirmed_on', 'date', (p) => p.partyConfirmedOn],
      ['party_card_number', 'text', (p) => p.partyCardNumber],
      ['search_text', 'text', (p) => p.searchText],
    ],
    data.people,
  );
  // the first identity revision of each person, as createPerson writes it (the marker as its reason)
  await bulkInsert<P>(
    m,
    'person_revision',
    [
      ['person_id', 'uuid', (p) => p.id],
      ['record_kind', 'text', () => RecordKind.CHANGE],
      ['reason', 'text', () => DEMO_MARKER],
      ['data', 'jsonb', (p) => JSON.stringify(identityOf(p))],
      ['actor_name', 'text', () => 'canbo'],
    ],
    data.people,
  );
  type A = DemoData['assignments'][number];
  await bulkInsert<A>(
    m,
    'person_assignment',
    [
      ['person_id', 'uuid', (a) => a.personId],
      ['unit_id', 'uuid', (a) => unit(a.unitCode)],
      ['body_id', 'uuid', (a) => body(a.unitCode, a.body)],
      ['staff_category', 'text', (a) => a.staffCategory],
      ['job_position', 'text', (a) => a.jobPosition],
      ['valid_from', 'date', (a) => a.validFrom],
      ['valid_to', 'date', (a) => a.validTo],
      ['record_kind', 'text', () => RecordKind.CHANGE],
    ],
    data.assignments,
  );
  type R = DemoData['records'][number];
  await bulkInsert<R>(
    m,
    'person_record',
    [
      ['person_id', 'uuid', (r) => r.personId],
      ['kind', 'text', (r) => r.kind],
      ['unit_id', 'uuid', (r) => (r.unitCode ? unit(r.unitCode) : null)],
      ['title_id', 'uuid', (r) => title(r.titleCode)],
      ['committee', 'text', (r) => r.committee],
      ['term', 'text', (r) => r.term],
      ['level', 'text', (r) => r.level],
      ['value', 'jsonb', (r) => JSON.stringify(r.value)],
      ['valid_from', 'date', (r) => r.validFrom],
      ['valid_to', 'date', (r) => r.validTo],
      ['record_kind', 'text', () => RecordKind.CHANGE],
    ],
    data.records,
  );
  type E = DemoData['entries'][number];
  await bulkInsert<E>(
    m,
    'person_entry',
    [
      ['person_id', 'uuid', (e) => e.personId],
      ['kind', 'text', (e) => e.kind],
      ['date_from', 'date', (e) => e.dateFrom],
      ['date_to', 'date', (e) => e.dateTo],
      ['year', 'int', (e) => e.year],
      ['value', 'jsonb', (e) => JSON.stringify(e.value)],
      ['record_kind', 'text', () => RecordKind.CHANGE],
    ],
    data.entries,
  );
}
