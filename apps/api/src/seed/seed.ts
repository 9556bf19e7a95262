import {
  AgencyBranch,
  BodyKind,
  COMMUNE_LEVEL_KINDS,
  CommitteeKind,
  DEFAULT_COMMUNE_ESTABLISHMENT,
  EstablishmentItemKind,
  foldForSearch,
  normalizeText,
  ProfessionalField,
  RecordKind,
  RULE_DEFAULTS,
  StaffCategory,
  UnitKind,
} from '@canbo/shared';
import { DataSource, EntityManager } from 'typeorm';
import { BodyEntity } from '../modules/unit/body.entity';
import { UnitEntity } from '../modules/unit/unit.entity';
import { EstablishmentRecordEntity } from '../modules/establishment/establishment.entity';
import { itemKey } from '../modules/establishment/establishment.rules';
import { RuleSettingEntity } from '../modules/rule/rule-setting.entity';
import { TitleEntity } from '../modules/title/title.entity';
import { TITLE_SEEDS } from './titles';
import unitsFile from './data/an-giang-units.json';
import agenciesFile from './data/an-giang-province-agencies.json';

/** The province's registry as shipped: units and agencies files of one province. */
export interface ProvinceSeed {
  province: string;
  units: { name: string; shortName: string; kind: 'commune' | 'ward' | 'special_zone' }[];
  agencies: { name: string; branch: 'party' | 'state' | 'front' }[];
  /** the day the units came into being (the two-tier reorganisation) */
  validFrom: string;
}

export const DEFAULT_PROVINCE: ProvinceSeed = {
  province: unitsFile.province,
  units: unitsFile.units as ProvinceSeed['units'],
  agencies: agenciesFile.agencies as ProvinceSeed['agencies'],
  validFrom: '2025-07-01',
};

const KINDS: Record<string, UnitKind> = {
  commune: UnitKind.COMMUNE,
  ward: UnitKind.WARD,
  special_zone: UnitKind.SPECIAL_ZONE,
};
const BRANCHES: Record<string, AgencyBranch> = { party: AgencyBranch.PARTY, state: AgencyBranch.STATE, front: AgencyBranch.FRONT };

export function slug(value: string): string {
  return foldForSearch(value).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** "Xã An Biên" -> "xã An Biên": the unit name as it follows a body's name. */
function lowerFirst(name: string): string {
  return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}

/** The bodies every commune-level unit has, in display order. */
export function communeBodies(unitName: string): { kind: BodyKind; name: string }[] {
  const of = lowerFirst(unitName);
  return [
    { kind: BodyKind.PARTY_COMMITTEE, name: `Đảng ủy ${of}` },
    { kind: BodyKind.PEOPLES_COUNCIL, name: `Hội đồng nhân dân ${of}` },
    { kind: BodyKind.PEOPLES_COMMITTEE, name: `Ủy ban nhân dân ${of}` },
    { kind: BodyKind.FATHERLAND_FRONT, name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Hội Liên hiệp Phụ nữ ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Hội Nông dân ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Hội Cựu chiến binh ${of}` },
    { kind: BodyKind.PUBLIC_SERVICE_UNIT, name: `Trung tâm Phục vụ hành chính công ${of}` },
    { kind: BodyKind.PUBLIC_SERVICE_UNIT, name: `Trạm Y tế ${of}` },
  ];
}

function provinceBodies(provinceName: string): { kind: BodyKind; name: string }[] {
  const short = provinceName.replace(/^Tỉnh\s+/u, '');
  const of = lowerFirst(provinceName);
  return [
    { kind: BodyKind.PARTY_COMMITTEE, name: `Tỉnh ủy ${short}` },
    { kind: BodyKind.PEOPLES_COUNCIL, name: `Hội đồng nhân dân ${of}` },
    { kind: BodyKind.PEOPLES_COMMITTEE, name: `Ủy ban nhân dân ${of}` },
  ];
}

export interface SeedResult {
  seeded: boolean;
  units: number;
  bodies: number;
  titles: number;
  establishmentRecords: number;
}

async function insertMany<T>(manager: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 500) as never)
      .returning('*')
      .execute();
    out.push(...(result.generatedMaps as T[]).map((g, j) => ({ ...rows[i + j], ...g }) as T));
  }
  return out;
}

/** Seeds the registry into an empty database: rule settings, titles, units, bodies and default establishment. */
export async function seedRegistry(ds: DataSource, seed: ProvinceSeed = DEFAULT_PROVINCE): Promise<SeedResult> {
  return ds.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(7310402026)');
    const existing = await manager.count(UnitEntity);
    if (existing > 0) return { seeded: false, units: existing, bodies: 0, titles: 0, establishmentRecords: 0 };

    const [{ now }] = await manager.query('SELECT now() AS now');
    await insertMany(
      manager,
      RuleSettingEntity,
      RULE_DEFAULTS.map((r) => ({
        key: r.key,
        versionLabel: r.versionLabel,
        validFrom: r.validFrom,
        validTo: null,
        value: r.value,
        recordedAt: now,
      })),
    );
    const titles = await insertMany(
      manager,
      TitleEntity,
      TITLE_SEEDS.map((t, i) => ({ ...t, sortOrder: (i + 1) * 10, active: true, searchText: foldForSearch(t.name) })),
    );
    const titleByCode = new Map(titles.map((t) => [t.code, t]));

    const provinceName = normalizeText(seed.province);
    const [province] = await insertMany(manager, UnitEntity, [
      {
        code: slug(provinceName),
        name: provinceName,
        shortName: provinceName.replace(/^Tỉnh\s+/u, ''),
        kind: UnitKind.PROVINCE,
        branch: null,
        parentId: null,
        validFrom: seed.validFrom,
        searchText: foldForSearch(provinceName),
      },
    ]);
    const unitRows: Partial<UnitEntity>[] = [
      ...seed.units.map((u) => ({
        code: slug(u.name),
        name: normalizeText(u.name),
        shortName: normalizeText(u.shortName),
        kind: KINDS[u.kind],
        branch: null,
        parentId: province.id,
        validFrom: seed.validFrom,
        searchText: foldForSearch(`${u.name} ${u.shortName}`),
      })),
      ...seed.agencies.map((a) => ({
        code: slug(a.name),
        name: normalizeText(a.name),
        shortName: null,
        kind: UnitKind.PROVINCE_AGENCY,
        branch: BRANCHES[a.branch],
        parentId: province.id,
        validFrom: seed.validFrom,
        searchText: foldForSearch(a.name),
      })),
    ];
    const units = await insertMany(manager, UnitEntity, unitRows);

    const bodyRows: Partial<BodyEntity>[] = provinceBodies(provinceName).map((b, i) => ({
      ...b,
      unitId: province.id,
      sortOrder: (i + 1) * 10,
      validFrom: seed.validFrom,
    }));
    for (const unit of units) {
      const list = COMMUNE_LEVEL_KINDS.includes(unit.kind)
        ? communeBodies(unit.name)
        : [{ kind: BodyKind.AGENCY_OFFICE, name: unit.name }];
      list.forEach((b, i) => bodyRows.push({ ...b, unitId: unit.id, sortOrder: (i + 1) * 10, validFrom: seed.validFrom }));
    }
    const bodies = await insertMany(manager, BodyEntity, bodyRows);
    const bodyOf = (unitId: string, kind: BodyKind) => bodies.find((b) => b.unitId === unitId && b.kind === kind) ?? null;

    const template = DEFAULT_COMMUNE_ESTABLISHMENT.value;
    const records: Partial<EstablishmentRecordEntity>[] = [];
    const base = { validFrom: seed.validFrom, validTo: null, recordedAt: now, recordKind: RecordKind.CHANGE, reason: DEFAULT_COMMUNE_ESTABLISHMENT.versionLabel };
    for (const unit of units.filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind))) {
      for (const [category, value] of Object.entries(template.headcount) as [StaffCategory, number][]) {
        const item = { itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: category, bodyId: null };
        records.push({ ...base, ...item, unitId: unit.id, itemKey: itemKey(item), value });
      }
      const party = bodyOf(unit.id, BodyKind.PARTY_COMMITTEE);
      for (const [committee, value] of Object.entries(template.committeeSeats) as [CommitteeKind, number][]) {
        const item = { itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee, term: template.term, bodyId: party?.id ?? null };
        records.push({ ...base, ...item, unitId: unit.id, itemKey: itemKey(item), value });
      }
      for (const [code, value] of Object.entries(template.titleSeats)) {
        const title = titleByCode.get(code);
        if (!title) throw new Error(`Default establishment names unknown title ${code}`);
        const body = title.bodyKind ? bodyOf(unit.id, title.bodyKind) : null;
        const item = { itemKind: EstablishmentItemKind.TITLE_SEATS, titleId: title.id, bodyId: body?.id ?? null };
        records.push({ ...base, ...item, unitId: unit.id, itemKey: itemKey(item), value });
      }
      const committeeBody = bodyOf(unit.id, BodyKind.PEOPLES_COMMITTEE);
      for (const [field, value] of Object.entries(template.specialists) as [ProfessionalField, number][]) {
        const item = { itemKind: EstablishmentItemKind.SPECIALISTS, field, bodyId: committeeBody?.id ?? null };
        records.push({ ...base, ...item, unitId: unit.id, itemKey: itemKey(item), value });
      }
    }
    await insertMany(manager, EstablishmentRecordEntity, records);
    return {
      seeded: true,
      units: units.length + 1,
      bodies: bodies.length,
      titles: titles.length,
      establishmentRecords: records.length,
    };
  });
}
