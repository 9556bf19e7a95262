import {
  AgencyBranch,
  AnnualRating,
  COMMUNE_LEVEL_KINDS,
  CommitteeKind,
  DEFAULT_COMMUNE_ESTABLISHMENT,
  EstablishmentItemKind,
  FamilyRelation,
  Gender,
  KEY_LEADERSHIP_TITLES_DEFAULT,
  PersonEntryKind,
  PersonRecordKind,
  PersonStatus,
  PoliticalTheoryLevel,
  ProfessionalField,
  QualificationLevel,
  SECTION_1_FIGURES,
  SECTION_1_REFERENCE_DATE,
  Section1Figure,
  StaffCategory,
  TrainingKind,
  UnitKind,
  foldForSearch,
  youngBirthCutoff,
} from '@canbo/shared';
import { personSearchText } from '../person/person.service';
import { demoName, DemoEthnicity, demoRelativeName, demoReligion, familyNameOf } from './demo.names';
import { CellKey, CellPlan, KEY_CELLS, KeyCell, MASS_ORG_CELLS, MassOrgCell, planCells, SECRETARY_CHAIRS_COUNCIL_UNITS } from './demo.plan';
import { addDays, addYears, apportion, dateBetween, daysBetween, Random } from './demo.random';
import {
  BODY,
  CONTRACT_JOBS,
  executiveRoles,
  EXTRA_TITLE_SEATS,
  FIELD_OF_STUDY,
  GENERAL_CIVIL_SERVANT_ROLES,
  MASS_ORG_ROLES,
  OTHER_CADRE_ROLES,
  PUBLIC_EMPLOYEE_JOBS,
  PublicEmployeeKind,
  Role,
  SPECIALIST_JOBS,
  STANDING_ROLES,
  TITLE_BODY,
} from './demo.roles';

/** The date the demo province describes (section I of the resolution). */
export const DEMO_REFERENCE_DATE = SECTION_1_REFERENCE_DATE;
export const DEMO_SEED = 'canbo-demo-an-giang';
/** Every demo person's first identity revision carries this reason: how a reload finds the demo people. */
export const DEMO_MARKER = 'Dữ liệu mẫu (tỉnh minh họa)';
/** The first day of the two-tier local government: the units' first day. */
const TWO_TIER_START = '2025-07-01';
const TERM = DEFAULT_COMMUNE_ESTABLISHMENT.value.term;
const PREVIOUS_TERM = '2020-2025';
/** Province code of An Giang in the national ID (số định danh cá nhân). */
const PROVINCE_ID_CODE = '089';

export interface DemoUnit {
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
}

export interface DemoAgency {
  code: string;
  name: string;
  branch: AgencyBranch | null;
}

export interface DemoProfileUnit {
  name: string;
  population: number;
  khmer: number;
  hoa: number;
  cham: number;
}

export interface DemoProfile {
  province: string;
  /** the date the population figures hold from */
  validFrom: string;
  units: DemoProfileUnit[];
}

export interface DemoInput {
  units: DemoUnit[];
  agencies: DemoAgency[];
  profile: DemoProfile;
  /** the figures to reproduce (default: SECTION_1_FIGURES) */
  figures?: readonly Section1Figure[];
}

export interface DemoOptions {
  /** copies of the province's people (benchmarks); units, establishment and seats stay as they are */
  scale?: number;
  seed?: string;
}

export interface DemoPersonRow {
  id: string;
  fullName: string;
  otherNames: string | null;
  gender: Gender;
  birthDate: string;
  birthPlace: string;
  hometown: string;
  permanentResidence: string;
  currentResidence: string;
  nationalId: string;
  ethnicityCode: string;
  religion: string;
  healthStatus: string;
  phone: string;
  email: string | null;
  status: PersonStatus;
  startedWorkOn: string;
  enteredCivilServiceOn: string | null;
  partyJoinedOn: string | null;
  partyConfirmedOn: string | null;
  partyCardNumber: string | null;
  searchText: string;
}

export interface DemoAssignmentRow {
  personId: string;
  unitCode: string;
  /** index of the body in the unit's default bodies (communeBodies / agencyBodies), or null */
  body: number | null;
  staffCategory: StaffCategory;
  jobPosition: string;
  validFrom: string;
  validTo: string | null;
}

export interface DemoRecordRow {
  personId: string;
  kind: PersonRecordKind;
  unitCode: string | null;
  titleCode: string | null;
  committee: CommitteeKind | null;
  term: string | null;
  level: string | null;
  value: Record<string, unknown>;
  validFrom: string;
  validTo: string | null;
}

export interface DemoEntryRow {
  personId: string;
  kind: PersonEntryKind;
  dateFrom: string | null;
  dateTo: string | null;
  year: number | null;
  value: Record<string, unknown>;
}

export interface DemoEstablishmentRow {
  unitCode: string;
  itemKind: EstablishmentItemKind;
  staffCategory: StaffCategory | null;
  committee: CommitteeKind | null;
  term: string | null;
  titleCode: string | null;
  body: number | null;
  value: number;
}

export interface DemoPopulationRow {
  unitCode: string;
  validFrom: string;
  population: number;
  ethnicMinorityShare: number;
  source: string;
}

export interface DemoData {
  referenceDate: string;
  /** the commune-level units the people work in (codes), and the agencies */
  unitCodes: string[];
  agencyCodes: string[];
  establishment: DemoEstablishmentRow[];
  population: DemoPopulationRow[];
  people: DemoPersonRow[];
  assignments: DemoAssignmentRow[];
  records: DemoRecordRow[];
  entries: DemoEntryRow[];
}

interface UnitCtx {
  unit: DemoUnit;
  profile: DemoProfileUnit;
  minorityShare: number;
  ward: boolean;
  /** the unit's party congress of the new term */
  congress: string;
  typeA: boolean;
  deputyVacant: boolean;
  standingSeats: number;
  standingSeated: number;
  execSeats: number;
  execSeated: number;
  quota: Record<StaffCategory, number>;
  cadres: number;
  civilServants: number;
  publicEmployees: number;
  contract: number;
  /** specialists the unit holds per field (below the establishment in some units) */
  specialists: Partial<Record<ProfessionalField, number>>;
}

interface Slot {
  unit: UnitCtx;
  cell: CellKey | 'CONTRACT';
  category: StaffCategory;
  role: Role;
  committees: CommitteeKind[];
  /** key leaders and other standing members: longer careers */
  leader: boolean;
  peKind?: PublicEmployeeKind;
  female: boolean;
  young: boolean;
  minority: boolean;
  qualification: QualificationLevel | null;
  theory: PoliticalTheoryLevel | null;
}

const CATEGORY_ORDER = [StaffCategory.CADRE, StaffCategory.CIVIL_SERVANT, StaffCategory.PUBLIC_EMPLOYEE, StaffCategory.CONTRACT];

/**
 * Generates the demo province as of DEMO_REFERENCE_DATE: establishment and population of the 102 units, and people
 * with careers, records and entries whose figures reproduce every figure of section I exactly. Pure and
 * deterministic: the same input, seed and scale give the same rows.
 */
export function generateDemoProvince(input: DemoInput, options: DemoOptions = {}): DemoData {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, not ${scale}`);
  const seed = options.seed ?? DEMO_SEED;
  const figures = input.figures ?? SECTION_1_FIGURES;
  const fig = new Map(figures.map((f) => [f.id, f]));
  const figure = (id: string) => {
    const f = fig.get(id);
    if (!f) throw new Error(`The figure ${id} is missing`);
    return f;
  };
  const rng = new Random(`${seed}:structure`);

  const units = input.units.filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind)).sort((a, b) => (a.code < b.code ? -1 : 1));
  if (units.length !== figure('commune_level_units').count) {
    throw new Error(`The demo needs ${figure('commune_level_units').count} commune-level units, not ${units.length}`);
  }
  const agencies = [...input.agencies].sort((a, b) => (a.code < b.code ? -1 : 1));
  const agencyStaff = new Map(agencies.map((a) => [a.code, rng.int(14, 30)]));
  const profiles = new Map(input.profile.units.map((p) => [p.name, p]));
  const ctxs = units.map((unit) => {
    const profile = profiles.get(unit.name) ?? { name: unit.name, population: 30000, khmer: 0.005, hoa: 0.003, cham: 0 };
    return { unit, profile, minorityShare: profile.khmer + profile.hoa + profile.cham, ward: unit.kind === UnitKind.WARD } as UnitCtx;
  });
  const averagePopulation = ctxs.reduce((s, c) => s + c.profile.population, 0) / ctxs.length;
  const relative = (c: UnitCtx) => c.profile.population / averagePopulation;

  // ---- establishment: approved posts and seats whose totals are the figures' bases ----
  const template = DEFAULT_COMMUNE_ESTABLISHMENT.value;
  const cbccPosts = figure('cbcc_total').base!;
  const cadreShare = template.headcount.CADRE! / (template.headcount.CADRE! + template.headcount.CIVIL_SERVANT!);
  const cadrePosts = Math.round(cbccPosts * cadreShare);
  const cbccWeights = ctxs.map((c) => 0.55 + 0.45 * Math.sqrt(relative(c)));
  const cadreQuota = apportion(cadrePosts, cbccWeights);
  const csQuota = apportion(cbccPosts - cadrePosts, cbccWeights);
  const peQuota = apportion(
    figure('pe_total').base!,
    ctxs.map((c) => Math.max(0.2, relative(c) ** 0.85)),
  );
  const execSeats = apportion(figure('exec_committee_filled').base!, ctxs.map(() => 1));
  const standingSeats = apportion(
    figure('standing_committee_filled').base!,
    ctxs.map((c) => 1 + c.profile.population / 1e9),
  );
  ctxs.forEach((c, i) => {
    c.quota = {
      CADRE: cadreQuota[i],
      CIVIL_SERVANT: csQuota[i],
      PUBLIC_EMPLOYEE: peQuota[i],
      CONTRACT: template.headcount.CONTRACT ?? 10,
    };
    c.execSeats = execSeats[i];
    c.standingSeats = standingSeats[i];
  });
  const titleSeats = { ...template.titleSeats };
  for (const [code, id] of [
    ['party_secretary', 'party_secretary_filled'],
    ['deputy_party_secretary', 'deputy_party_secretary_filled'],
    ['pc_chair', 'pc_chair_filled'],
    ['council_chair', 'council_chair_filled'],
  ]) {
    if ((titleSeats[code] ?? 0) * units.length !== figure(id).base) throw new Error(`Title seats of ${code} do not give ${figure(id).base}`);
  }

  // ---- who sits where: vacancies, the units where the secretary chairs the council ----
  const deputyVacancies = figure('deputy_party_secretary_filled').base! - figure('deputy_party_secretary_filled').count;
  const vacantDeputy = new Set(rng.sample(ctxs, deputyVacancies));
  const typeA = new Set([...vacantDeputy, ...rng.sample(ctxs.filter((c) => !vacantDeputy.has(c)), SECRETARY_CHAIRS_COUNCIL_UNITS - vacantDeputy.size)]);
  const execVacant = apportion(
    figure('exec_committee_filled').base! - figure('exec_committee_filled').count,
    ctxs.map(() => 1 + rng.next() * 0.01),
  );
  const standingVacant = apportion(
    figure('standing_committee_filled').base! - figure('standing_committee_filled').count,
    ctxs.map(() => 1 + rng.next() * 0.01),
  );
  ctxs.forEach((c, i) => {
    c.deputyVacant = vacantDeputy.has(c);
    c.typeA = typeA.has(c);
    c.execSeated = c.execSeats - execVacant[i];
    c.standingSeated = c.standingSeats - standingVacant[i];
    c.congress = dateBetween(rng, '2025-07-20', '2025-08-31');
  });
  const keyCount = (c: UnitCtx) => 3 - (c.deputyVacant ? 1 : 0);
  for (const c of ctxs) {
    const others = c.standingSeated - keyCount(c);
    const executives = c.execSeated - c.standingSeated - 4;
    if (others < 0 || others > STANDING_ROLES.length) throw new Error(`Standing committee of ${c.unit.name} cannot be filled`);
    if (executives < 0 || executives > executiveRoles(c.ward).length) throw new Error(`Executive committee of ${c.unit.name} cannot be filled`);
  }

  // ---- staff in post per unit, within the quotas ----
  const cbccInPost = figure('cbcc_total').count;
  const cbcc = apportionBetween(
    cbccInPost,
    ctxs.map((c) => (c.quota.CADRE + c.quota.CIVIL_SERVANT) * (0.85 + 0.3 * rng.next())),
    ctxs.map((c) => c.execSeated + 12),
    ctxs.map((c) => c.quota.CADRE + c.quota.CIVIL_SERVANT),
  );
  const cadresInPost = Math.round(((cbccInPost * cadrePosts) / cbccPosts) * 1.05);
  const cadres = apportionBetween(
    cadresInPost,
    ctxs.map((c) => c.quota.CADRE),
    ctxs.map((c, i) => Math.max(c.standingSeated + 4, cbcc[i] - c.quota.CIVIL_SERVANT)),
    ctxs.map((c, i) => Math.min(c.quota.CADRE, cbcc[i])),
  );
  const publicEmployees = apportionBetween(
    figure('pe_total').count,
    ctxs.map((c) => c.quota.PUBLIC_EMPLOYEE * (0.85 + 0.3 * rng.next())),
    ctxs.map(() => 10),
    ctxs.map((c) => c.quota.PUBLIC_EMPLOYEE),
  );
  ctxs.forEach((c, i) => {
    c.cadres = cadres[i];
    c.civilServants = cbcc[i] - cadres[i];
    c.publicEmployees = publicEmployees[i];
    c.contract = rng.int(5, Math.min(9, c.quota.CONTRACT));
    // specialists: the establishment's fields, some units short in the fields the resolution names (F54)
    c.specialists = {};
    for (const [field, n] of Object.entries(template.specialists) as [ProfessionalField, number][]) {
      const short = [ProfessionalField.LAND_MANAGEMENT, ProfessionalField.PUBLIC_INVESTMENT, ProfessionalField.BUDGET_FINANCE, ProfessionalField.DIGITAL_TRANSFORMATION].includes(field) && rng.chance(0.35);
      c.specialists[field] = Math.max(0, n - (short ? rng.int(1, n) : 0));
    }
  });

  const establishment = establishmentRows(ctxs, titleSeats);
  const population = ctxs.map((c) => ({
    unitCode: c.unit.code,
    validFrom: input.profile.validFrom,
    population: c.profile.population,
    ethnicMinorityShare: Math.round(c.minorityShare * 10000) / 10000,
    source: DEMO_MARKER,
  }));

  // ---- people: the first copy holds the seats; further copies (benchmarks) are staff only ----
  const out: DemoData = {
    referenceDate: DEMO_REFERENCE_DATE,
    unitCodes: ctxs.map((c) => c.unit.code),
    agencyCodes: agencies.map((a) => a.code),
    establishment,
    population,
    people: [],
    assignments: [],
    records: [],
    entries: [],
  };
  const ids = new NationalIds();
  for (let copy = 0; copy < scale; copy++) {
    const people = new PeopleBuilder(new Random(`${seed}:people:${copy}`), ids, out, ctxs, agencies, agencyStaff, copy === 0);
    const slots = ctxs.flatMap((c) => unitSlots(c, people.rng));
    const byCell = new Map<CellKey, Slot[]>();
    for (const s of slots) {
      if (s.cell === 'CONTRACT') continue;
      const list = byCell.get(s.cell) ?? [];
      if (!list.length) byCell.set(s.cell, list);
      list.push(s);
    }
    const sizes = Object.fromEntries([...KEY_CELLS, 'SO', ...MASS_ORG_CELLS, 'EO', 'CO', 'PE'].map((k) => [k, byCell.get(k as CellKey)?.length ?? 0])) as Record<
      CellKey,
      number
    >;
    const plan = planCells(figures, sizes);
    for (const [cell, members] of byCell) {
      assignAttributes(members, plan.cells[cell], people.rng);
      womenInWomensUnion(members);
    }
    for (const s of slots.filter((x) => x.cell === 'CONTRACT')) contractAttributes(s, people.rng);
    for (const s of slots) people.person(s);
    people.agencyStaff();
  }
  return out;
}

/** apportion() with a minimum per item. */
function apportionBetween(total: number, weights: number[], mins: number[], caps: number[]): number[] {
  const floor = mins.reduce((s, m) => s + m, 0);
  if (floor > total) throw new Error(`Minimums ${floor} exceed ${total}`);
  mins.forEach((m, i) => {
    if (m > caps[i]) throw new Error(`Minimum ${m} above cap ${caps[i]}`);
  });
  const extra = apportion(
    total - floor,
    weights,
    caps.map((c, i) => c - mins[i]),
  );
  return mins.map((m, i) => m + extra[i]);
}

function establishmentRows(ctxs: UnitCtx[], titleSeats: Record<string, number>): DemoEstablishmentRow[] {
  const rows: DemoEstablishmentRow[] = [];
  for (const c of ctxs) {
    const base = { unitCode: c.unit.code, staffCategory: null, committee: null, term: null, titleCode: null };
    for (const category of CATEGORY_ORDER) {
      rows.push({ ...base, itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: category, body: null, value: c.quota[category] });
    }
    rows.push({ ...base, itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: CommitteeKind.EXECUTIVE, term: TERM, body: BODY.PARTY, value: c.execSeats });
    rows.push({ ...base, itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: CommitteeKind.STANDING, term: TERM, body: BODY.PARTY, value: c.standingSeats });
    const seats: Record<string, number> = { ...titleSeats };
    for (const code of EXTRA_TITLE_SEATS) seats[code] = 1;
    seats[c.ward ? 'urban_economic_dept_head' : 'economic_dept_head'] = 1;
    for (const [code, value] of Object.entries(seats)) {
      rows.push({ ...base, itemKind: EstablishmentItemKind.TITLE_SEATS, titleCode: code, body: TITLE_BODY[code] ?? null, value });
    }
  }
  return rows;
}

function slot(unit: UnitCtx, cell: Slot['cell'], category: StaffCategory, role: Role, committees: CommitteeKind[], leader = false): Slot {
  return { unit, cell, category, role, committees, leader, female: false, young: false, minority: false, qualification: null, theory: null };
}

const EXEC = [CommitteeKind.EXECUTIVE];
const EXEC_STANDING = [CommitteeKind.EXECUTIVE, CommitteeKind.STANDING];

/** The posts of a unit, filled: key leaders, committees, other cadres and civil servants, public employees. */
function unitSlots(c: UnitCtx, rng: Random): Slot[] {
  const slots: Slot[] = [];
  const K = StaffCategory.CADRE;
  const key = (cell: KeyCell, job: string, titles: string[]) => slots.push(slot(c, cell, K, { job, body: TITLE_BODY[titles[0]], titles }, EXEC_STANDING, true));
  if (c.typeA) {
    key('S_A', 'Bí thư Đảng ủy, Chủ tịch Hội đồng nhân dân', ['party_secretary', 'council_chair']);
    key('D1', 'Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân', ['deputy_party_secretary', 'pc_chair']);
    if (!c.deputyVacant) key('D2_A', 'Phó Bí thư Thường trực Đảng ủy', ['deputy_party_secretary']);
  } else {
    key('S_B', 'Bí thư Đảng ủy', ['party_secretary']);
    key('D1', 'Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân', ['deputy_party_secretary', 'pc_chair']);
    key('D2_B', 'Phó Bí thư Thường trực Đảng ủy, Chủ tịch Hội đồng nhân dân', ['deputy_party_secretary', 'council_chair']);
  }
  const keyN = slots.length;
  for (const role of STANDING_ROLES.slice(0, c.standingSeated - keyN)) slots.push(slot(c, 'SO', K, role, EXEC_STANDING, true));
  for (const org of ['youth', 'women', 'farmers', 'veterans'] as const) slots.push(slot(c, `MO_${org}` as MassOrgCell, K, MASS_ORG_ROLES[org], EXEC));
  let cadresLeft = c.cadres - slots.length;
  const exec = executiveRoles(c.ward).slice(0, c.execSeated - c.standingSeated - 4);
  // cadre posts go to the roles that prefer them first, then to the other cadre roles
  const execCadre = new Set(exec.filter((r) => r.cadre).slice(0, Math.max(0, cadresLeft)));
  cadresLeft -= execCadre.size;
  for (const role of exec) slots.push(slot(c, 'EO', execCadre.has(role) ? K : StaffCategory.CIVIL_SERVANT, role, EXEC));
  const others = c.cadres + c.civilServants - slots.length;
  for (let i = 0; i < others; i++) {
    if (cadresLeft > 0) {
      slots.push(slot(c, 'CO', K, OTHER_CADRE_ROLES[i % OTHER_CADRE_ROLES.length], []));
      cadresLeft--;
    } else {
      slots.push(slot(c, 'CO', StaffCategory.CIVIL_SERVANT, { job: '', body: BODY.PC, titles: [] }, []));
    }
  }
  // civil servants: the specialists first (some units short of them), then the general posts
  const civil = slots.filter((s) => s.cell === 'CO' && s.category === StaffCategory.CIVIL_SERVANT);
  const fields = (Object.entries(c.specialists) as [ProfessionalField, number][]).flatMap(([f, n]) => Array<ProfessionalField>(n).fill(f));
  civil.forEach((s, i) => {
    if (i < fields.length) s.role = { job: SPECIALIST_JOBS[fields[i]], body: BODY.PC, titles: [], field: fields[i] };
    else s.role = GENERAL_CIVIL_SERVANT_ROLES[(i - fields.length) % GENERAL_CIVIL_SERVANT_ROLES.length];
  });
  if (slots.length !== c.cadres + c.civilServants) throw new Error(`Unit ${c.unit.name}: ${slots.length} CBCC slots for ${c.cadres + c.civilServants}`);
  if (slots.filter((s) => s.category === K).length !== c.cadres) throw new Error(`Unit ${c.unit.name}: cadre slots do not match`);

  for (let i = 0; i < c.publicEmployees; i++) {
    const kind = i === 0 ? 'health_head' : rng.weighted(PUBLIC_EMPLOYEE_JOBS);
    const s = slot(c, 'PE', StaffCategory.PUBLIC_EMPLOYEE, publicEmployeeRole(c, kind, rng), []);
    s.peKind = kind;
    slots.push(s);
  }
  for (let i = 0; i < c.contract; i++) {
    slots.push(slot(c, 'CONTRACT', StaffCategory.CONTRACT, { job: CONTRACT_JOBS[i % CONTRACT_JOBS.length], body: BODY.PC, titles: [] }, []));
  }
  return slots;
}

function publicEmployeeRole(c: UnitCtx, kind: PublicEmployeeKind, rng: Random): Role {
  const short = c.unit.shortName ?? c.unit.name;
  const school = (level: string) => `Trường ${level} ${short}${rng.chance(0.5) ? '' : ` ${rng.int(1, 3)}`}`;
  switch (kind) {
    case 'preschool':
      return { job: `Giáo viên, ${school('Mầm non')}`, body: null, titles: [] };
    case 'primary':
      return { job: `Giáo viên, ${school('Tiểu học')}`, body: null, titles: [] };
    case 'secondary':
      return { job: `Giáo viên, ${school('Trung học cơ sở')}`, body: null, titles: [] };
    case 'principal':
      return { job: `${rng.chance(0.4) ? 'Hiệu trưởng' : 'Phó Hiệu trưởng'}, ${school(rng.pick(['Mầm non', 'Tiểu học', 'Trung học cơ sở']))}`, body: null, titles: [] };
    case 'school_staff':
      return { job: `${rng.pick(['Nhân viên thư viện', 'Kế toán', 'Nhân viên thiết bị', 'Nhân viên y tế học đường'])}, ${school(rng.pick(['Tiểu học', 'Trung học cơ sở']))}`, body: null, titles: [] };
    case 'doctor':
      return { job: rng.chance(0.8) ? 'Bác sĩ' : 'Y sĩ', body: BODY.HEALTH, titles: [] };
    case 'nurse':
      return { job: 'Điều dưỡng', body: BODY.HEALTH, titles: [] };
    case 'midwife':
      return { job: 'Hộ sinh', body: BODY.HEALTH, titles: [] };
    case 'pharmacist':
      return { job: 'Dược sĩ', body: BODY.HEALTH, titles: [] };
    case 'health_head':
      return { job: 'Trưởng Trạm Y tế', body: BODY.HEALTH, titles: [] };
    case 'service':
      return { job: 'Viên chức Trung tâm Phục vụ hành chính công', body: BODY.SERVICE, titles: [] };
    default:
      return { job: rng.pick(['Viên chức Trung tâm Dịch vụ nông nghiệp', 'Viên chức văn hóa - thông tin', 'Viên chức Trung tâm Văn hóa - Thể thao', 'Viên chức quản lý chợ']), body: null, titles: [] };
  }
}

/** How likely a public employee of a kind is a woman, or holds less than a bachelor's degree (weights). */
const PE_WOMAN: Partial<Record<PublicEmployeeKind, number>> = { preschool: 12, primary: 2.2, secondary: 1.4, midwife: 30, nurse: 2.5, principal: 0.8, doctor: 0.7, other: 0.6 };
const PE_BELOW_BACHELOR: Partial<Record<PublicEmployeeKind, number>> = { preschool: 2.5, nurse: 4, midwife: 5, pharmacist: 3, school_staff: 3, other: 2, primary: 0.6, secondary: 0.15, doctor: 0.2, principal: 0.05, health_head: 0.1 };

/** Gives the cell's members their attributes: exactly the plan's number of each. */
function assignAttributes(members: Slot[], plan: CellPlan, rng: Random): void {
  const pe = (s: Slot, table: Partial<Record<PublicEmployeeKind, number>>) => (s.peKind ? (table[s.peKind] ?? 1) : 1);
  for (const s of rng.sample(members, plan.minority, (x) => x.unit.minorityShare + 0.002)) s.minority = true;
  for (const s of rng.sample(members, plan.women, (x) => pe(x, PE_WOMAN))) s.female = true;
  for (const s of rng.sample(members, plan.young)) s.young = true;
  const unrecorded = new Set(rng.sample(members, plan.unrecorded, (x) => (x.young ? 0.5 : 1.5)));
  const recorded = members.filter((s) => !unrecorded.has(s));
  const postgraduate = new Set(rng.sample(recorded, plan.postgraduate, (x) => (x.young ? 0.6 : 1.4) * (x.peKind === 'principal' || x.peKind === 'doctor' ? 4 : 1)));
  const doctorate = new Set(rng.sample([...postgraduate], plan.doctorate));
  const below = new Set(rng.sample(recorded.filter((s) => !postgraduate.has(s)), plan.belowBachelor, (x) => pe(x, PE_BELOW_BACHELOR)));
  const belowCollege = new Set(rng.sample([...below], plan.belowCollege));
  for (const s of recorded) {
    s.qualification = doctorate.has(s)
      ? QualificationLevel.DOCTORATE
      : postgraduate.has(s)
        ? QualificationLevel.MASTER
        : belowCollege.has(s)
          ? QualificationLevel.BELOW_COLLEGE
          : below.has(s)
            ? QualificationLevel.COLLEGE
            : QualificationLevel.BACHELOR;
  }
  const advanced = new Set(
    rng.sample(recorded, plan.advanced, (x) => (x.young ? 0.25 : 1.6) * (postgraduate.has(x) ? 1.6 : 1) * (below.has(x) ? 0.2 : 1) * (x.peKind === 'principal' ? 6 : 1)),
  );
  const theoryBachelor = new Set(rng.sample([...advanced], plan.theoryBachelor));
  const intermediate = new Set(rng.sample(recorded.filter((s) => !advanced.has(s)), plan.intermediate, (x) => (x.young ? 0.6 : 1.4) * (below.has(x) ? 0.4 : 1)));
  const elementary = new Set(rng.sample(recorded.filter((s) => !advanced.has(s) && !intermediate.has(s)), plan.elementary));
  for (const s of recorded) {
    s.theory = theoryBachelor.has(s)
      ? PoliticalTheoryLevel.BACHELOR
      : advanced.has(s)
        ? PoliticalTheoryLevel.ADVANCED
        : intermediate.has(s)
          ? PoliticalTheoryLevel.INTERMEDIATE
          : elementary.has(s)
            ? PoliticalTheoryLevel.ELEMENTARY
            : null;
  }
}

function contractAttributes(s: Slot, rng: Random): void {
  s.female = rng.chance(0.35);
  s.young = rng.chance(0.45);
  s.minority = rng.chance(s.unit.minorityShare * 0.5);
  s.qualification = rng.weighted([
    [QualificationLevel.BELOW_COLLEGE, 60],
    [QualificationLevel.COLLEGE, 15],
    [null, 25],
  ] as const) as QualificationLevel | null;
}

/**
 * The posts of the Women's Union are held by women: a man drawn for one changes gender with a woman of the same cell
 * holding the same titles and committee seats (the same unit and staff category first), so every count of the
 * plan stays exact.
 */
function womenInWomensUnion(members: Slot[]): void {
  const same = (a: Slot, b: Slot) => a.role.titles.join() === b.role.titles.join() && a.committees.join() === b.committees.join();
  for (const man of members.filter((s) => s.role.body === BODY.WOMEN && !s.female)) {
    const women = members.filter((w) => w.female && w.role.body !== BODY.WOMEN && same(w, man));
    const woman =
      women.find((w) => w.unit === man.unit && w.category === man.category) ?? women.find((w) => w.unit === man.unit) ?? women.find((w) => w.category === man.category) ?? women[0];
    if (!woman) throw new Error(`No woman to hold the Women's Union post of ${man.unit.unit.name}`);
    woman.female = false;
    man.female = true;
  }
}

/** Deterministic national IDs: province 089, century-and-gender digit, birth year, then a serial per (digit, year). */
class NationalIds {
  private readonly serials = new Map<string, number>();

  next(gender: Gender, birthDate: string): string {
    const year = Number(birthDate.slice(0, 4));
    const digit = (year >= 2000 ? 2 : 0) + (gender === Gender.FEMALE ? 1 : 0);
    const key = `${digit}${birthDate.slice(2, 4)}`;
    const serial = (this.serials.get(key) ?? 0) + 1;
    if (serial > 999_999) throw new Error('National ID serials exhausted: lower --scale');
    this.serials.set(key, serial);
    // spread the serials over the six digits the way issued numbers look (a fixed odd multiplier modulo 10^6)
    return `${PROVINCE_ID_CODE}${key}${String((serial * 7919 + Number(key) * 104729) % 1_000_000).padStart(6, '0')}`;
  }
}

const OLD_OCCUPATIONS = ['Làm ruộng', 'Làm ruộng', 'Buôn bán nhỏ', 'Nội trợ', 'Cán bộ hưu trí', 'Làm vườn'];
const PARENT_OCCUPATIONS = ['Làm ruộng', 'Buôn bán nhỏ', 'Nội trợ', 'Hưu trí', 'Làm vườn', 'Nuôi trồng thủy sản', 'Công nhân nghỉ hưu', 'Giáo viên nghỉ hưu'];
const SPOUSE_OCCUPATIONS = ['Giáo viên', 'Buôn bán', 'Nội trợ', 'Công chức', 'Viên chức', 'Nhân viên văn phòng', 'Làm ruộng', 'Công nhân', 'Điều dưỡng', 'Kinh doanh tự do', 'Nhân viên ngân hàng', 'Lao động tự do'];
const CHILD_OCCUPATIONS = ['Công nhân', 'Nhân viên văn phòng', 'Giáo viên', 'Kinh doanh tự do', 'Lao động tự do', 'Viên chức', 'Nhân viên ngân hàng'];
const HAMLETS = ['Mỹ Phú', 'Tân Lập', 'Hòa Bình', 'Phú Hòa', 'Long Hưng', 'An Thạnh', 'Bình Thành', 'Thạnh Lợi', 'Vĩnh Lộc', 'Phước Thọ', 'Tân Hiệp', 'Bình Hòa', 'Trung Bình', 'Đông Thạnh', 'Tây Hưng'];
const OTHER_PROVINCES = ['Xã Tân Hồng, tỉnh Đồng Tháp', 'Phường Ninh Kiều, thành phố Cần Thơ', 'Xã Trà Ôn, tỉnh Vĩnh Long', 'Xã Thới Bình, tỉnh Cà Mau', 'Xã Long Mỹ, thành phố Cần Thơ'];
const UNIVERSITIES = ['Trường Đại học An Giang', 'Trường Đại học Cần Thơ', 'Trường Đại học Kiên Giang', 'Học viện Hành chính và Quản trị công', 'Trường Đại học Luật Thành phố Hồ Chí Minh', 'Trường Đại học Kinh tế Thành phố Hồ Chí Minh', 'Trường Đại học Đồng Tháp'];
const CBCC_FIELDS = ['Luật', 'Hành chính công', 'Quản lý nhà nước', 'Kinh tế', 'Kế toán', 'Xây dựng Đảng và chính quyền nhà nước', 'Quản trị kinh doanh', 'Chính trị học', 'Nông học', 'Công tác xã hội'];
const POSTGRADUATE_FIELDS = ['Quản lý công', 'Luật Hiến pháp và Luật Hành chính', 'Quản lý kinh tế', 'Chính trị học', 'Kinh tế nông nghiệp', 'Quản lý giáo dục'];

/** Where an ethnic-minority person of a unit comes from: the unit's Khmer, Hoa and Chăm shares. */
function ethnicityOf(s: Slot, rng: Random): DemoEthnicity {
  if (!s.minority) return DemoEthnicity.KINH;
  const p = s.unit.profile;
  if (p.khmer + p.hoa + p.cham <= 0) return DemoEthnicity.KHMER;
  return rng.weighted([
    [DemoEthnicity.KHMER, p.khmer],
    [DemoEthnicity.HOA, p.hoa],
    [DemoEthnicity.CHAM, p.cham],
  ]);
}

/** Ages (years on the reference date) a role is drawn from, young or not. */
function ageRange(s: Slot): [number, number] {
  const retirement = s.female ? 56 : 60;
  const young = (min: number): [number, number] => [min, 41];
  const old = (min: number, max: number): [number, number] => [min, Math.min(max, retirement)];
  switch (s.cell) {
    case 'S_A':
    case 'S_B':
    case 'D1':
    case 'D2_A':
    case 'D2_B':
      return s.young ? young(36) : old(42, 58);
    case 'SO':
      return s.young ? young(32) : old(42, 59);
    case 'MO_youth':
      return s.young ? [27, 36] : old(42, 45);
    case 'MO_veterans':
      return s.young ? young(38) : old(50, 60);
    case 'MO_women':
    case 'MO_farmers':
    case 'EO':
      return s.young ? young(30) : old(42, 59);
    default:
      return s.young ? young(23) : old(42, 60);
  }
}

class PeopleBuilder {
  private readonly cutoff = youngBirthCutoff(DEMO_REFERENCE_DATE);

  constructor(
    readonly rng: Random,
    private readonly ids: NationalIds,
    private readonly out: DemoData,
    private readonly ctxs: UnitCtx[],
    private readonly agencies: DemoAgency[],
    private readonly agencyStaffCount: Map<string, number>,
    /** the first copy holds the titles and committee seats */
    private readonly seated: boolean,
  ) {}

  private birthDate(s: Slot): string {
    const [minAge, maxAge] = ageRange(s);
    // born between (asOf - maxAge - 1 year + 1 day) and (asOf - minAge years): the age on asOf is in [minAge, maxAge]
    let from = addDays(addYears(DEMO_REFERENCE_DATE, -(maxAge + 1)), 1);
    let to = addYears(DEMO_REFERENCE_DATE, -minAge);
    if (s.young && from <= this.cutoff) from = addDays(this.cutoff, 1);
    if (!s.young && to > this.cutoff) to = this.cutoff;
    return dateBetween(this.rng, from, to);
  }

  private place(c: UnitCtx): string {
    const prefix = c.unit.kind === UnitKind.WARD ? 'Khu phố' : c.unit.kind === UnitKind.SPECIAL_ZONE ? 'Khu phố' : 'Ấp';
    const hamlet = this.rng.chance(0.5) ? this.rng.pick(HAMLETS) : String(this.rng.int(1, 9));
    return `${prefix} ${hamlet}, ${c.unit.name}, tỉnh An Giang`;
  }

  /** One person of a slot: identity, career, records and entries. */
  person(s: Slot): void {
    const rng = this.rng;
    const r = this.out;
    const id = rng.uuid();
    const gender = s.female ? Gender.FEMALE : Gender.MALE;
    const ethnicity = ethnicityOf(s, rng);
    const name = demoName(rng, ethnicity, gender);
    const birthDate = this.birthDate(s);
    // local: born or living in the unit (a share of the secretaries come from elsewhere: the non-local policy)
    const local = rng.chance(s.cell === 'S_A' || s.cell === 'S_B' ? 0.45 : s.leader ? 0.75 : 0.86);
    const elsewhere = rng.chance(0.1) ? rng.pick(OTHER_PROVINCES) : `${rng.pick(this.ctxs.filter((c) => c !== s.unit)).unit.name}, tỉnh An Giang`;
    const home = local ? `${s.unit.unit.name}, tỉnh An Giang` : elsewhere;
    const residence = local ? this.place(s.unit) : `Ấp ${rng.pick(HAMLETS)}, ${elsewhere}`;
    // work since 21-26; people old enough started before the two-tier reorganisation
    let started = addDays(addYears(birthDate, rng.int(21, 25)), rng.int(0, 364));
    if (started >= TWO_TIER_START) started = s.young && rng.chance(0.3) ? dateBetween(rng, '2025-07-01', '2025-09-15') : dateBetween(rng, addYears(birthDate, 21) > '2024-01-01' ? addYears(birthDate, 21) : '2024-01-01', '2025-06-15');
    if (started < addYears(birthDate, 18)) started = addYears(birthDate, 18);
    const civilService = s.category === StaffCategory.CADRE || s.category === StaffCategory.CIVIL_SERVANT;
    const entered = civilService ? minDate(addDays(started, rng.int(0, 900)), started > TWO_TIER_START ? started : TWO_TIER_START) : null;
    const partyRate = s.category === StaffCategory.CADRE ? 1 : s.category === StaffCategory.CIVIL_SERVANT ? 0.75 : s.category === StaffCategory.PUBLIC_EMPLOYEE ? 0.3 : 0.05;
    let partyJoined: string | null = null;
    let partyConfirmed: string | null = null;
    if (rng.chance(partyRate)) {
      partyJoined = minDate(addDays(addYears(birthDate, rng.int(20, 32)), rng.int(0, 364)), '2025-06-30');
      partyConfirmed = addYears(partyJoined, 1);
      if (partyConfirmed > DEMO_REFERENCE_DATE) partyConfirmed = null;
    }
    const folded = foldForSearch(name.fullName).split(' ');
    r.people.push({
      id,
      fullName: name.fullName,
      otherNames: name.otherNames,
      gender,
      birthDate,
      birthPlace: home,
      hometown: home,
      permanentResidence: residence,
      currentResidence: local || rng.chance(0.5) ? residence : this.place(s.unit),
      nationalId: this.ids.next(gender, birthDate),
      ethnicityCode: ethnicity,
      religion: demoReligion(rng, ethnicity),
      healthStatus: rng.chance(0.9) ? 'Tốt' : 'Bình thường',
      phone: `0${rng.pick(['90', '91', '93', '94', '97', '98', '35', '36', '37', '38', '39', '76', '77', '78', '79', '81', '82', '83', '84', '85'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
      email: civilService && rng.chance(0.6) ? `${folded.slice(0, -1).map((w) => w[0]).join('')}${folded[folded.length - 1]}.${s.unit.unit.code.split('-').map((w) => w[0]).join('')}@angiang.gov.vn` : null,
      status: s.category === StaffCategory.PUBLIC_EMPLOYEE && s.female && rng.chance(0.006) ? PersonStatus.ON_LEAVE : PersonStatus.SERVING,
      startedWorkOn: started,
      enteredCivilServiceOn: entered,
      partyJoinedOn: partyJoined,
      partyConfirmedOn: partyConfirmed,
      partyCardNumber: partyJoined ? String(rng.int(10_000_000, 99_999_999)) : null,
      searchText: personSearchText(name.fullName, name.otherNames),
    });
    const current = started > TWO_TIER_START ? started : TWO_TIER_START;
    this.career(id, s, started, current);
    const theoryFrom = this.records(id, s, birthDate, started);
    this.entries(id, s, started, ethnicity, theoryFrom);
    this.family(id, s, birthDate, name.fullName, gender, ethnicity);
  }

  /** Earlier posts (the same unit before the reorganisation, sometimes a province agency), then the post in force. */
  private career(id: string, s: Slot, started: string, current: string): void {
    const rng = this.rng;
    const a = this.out.assignments;
    if (started < current) {
      const ladder = earlierJobs(s);
      const periods = Math.min(ladder.length, s.leader ? rng.int(2, 4) : 1 + rng.int(0, 1));
      const span = daysBetween(started, current);
      const cuts = [...new Set(Array.from({ length: periods - 1 }, () => rng.int(Math.floor(span * 0.2), Math.floor(span * 0.9))))].sort((x, y) => x - y);
      const bounds = [started, ...cuts.map((d) => addDays(started, d)), current].filter((d, i, all) => i === 0 || d > all[i - 1]);
      const jobs = ladder.slice(ladder.length - (bounds.length - 1));
      const rotated = s.leader && this.agencies.length && rng.chance(0.25) && bounds.length > 2;
      for (let i = 0; i < bounds.length - 1; i++) {
        const atAgency = rotated && i === bounds.length - 3;
        const job = atAgency ? 'Chuyên viên (luân chuyển)' : formerJob(jobs[i]);
        const previous = a[a.length - 1];
        // the same post as the period before (a post renamed to the one of the time): one period
        if (i > 0 && !atAgency && previous.personId === id && previous.jobPosition === job && previous.unitCode === s.unit.unit.code && previous.validTo === bounds[i]) {
          previous.validTo = bounds[i + 1];
          continue;
        }
        a.push({
          personId: id,
          unitCode: atAgency ? rng.pick(this.agencies).code : s.unit.unit.code,
          // the bodies of the unit date from the reorganisation: earlier posts are recorded without one
          body: atAgency ? 0 : bounds[i + 1] <= TWO_TIER_START ? null : s.role.body,
          staffCategory: atAgency ? StaffCategory.CIVIL_SERVANT : i === 0 && s.category === StaffCategory.CADRE && jobs[i].startsWith('Công chức') ? StaffCategory.CIVIL_SERVANT : s.category,
          jobPosition: job,
          validFrom: bounds[i],
          validTo: bounds[i + 1],
        });
      }
    }
    a.push({ personId: id, unitCode: s.unit.unit.code, body: s.role.body, staffCategory: s.category, jobPosition: s.role.job, validFrom: current, validTo: null });
  }

  /** The person records; returns the date the political theory level in force was reached. */
  private records(id: string, s: Slot, birthDate: string, started: string): string | null {
    const rng = this.rng;
    const rec = this.out.records;
    const push = (row: Omit<DemoRecordRow, 'personId' | 'unitCode' | 'titleCode' | 'committee' | 'term'> & Partial<DemoRecordRow>) =>
      rec.push({ personId: id, unitCode: null, titleCode: null, committee: null, term: null, ...row });
    const latest = '2025-06-30';
    let theoryFrom: string | null = null;
    // professional qualification: the bachelor's degree, then the master's or doctorate where held
    if (s.qualification) {
      const graduated = minDate(addDays(addYears(birthDate, rng.int(21, 23)), rng.int(150, 250)), addDays(started, 30) < latest ? addDays(started, 30) : latest);
      const field = this.fieldOfStudy(s);
      const institution = institutionIn(s.peKind ? this.peInstitution(s) : rng.pick(UNIVERSITIES), graduated);
      const level = s.qualification;
      if (level === QualificationLevel.MASTER || level === QualificationLevel.DOCTORATE) {
        const master = minDate(addYears(graduated, rng.int(3, 12)), latest);
        push({ kind: PersonRecordKind.QUALIFICATION, level: QualificationLevel.BACHELOR, value: { field, institution, year: Number(graduated.slice(0, 4)) }, validFrom: graduated, validTo: master > graduated ? master : addDays(graduated, 1) });
        const masterFrom = master > graduated ? master : addDays(graduated, 1);
        if (level === QualificationLevel.DOCTORATE) {
          const doctor = minDate(addYears(masterFrom, rng.int(3, 6)), latest);
          const doctorFrom = doctor > masterFrom ? doctor : addDays(masterFrom, 1);
          push({ kind: PersonRecordKind.QUALIFICATION, level: QualificationLevel.MASTER, value: { field: rng.pick(POSTGRADUATE_FIELDS), institution: 'Học viện Chính trị quốc gia Hồ Chí Minh', year: Number(masterFrom.slice(0, 4)) }, validFrom: masterFrom, validTo: doctorFrom });
          push({ kind: PersonRecordKind.QUALIFICATION, level, value: { field: rng.pick(POSTGRADUATE_FIELDS), institution: institutionIn('Học viện Hành chính và Quản trị công', doctorFrom), year: Number(doctorFrom.slice(0, 4)) }, validFrom: doctorFrom, validTo: null });
        } else {
          push({ kind: PersonRecordKind.QUALIFICATION, level, value: { field: rng.pick(POSTGRADUATE_FIELDS), institution: institutionIn(rng.pick(['Trường Đại học Cần Thơ', 'Học viện Hành chính và Quản trị công', 'Học viện Chính trị khu vực IV', 'Trường Đại học Luật Thành phố Hồ Chí Minh']), masterFrom), year: Number(masterFrom.slice(0, 4)) }, validFrom: masterFrom, validTo: null });
        }
      } else {
        push({ kind: PersonRecordKind.QUALIFICATION, level, value: { field, institution, year: Number(graduated.slice(0, 4)) }, validFrom: graduated, validTo: null });
      }
    }
    // political theory: the levels reached, one after the other
    if (s.theory) {
      const steps: PoliticalTheoryLevel[] =
        s.theory === PoliticalTheoryLevel.ELEMENTARY
          ? [PoliticalTheoryLevel.ELEMENTARY]
          : s.theory === PoliticalTheoryLevel.INTERMEDIATE
            ? [PoliticalTheoryLevel.INTERMEDIATE]
            : [PoliticalTheoryLevel.INTERMEDIATE, s.theory];
      let from = minDate(addDays(started, rng.int(365, 365 * 6)), '2024-06-30');
      theoryFrom = from;
      steps.forEach((level, i) => {
        const next = i + 1 < steps.length ? minDate(addDays(from, rng.int(365 * 3, 365 * 9)), latest) : null;
        const to = next && next > from ? next : next ? addDays(from, 1) : null;
        push({ kind: PersonRecordKind.POLITICAL_THEORY, level, value: { institution: theorySchool(rng, level, from), year: Number(from.slice(0, 4)) }, validFrom: from, validTo: to });
        if (to) from = to;
        theoryFrom = from;
      });
    }
    const civil = s.category === StaffCategory.CADRE || s.category === StaffCategory.CIVIL_SERVANT;
    if (civil && s.qualification && rng.chance(s.leader ? 0.95 : 0.5)) {
      const from = minDate(addYears(started, rng.int(2, 8)), latest);
      const senior = s.leader || s.qualification === QualificationLevel.MASTER;
      // the course for senior officers is the academies'; the one for officers, the provincial school's
      const institution = senior ? (from < '2025-07-01' ? rng.pick(['Học viện Hành chính Quốc gia', 'Học viện Chính trị khu vực IV']) : 'Học viện Chính trị khu vực IV') : provincialSchool(rng, from);
      push({ kind: PersonRecordKind.STATE_MANAGEMENT, level: senior ? 'Chuyên viên chính' : 'Chuyên viên', value: { institution, year: Number(from.slice(0, 4)) }, validFrom: from, validTo: null });
    }
    if (s.qualification && rng.chance(0.55)) {
      // certificates of the time: Tin học A/B before the IT skills standard (2014, first certificates 2016)
      let from = minDate(addYears(started, 1), latest);
      if (from < '1998-01-01') from = dateBetween(rng, '1998-01-01', '2012-12-31');
      const level =
        from < '2016-01-01'
          ? rng.weighted([
              ['Tin học văn phòng trình độ A', 55],
              ['Tin học văn phòng trình độ B', 40],
              ['Tin học trình độ C', 5],
            ] as const)
          : rng.chance(0.8)
            ? 'Ứng dụng công nghệ thông tin cơ bản'
            : 'Ứng dụng công nghệ thông tin nâng cao';
      push({ kind: PersonRecordKind.IT, level, value: { institution: 'Trường Đại học An Giang', year: Number(from.slice(0, 4)) }, validFrom: from, validTo: null });
    }
    if (s.qualification && rng.chance(0.35)) {
      // levels A/B/C before the six-level framework (2014), the framework's levels after
      let from = minDate(addYears(started, 2), latest);
      if (from < '1996-01-01') from = dateBetween(rng, '1996-01-01', '2012-12-31');
      const level = from < '2015-01-01' ? rng.pick(['Trình độ A', 'Trình độ B', 'Trình độ B', 'Trình độ C']) : rng.pick(['Bậc 2 (A2)', 'Bậc 3 (B1)', 'Bậc 3 (B1)', 'Bậc 4 (B2)']);
      push({ kind: PersonRecordKind.FOREIGN_LANGUAGE, level, value: { language: 'Tiếng Anh', institution: 'Trường Đại học Cần Thơ', year: Number(from.slice(0, 4)) }, validFrom: from, validTo: null });
    }
    if (s.category !== StaffCategory.CONTRACT) {
      for (const r of rankHistory(rng, s, started)) push({ kind: PersonRecordKind.CIVIL_SERVICE_RANK, level: r.grade.code, value: { rankName: r.grade.name, salaryStep: r.step }, validFrom: r.from, validTo: r.to });
    }
    if (!this.seated) return theoryFrom;
    const unitCode = s.unit.unit.code;
    for (const titleCode of s.role.titles) {
      push({ kind: PersonRecordKind.TITLE, unitCode, titleCode, level: null, value: {}, validFrom: TWO_TIER_START, validTo: null });
    }
    for (const committee of s.committees) {
      push({ kind: PersonRecordKind.COMMITTEE, unitCode, committee, term: TERM, level: null, value: {}, validFrom: s.unit.congress, validTo: null });
      // many were on the committee of the previous term (before the reorganisation)
      if (started < '2020-06-01' && rng.chance(committee === CommitteeKind.STANDING ? 0.6 : 0.5)) {
        push({ kind: PersonRecordKind.COMMITTEE, unitCode, committee, term: PREVIOUS_TERM, level: null, value: {}, validFrom: dateBetween(rng, '2020-06-15', '2020-08-31'), validTo: TWO_TIER_START });
      }
    }
    return theoryFrom;
  }

  private entries(id: string, s: Slot, started: string, ethnicity: DemoEthnicity, theoryFrom: string | null): void {
    const rng = this.rng;
    const e = this.out.entries;
    const push = (row: Omit<DemoEntryRow, 'personId'>) => e.push({ personId: id, ...row });
    for (const year of [2022, 2023, 2024]) {
      if (started >= `${year}-07-01`) continue;
      const rating = rng.weighted([
        [AnnualRating.EXCELLENT, s.leader ? 22 : 14],
        [AnnualRating.GOOD, 72],
        [AnnualRating.COMPLETE, 12],
        [AnnualRating.INCOMPLETE, s.leader ? 0.3 : 1.8],
      ] as const);
      push({ kind: PersonEntryKind.RATING, dateFrom: null, dateTo: null, year, value: { rating } });
    }
    if (s.category !== StaffCategory.CONTRACT && rng.chance(0.62)) {
      const from = dateBetween(rng, started > '2024-03-01' ? minDate(started, '2025-09-20') : '2024-03-01', '2025-09-20');
      push({ kind: PersonEntryKind.TRAINING, dateFrom: from, dateTo: addDays(from, rng.int(2, 9)), year: null, value: { course: 'Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức', trainingKind: TrainingKind.DIGITAL_SKILLS, certificate: 'Giấy chứng nhận' } });
    }
    if (s.theory === PoliticalTheoryLevel.ADVANCED || s.theory === PoliticalTheoryLevel.INTERMEDIATE) {
      const advanced = s.theory === PoliticalTheoryLevel.ADVANCED;
      if (theoryFrom) {
        const to = addDays(theoryFrom, -rng.int(10, 40));
        push({ kind: PersonEntryKind.TRAINING, dateFrom: addDays(to, -rng.int(advanced ? 240 : 300, advanced ? 300 : 420)), dateTo: to, year: null, value: { course: advanced ? 'Cao cấp lý luận chính trị' : 'Trung cấp lý luận chính trị - hành chính', trainingKind: TrainingKind.POLITICAL_THEORY, certificate: 'Bằng tốt nghiệp' } });
      }
    }
    if (s.leader && rng.chance(0.7)) {
      const from = dateBetween(rng, '2023-03-01', '2025-08-31');
      push({ kind: PersonEntryKind.TRAINING, dateFrom: from, dateTo: addDays(from, rng.int(5, 20)), year: null, value: { course: 'Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3', trainingKind: TrainingKind.MANAGEMENT, certificate: 'Giấy chứng nhận' } });
    }
    if (ethnicity === DemoEthnicity.KINH && s.unit.profile.khmer > 0.2 && s.category !== StaffCategory.CONTRACT && rng.chance(0.2)) {
      const from = dateBetween(rng, '2021-03-01', '2025-06-30');
      push({ kind: PersonEntryKind.TRAINING, dateFrom: from, dateTo: addDays(from, rng.int(30, 90)), year: null, value: { course: 'Tiếng Khmer cho cán bộ, công chức, viên chức công tác ở vùng đồng bào dân tộc thiểu số', trainingKind: TrainingKind.ETHNIC_LANGUAGE, certificate: 'Chứng chỉ' } });
    }
    // commendations at the year-end reviews: certificates of merit of the district (of the commune since 2025), now and
    // then one of the provincial People's Committee; the standing committees more often
    if (s.category !== StaffCategory.CONTRACT) {
      const district = s.unit.ward ? 'thành phố' : 'huyện';
      const first = Math.max(Number(started.slice(0, 4)) + 1, 2008);
      for (let year = first; year <= 2024; year++) {
        if (!rng.chance(s.leader ? 0.15 : 0.03)) continue;
        const date = `${year + 1}-01-${String(rng.int(8, 28)).padStart(2, '0')}`;
        const [measure, suffix] = rng.weighted([
          [[`Giấy khen của Chủ tịch Ủy ban nhân dân ${district}`, 'QĐ-UBND'], 70],
          [['Danh hiệu Chiến sĩ thi đua cơ sở', 'QĐ-UBND'], s.leader ? 12 : 8],
          [['Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'QĐ-UBND'], s.leader ? 18 : 6],
        ] as const);
        push({ kind: PersonEntryKind.COMMENDATION, dateFrom: date, dateTo: null, year: null, value: { measure, decision: `Quyết định số ${rng.int(100, 4999)}/${suffix}` } });
      }
    }
    // disciplinary measures are rare
    if (s.category !== StaffCategory.CONTRACT && started < '2023-01-01' && rng.chance(0.005)) {
      const measure = rng.weighted([
        ['Khiển trách', 72],
        ['Cảnh cáo', 24],
        [s.category === StaffCategory.CADRE ? 'Cách chức' : 'Hạ bậc lương', 4],
      ] as const);
      push({ kind: PersonEntryKind.DISCIPLINE, dateFrom: dateBetween(rng, started > '2018-01-01' ? started : '2018-01-01', '2025-06-30'), dateTo: null, year: null, value: { measure, decision: `Quyết định số ${rng.int(10, 999)}/QĐ-UBND` } });
    }
  }

  /**
   * Family relations as form 2C lists them. Cadres and civil servants: parents, spouse, children and the spouse's
   * parents; the others (the volume of the demo stays reasonable): spouse and children, the parents of the unmarried.
   */
  private family(id: string, s: Slot, birthDate: string, fullName: string, gender: Gender, ethnicity: DemoEthnicity): void {
    const rng = this.rng;
    const push = (relation: FamilyRelation, relativeName: string, year: number, occupation: string, residence: string | null, text: string | null = null) =>
      this.out.entries.push({
        personId: id,
        kind: PersonEntryKind.FAMILY,
        dateFrom: null,
        dateTo: null,
        year,
        value: { relation, relativeName, occupation, ...(residence ? { residence } : {}), ...(text ? { text } : {}) },
      });
    const now = Number(DEMO_REFERENCE_DATE.slice(0, 4));
    const born = Number(birthDate.slice(0, 4));
    const age = now - born;
    const male = gender === Gender.MALE;
    const own = familyNameOf(fullName, ethnicity);
    const home = `${s.unit.unit.name}, tỉnh An Giang`;
    const elder = (year: number) => (year < 1960 ? rng.pick(OLD_OCCUPATIONS) : rng.pick(PARENT_OCCUPATIONS));
    const parents = (fatherFamily: string | null, childBorn: number, relations: [FamilyRelation, FamilyRelation]) => {
      const fatherBorn = childBorn - rng.int(23, 36);
      const motherBorn = childBorn - rng.int(19, 32);
      for (const [relation, year, g, family] of [
        [relations[0], fatherBorn, Gender.MALE, fatherFamily],
        [relations[1], motherBorn, Gender.FEMALE, null],
      ] as const) {
        const diedFrom = Math.max(childBorn + 1, year + 45);
        const deceased = diedFrom < now && rng.chance(Math.min(0.95, Math.max(0.03, (now - year - 55) / 35)));
        const died = deceased ? rng.int(diedFrom, now - 1) : 0;
        push(relation, demoRelativeName(rng, ethnicity, g, family), year, elder(year), deceased ? null : `Ấp ${rng.pick(HAMLETS)}, ${home}`, deceased ? `Đã mất năm ${died}` : null);
      }
    };
    const cbcc = s.category === StaffCategory.CADRE || s.category === StaffCategory.CIVIL_SERVANT;
    const married = rng.chance(age < 25 ? 0.1 : age < 30 ? 0.55 : 0.9);
    if (cbcc || !married) parents(own, born, [FamilyRelation.FATHER, FamilyRelation.MOTHER]);
    if (!married) return;
    const spouseBorn = Math.min(now - 20, male ? born + rng.int(0, 6) : born - rng.int(0, 6));
    const spouseName = demoRelativeName(rng, ethnicity, male ? Gender.FEMALE : Gender.MALE, null);
    push(FamilyRelation.SPOUSE, spouseName, spouseBorn, rng.pick(SPOUSE_OCCUPATIONS), s.category === StaffCategory.CONTRACT || rng.chance(0.9) ? `Cùng địa chỉ thường trú` : `Ấp ${rng.pick(HAMLETS)}, ${home}`);
    const mother = male ? spouseBorn : born;
    const children = rng.weighted([
      [0, 8],
      [1, 30],
      [2, 46],
      [3, 16],
    ] as const);
    const childFamily = male ? own : familyNameOf(spouseName, ethnicity);
    let year = Math.max(mother + 21, Math.max(born, spouseBorn) + 22) + rng.int(0, 4);
    for (let i = 0; i < children && year <= now; i++) {
      const childAge = now - year;
      const occupation = childAge < 6 ? 'Còn nhỏ' : childAge < 18 ? 'Học sinh' : childAge < 22 ? 'Sinh viên' : rng.pick(CHILD_OCCUPATIONS);
      push(FamilyRelation.CHILD, demoRelativeName(rng, ethnicity, rng.chance(0.5) ? Gender.MALE : Gender.FEMALE, childFamily), year, occupation, null);
      year += rng.int(2, 6);
    }
    if (cbcc) parents(familyNameOf(spouseName, ethnicity), spouseBorn, [FamilyRelation.SPOUSE_FATHER, FamilyRelation.SPOUSE_MOTHER]);
  }

  private fieldOfStudy(s: Slot): string {
    if (s.role.field) return FIELD_OF_STUDY[s.role.field];
    switch (s.peKind) {
      case 'preschool':
        return 'Giáo dục Mầm non';
      case 'primary':
        return 'Giáo dục Tiểu học';
      case 'secondary':
      case 'principal':
        return this.rng.pick(['Sư phạm Toán học', 'Sư phạm Ngữ văn', 'Sư phạm Tiếng Anh', 'Sư phạm Vật lý', 'Sư phạm Lịch sử', 'Sư phạm Sinh học']);
      case 'doctor':
      case 'health_head':
        return 'Y khoa';
      case 'nurse':
        return 'Điều dưỡng';
      case 'midwife':
        return 'Hộ sinh';
      case 'pharmacist':
        return 'Dược học';
      case 'school_staff':
        return this.rng.pick(['Kế toán', 'Khoa học thư viện', 'Điều dưỡng']);
      case 'service':
      case 'other':
        return this.rng.pick(['Hành chính công', 'Công nghệ thông tin', 'Nông học', 'Văn hóa học']);
      default:
        return this.rng.pick(CBCC_FIELDS);
    }
  }

  private peInstitution(s: Slot): string {
    if (s.peKind === 'doctor' || s.peKind === 'health_head' || s.peKind === 'pharmacist') return 'Trường Đại học Y Dược Cần Thơ';
    if (s.peKind === 'nurse' || s.peKind === 'midwife') return this.rng.pick(['Trường Cao đẳng Y tế Kiên Giang', 'Trường Cao đẳng Y tế An Giang']);
    return this.rng.pick(['Trường Đại học An Giang', 'Trường Đại học Đồng Tháp', 'Trường Đại học Kiên Giang', 'Trường Đại học Cần Thơ']);
  }

  /** Staff of the province agencies (outside the commune-level figures); some were rotated from a commune. */
  agencyStaff(): void {
    const rng = this.rng;
    for (const agency of this.agencies) {
      const n = this.agencyStaffCount.get(agency.code) ?? 0;
      const host: UnitCtx = this.ctxs[0];
      for (let i = 0; i < n; i++) {
        const head = i === 0;
        const s = slot(host, 'CO', StaffCategory.CIVIL_SERVANT, { job: head ? 'Phó Thủ trưởng cơ quan' : i < 4 ? 'Trưởng phòng' : i < 8 ? 'Phó Trưởng phòng' : rng.chance(0.3) ? 'Chuyên viên chính' : 'Chuyên viên', body: 0, titles: [] }, [], i < 8);
        s.female = rng.chance(0.45);
        s.young = rng.chance(i < 8 ? 0.1 : 0.45);
        s.minority = rng.chance(0.03);
        s.qualification = rng.chance(i < 8 ? 0.45 : 0.15) ? QualificationLevel.MASTER : QualificationLevel.BACHELOR;
        s.theory = i < 8 ? PoliticalTheoryLevel.ADVANCED : rng.chance(0.5) ? PoliticalTheoryLevel.INTERMEDIATE : null;
        // the unit fields a person of the agency carries: a home commune for the address, the agency for the posts
        s.unit = rng.pick(this.ctxs);
        const before = this.out.assignments.length;
        this.person(s);
        // move the posts from the commune to the agency (the last one, and all but a rotation period)
        const rows = this.out.assignments.slice(before);
        rows.forEach((a, j) => {
          const rotation = j === rows.length - 2 && rows.length > 2 && rng.chance(0.3);
          if (!rotation) {
            a.unitCode = agency.code;
            a.body = 0;
            a.jobPosition = j === rows.length - 1 ? s.role.job : 'Chuyên viên';
          } else {
            a.jobPosition = 'Phó Chủ tịch Ủy ban nhân dân (luân chuyển)';
          }
        });
      }
    }
  }
}

function earlierJobs(s: Slot): string[] {
  switch (s.cell) {
    case 'S_A':
    case 'S_B':
      return ['Công chức Văn phòng - Thống kê', 'Phó Chủ tịch Ủy ban nhân dân', 'Chủ tịch Ủy ban nhân dân', 'Bí thư Đảng ủy (trước sắp xếp)'];
    case 'D1':
      return ['Công chức Tài chính - Kế toán', 'Phó Chủ tịch Ủy ban nhân dân', 'Chủ tịch Ủy ban nhân dân (trước sắp xếp)'];
    case 'D2_A':
    case 'D2_B':
      return ['Công chức Văn phòng - Thống kê', 'Phó Bí thư Đảng ủy', 'Phó Bí thư Thường trực Đảng ủy (trước sắp xếp)'];
    case 'SO':
      return ['Công chức Văn hóa - Xã hội', 'Phó Chủ tịch Ủy ban nhân dân', `${s.role.job} (trước sắp xếp)`];
    case 'MO_youth':
    case 'MO_women':
    case 'MO_farmers':
    case 'MO_veterans':
      return [`Phó ${s.role.job}`, `${s.role.job} (trước sắp xếp)`];
    case 'EO':
      return ['Công chức Văn phòng - Thống kê', `${s.role.job} (trước sắp xếp)`];
    case 'CO':
      return s.category === StaffCategory.CADRE
        ? [`${s.role.job} (trước sắp xếp)`]
        : [s.role.field ? 'Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường' : 'Công chức Văn phòng - Thống kê', `${s.role.job} (trước sắp xếp)`];
    case 'PE':
      return [`${s.role.job} (trước sắp xếp)`];
    default:
      return ['Nhân viên hợp đồng'];
  }
}

/** An institution under its name of the time (the academy of public administration renamed in 2025, the university of Kiên Giang founded in 2014). */
function institutionIn(name: string, on: string): string {
  if (name === 'Học viện Hành chính và Quản trị công' && on < TWO_TIER_START) return 'Học viện Hành chính Quốc gia';
  if (name === 'Trường Đại học Kiên Giang' && on < '2014-09-01') return 'Trường Đại học Cần Thơ';
  if (name === 'Học viện Chính trị khu vực IV' && on < '2008-01-01') return 'Học viện Chính trị quốc gia Hồ Chí Minh';
  return name;
}

/** The provincial political school of the time (Kiên Giang's until the provinces merged on 2025-07-01). */
function provincialSchool(rng: Random, on: string): string {
  return on < TWO_TIER_START && rng.chance(0.3) ? 'Trường Chính trị tỉnh Kiên Giang' : 'Trường Chính trị tỉnh An Giang';
}

/** Who teaches a level of political theory: elementary the district centres, intermediate the provincial school,
 * advanced and the political-science bachelor the national academy or its regional academy. */
function theorySchool(rng: Random, level: PoliticalTheoryLevel, on: string): string {
  switch (level) {
    case PoliticalTheoryLevel.ELEMENTARY:
      return on < TWO_TIER_START ? 'Trung tâm Chính trị cấp huyện' : 'Trường Chính trị tỉnh An Giang';
    case PoliticalTheoryLevel.INTERMEDIATE:
      return provincialSchool(rng, on);
    default:
      return on >= '2008-01-01' && rng.chance(0.8) ? 'Học viện Chính trị khu vực IV' : 'Học viện Chính trị quốc gia Hồ Chí Minh';
  }
}

interface Grade {
  code: string;
  name: string;
  steps: number;
  /** years between salary steps */
  interval: number;
}
const grade = (code: string, name: string, steps: number, interval = 3): Grade => ({ code, name, steps, interval });
/** Civil-service ranks (ngạch) of the general administration. */
const RANKS = {
  senior: grade('01.002', 'Chuyên viên chính', 8),
  main: grade('01.003', 'Chuyên viên', 9),
  junior: grade('01.004', 'Cán sự', 10),
};
/** Professional grades (chức danh nghề nghiệp, hạng) of public employees: lowest first. */
const PE_GRADES: Record<string, Grade[]> = {
  preschool: [grade('V.07.02.26', 'Giáo viên mầm non hạng III', 10), grade('V.07.02.25', 'Giáo viên mầm non hạng II', 9), grade('V.07.02.24', 'Giáo viên mầm non hạng I', 8)],
  primary: [grade('V.07.03.29', 'Giáo viên tiểu học hạng III', 9), grade('V.07.03.28', 'Giáo viên tiểu học hạng II', 8), grade('V.07.03.27', 'Giáo viên tiểu học hạng I', 8)],
  secondary: [grade('V.07.04.32', 'Giáo viên trung học cơ sở hạng III', 9), grade('V.07.04.31', 'Giáo viên trung học cơ sở hạng II', 8), grade('V.07.04.30', 'Giáo viên trung học cơ sở hạng I', 8)],
  doctor: [grade('V.08.03.07', 'Y sĩ hạng IV', 10), grade('V.08.01.03', 'Bác sĩ hạng III', 9), grade('V.08.01.02', 'Bác sĩ chính hạng II', 8)],
  nurse: [grade('V.08.05.13', 'Điều dưỡng hạng IV', 10), grade('V.08.05.12', 'Điều dưỡng hạng III', 9)],
  midwife: [grade('V.08.06.16', 'Hộ sinh hạng IV', 10), grade('V.08.06.15', 'Hộ sinh hạng III', 9)],
  pharmacist: [grade('V.08.08.23', 'Dược hạng IV', 10), grade('V.08.08.22', 'Dược sĩ hạng III', 9)],
  accountant: [grade('06.032', 'Kế toán viên trung cấp', 10), grade('06.031', 'Kế toán viên', 9)],
  library: [grade('V.10.02.08', 'Thư viện viên hạng IV', 10), grade('V.10.02.07', 'Thư viện viên hạng III', 9)],
};
/** The teachers' grades before the 2021 standards (Circulars 01-03/2021, in force 2021-03-20), by the new code. */
const TEACHER_CODES_BEFORE_2021: Record<string, Grade> = {
  'V.07.02.26': grade('V.07.02.06', 'Giáo viên mầm non hạng IV', 12, 2),
  'V.07.02.25': grade('V.07.02.05', 'Giáo viên mầm non hạng III', 10),
  'V.07.02.24': grade('V.07.02.04', 'Giáo viên mầm non hạng II', 9),
  'V.07.03.29': grade('V.07.03.08', 'Giáo viên tiểu học hạng III', 10),
  'V.07.03.28': grade('V.07.03.07', 'Giáo viên tiểu học hạng II', 9),
  'V.07.03.27': grade('V.07.03.07', 'Giáo viên tiểu học hạng II', 9),
  'V.07.04.32': grade('V.07.04.12', 'Giáo viên trung học cơ sở hạng III', 9),
  'V.07.04.31': grade('V.07.04.11', 'Giáo viên trung học cơ sở hạng II', 8),
  'V.07.04.30': grade('V.07.04.10', 'Giáo viên trung học cơ sở hạng I', 8),
};
const TEACHER_STANDARDS = '2021-03-20';

/** The grade a person entered with and the one held now (rank for cadres and civil servants, hạng for public employees). */
function grades(rng: Random, s: Slot, started: string): [Grade, Grade] {
  const q = s.qualification;
  const postgraduate = q === QualificationLevel.MASTER || q === QualificationLevel.DOCTORATE;
  const below = q === QualificationLevel.COLLEGE || q === QualificationLevel.BELOW_COLLEGE;
  const years = daysBetween(started, DEMO_REFERENCE_DATE) / 365.25;
  if (s.category !== StaffCategory.PUBLIC_EMPLOYEE) {
    if (below) return [RANKS.junior, RANKS.junior];
    const senior = years >= 9 && ((postgraduate && rng.chance(s.leader ? 0.7 : 0.5)) || (s.leader && rng.chance(0.35)));
    return [RANKS.main, senior ? RANKS.senior : RANKS.main];
  }
  let kind: string = s.peKind ?? 'other';
  if (kind === 'principal') kind = s.role.job.includes('Mầm non') ? 'preschool' : s.role.job.includes('Tiểu học') ? 'primary' : 'secondary';
  if (kind === 'health_head') kind = 'doctor';
  if (kind === 'school_staff') kind = s.role.job.startsWith('Kế toán') ? 'accountant' : s.role.job.startsWith('Nhân viên thư viện') ? 'library' : 'other';
  const list = PE_GRADES[kind];
  if (!list) return below ? [RANKS.junior, RANKS.junior] : [RANKS.main, RANKS.main];
  const teacher = list.length === 3 && kind !== 'doctor';
  if (kind === 'doctor') {
    if (s.role.job === 'Y sĩ' || below) return [list[0], list[0]];
    return [list[1], years >= 9 && rng.chance(s.peKind === 'health_head' ? 0.6 : 0.3) ? list[2] : list[1]];
  }
  if (!teacher) return below ? [list[0], list[0]] : [list[0], list[1]];
  if (below) return [list[0], list[0]];
  const head = s.peKind === 'principal';
  const top = postgraduate && years >= 15 && rng.chance(head ? 0.5 : 0.25);
  const mid = years >= 9 && rng.chance(head ? 0.9 : 0.65);
  return [list[0], top ? list[2] : mid || top ? list[1] : list[0]];
}

interface RankRow {
  grade: Grade;
  step: number;
  from: string;
  to: string | null;
}

/**
 * The rank (or hạng) and salary step history: the grade entered after probation and its regular raises, then the
 * grade reached on promotion; teachers' grades before 2021 under the codes of the time. Only the latest rows are kept.
 */
function rankHistory(rng: Random, s: Slot, started: string): RankRow[] {
  const latest = '2025-06-30';
  const [first, now] = grades(rng, s, started);
  const entry = started >= latest ? started : minDate(addDays(started, rng.int(0, 365)), latest);
  let promoted = first === now ? null : minDate(addYears(entry, rng.int(6, 12)), latest);
  if (promoted && promoted <= addDays(entry, 400)) promoted = null;
  const periods: { grade: Grade; from: string; to: string | null; step: number }[] = promoted
    ? [
        { grade: first, from: entry, to: promoted, step: 1 },
        { grade: now, from: promoted, to: null, step: 0 },
      ]
    : [{ grade: now, from: entry, to: null, step: 1 }];
  const rows: RankRow[] = [];
  let carried = 1;
  for (const p of periods) {
    let step = p.step || Math.max(1, carried - 2);
    let from = p.from;
    const end = p.to ?? DEMO_REFERENCE_DATE;
    for (;;) {
      const raise = addYears(from, p.grade.interval);
      const last = step >= p.grade.steps || raise >= end;
      rows.push({ grade: p.grade, step, from, to: last ? p.to : raise });
      if (last) break;
      from = raise;
      step++;
    }
    carried = step;
  }
  // teachers: the grades of before the 2021 standards, converted on their first day
  const history = !TEACHER_CODES_BEFORE_2021[now.code]
    ? rows
    : rows.flatMap((r) => {
        const old = TEACHER_CODES_BEFORE_2021[r.grade.code];
        if (!old || r.from >= TEACHER_STANDARDS) return [r];
        if (r.to !== null && r.to <= TEACHER_STANDARDS) return [{ ...r, grade: old }];
        return [
          { ...r, grade: old, to: TEACHER_STANDARDS },
          { ...r, from: TEACHER_STANDARDS },
        ];
      });
  // the recent part of the history (the volume of the demo stays reasonable): the latest raises of cadres and civil
  // servants, the grade and step in force of public employees
  return history.slice(s.category === StaffCategory.PUBLIC_EMPLOYEE ? -1 : -3);
}

/**
 * The commune civil-servant posts of before the reorganisation that a post created by it continues (the commune-level
 * departments, the party's boards and the specialists date from 2025-07-01).
 */
const FORMER_POSTS: [RegExp, string][] = [
  [/Văn phòng HĐND và UBND|Văn thư|Trung tâm Phục vụ hành chính công|chuyển đổi số|công nghệ thông tin|Hội đồng nhân dân$/, 'Công chức Văn phòng - Thống kê'],
  [/Phòng Kinh tế|phòng Kinh tế|đất đai|quy hoạch|xây dựng$|môi trường|nông nghiệp/, 'Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường'],
  [/tài chính|Kế toán|đầu tư công/, 'Công chức Tài chính - Kế toán'],
  [/tư pháp/, 'Công chức Tư pháp - Hộ tịch'],
  [/Văn hóa - Xã hội|văn hóa - xã hội|lao động/, 'Công chức Văn hóa - Xã hội'],
  [/Ban Xây dựng Đảng|Văn phòng Đảng ủy/, 'Cán bộ Văn phòng Đảng ủy'],
];

/** A post before the reorganisation under the names of the time (the one-stop shop before the service centres). */
function formerJob(job: string): string {
  const suffix = ' (trước sắp xếp)';
  if (job.endsWith(suffix)) {
    const post = job.slice(0, -suffix.length);
    const former = FORMER_POSTS.find(([pattern]) => pattern.test(post));
    if (former) return former[1];
  }
  return job
    .replace('Phó Giám đốc Trung tâm Phục vụ hành chính công', 'Công chức Bộ phận Một cửa')
    .replace('Giám đốc Trung tâm Phục vụ hành chính công', 'Công chức Văn phòng - Thống kê, phụ trách Bộ phận Một cửa')
    .replace('Trung tâm Phục vụ hành chính công', 'Bộ phận Tiếp nhận và Trả kết quả');
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
