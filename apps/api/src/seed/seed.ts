import {
  AgencyBranch,
  COMMUNE_LEVEL_KINDS,
  DEFAULT_COMMUNE_ESTABLISHMENT,
  foldForSearch,
  normalizeText,
  RULE_DEFAULTS,
  UnitKind,
} from '@canbo/shared';
import { DataSource, EntityManager } from 'typeorm';
import { BodyEntity } from '../modules/unit/body.entity';
import { UnitEntity } from '../modules/unit/unit.entity';
import { EstablishmentRecordEntity } from '../modules/establishment/establishment.entity';
import { defaultEstablishmentRecords } from '../modules/establishment/establishment.defaults';
import { agencyBodies, communeBodies, provinceBodies } from '../modules/unit/unit.defaults';
import { RuleSettingEntity } from '../modules/rule/rule-setting.entity';
import { TitleEntity } from '../modules/title/title.entity';
import { AuditService } from '../modules/audit/audit.service';
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
        : agencyBodies(unit.name);
      list.forEach((b, i) => bodyRows.push({ ...b, unitId: unit.id, sortOrder: (i + 1) * 10, validFrom: seed.validFrom }));
    }
    const bodies = await insertMany(manager, BodyEntity, bodyRows);
    const records = units
      .filter((u) => COMMUNE_LEVEL_KINDS.includes(u.kind))
      .flatMap((unit) =>
        defaultEstablishmentRecords({
          unitId: unit.id,
          bodies: bodies.filter((b) => b.unitId === unit.id),
          titles: titleByCode,
          template: DEFAULT_COMMUNE_ESTABLISHMENT.value,
          versionLabel: DEFAULT_COMMUNE_ESTABLISHMENT.versionLabel,
          validFrom: seed.validFrom,
          recordedAt: now,
        }),
      );
    await insertMany(manager, EstablishmentRecordEntity, records);
    // loading the registry is one audit entry
    await new AuditService(ds).record(manager, {
      operation: 'seed',
      entity: 'registry',
      details: { units: units.length + 1, bodies: bodies.length, titles: titles.length, establishmentRecords: records.length },
    });
    return {
      seeded: true,
      units: units.length + 1,
      bodies: bodies.length,
      titles: titles.length,
      establishmentRecords: records.length,
    };
  });
}
