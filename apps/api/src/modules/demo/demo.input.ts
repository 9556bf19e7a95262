import { AgencyBranch, COMMUNE_LEVEL_KINDS, MetricFacts, MetricPersonFacts, normalizeText, UnitKind } from '@canbo/shared';
import { DEFAULT_PROVINCE, slug } from '../../seed/seed';
import { TITLE_SEEDS } from '../../seed/titles';
import profileFile from '../../seed/data/an-giang-demo-profile.json';
import { DemoData, DemoInput, DemoProfile } from './demo.generator';

const KINDS: Record<string, UnitKind> = { commune: UnitKind.COMMUNE, ward: UnitKind.WARD, special_zone: UnitKind.SPECIAL_ZONE };
const BRANCHES: Record<string, AgencyBranch> = { party: AgencyBranch.PARTY, state: AgencyBranch.STATE, front: AgencyBranch.FRONT };

/** The demo's input from the registry seed (units and agencies, coded as the seed codes them) and the profile. */
export function defaultDemoInput(): DemoInput {
  return {
    units: DEFAULT_PROVINCE.units.map((u) => ({ code: slug(normalizeText(u.name)), name: normalizeText(u.name), shortName: normalizeText(u.shortName), kind: KINDS[u.kind] })),
    agencies: DEFAULT_PROVINCE.agencies.map((a) => ({ code: slug(normalizeText(a.name)), name: normalizeText(a.name), branch: BRANCHES[a.branch] })),
    profile: profileFile as DemoProfile,
  };
}

/**
 * What the shared metric definitions look at, from generated rows, on a date: the in-memory counterpart of the
 * database (units by code). Used by the tests to check the generator without a database.
 */
export function demoMetricFacts(data: DemoData, input: DemoInput, asOf: string): MetricFacts {
  const inForce = (r: { validFrom: string; validTo: string | null }) => r.validFrom <= asOf && (r.validTo === null || r.validTo > asOf);
  const people = new Map<string, MetricPersonFacts>();
  for (const p of data.people) {
    people.set(p.id, { gender: p.gender, birthDate: p.birthDate, ethnicityCode: p.ethnicityCode, qualification: null, politicalTheory: null });
  }
  for (const r of data.records) {
    if (!inForce(r)) continue;
    if (r.kind === 'QUALIFICATION') people.get(r.personId)!.qualification = r.level;
    if (r.kind === 'POLITICAL_THEORY') people.get(r.personId)!.politicalTheory = r.level;
  }
  return {
    asOf,
    units: [
      ...input.units.map((u) => ({ id: u.code, kind: u.kind })),
      ...input.agencies.map((a) => ({ id: a.code, kind: UnitKind.PROVINCE_AGENCY })),
    ].filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind) || u.kind === UnitKind.PROVINCE_AGENCY),
    people,
    assignments: data.assignments.filter(inForce).map((a) => ({ personId: a.personId, unitId: a.unitCode, staffCategory: a.staffCategory })),
    committeeSeats: data.records
      .filter((r) => r.kind === 'COMMITTEE' && inForce(r))
      .map((r) => ({ personId: r.personId, unitId: r.unitCode!, committee: r.committee! })),
    titleSeats: data.records.filter((r) => r.kind === 'TITLE' && inForce(r)).map((r) => ({ personId: r.personId, unitId: r.unitCode!, titleCode: r.titleCode! })),
    establishment: data.establishment.map((e) => ({
      unitId: e.unitCode,
      itemKind: e.itemKind,
      staffCategory: e.staffCategory,
      committee: e.committee,
      titleCode: e.titleCode,
      value: e.value,
    })),
    titleClasses: new Map(TITLE_SEEDS.map((t) => [t.code, t.equivalenceClass])),
  };
}
