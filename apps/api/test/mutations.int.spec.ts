import { ErrorCode, KEY_LEADERSHIP_TITLES_DEFAULT } from '@canbo/shared';
import { bootTestApp, TestApp } from './harness';
import { expectBadInput, expectErrorCode } from './helpers';

/** Registry writes that succeed: units, bodies, successions, titles and rule versions. */
let t: TestApp;
let provinceId: string;
beforeAll(async () => {
  t = await bootTestApp();
  [{ id: provinceId }] = await t.ds.query(`SELECT id FROM unit WHERE kind = 'PROVINCE'`);
});
afterAll(async () => {
  await t?.close();
});

const idOf = async (name: string): Promise<string> => (await t.ds.query(`SELECT id FROM unit WHERE name = $1`, [name]))[0].id;

describe('units and bodies', () => {
  test('createUnit of a province agency with a branch; the list finds it', async () => {
    const res = await t.gql(
      `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id code name kind branch validFrom validTo version parent { id } createdAt } }`,
      { i: { code: 'so-ngoai-vu', name: '  Sở Ngoại vụ  (thí điểm) ', kind: 'PROVINCE_AGENCY', branch: 'STATE', parentId: provinceId, validFrom: '2025-07-01' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createUnit).toMatchObject({
      code: 'so-ngoai-vu',
      name: 'Sở Ngoại vụ (thí điểm)',
      kind: 'PROVINCE_AGENCY',
      branch: 'STATE',
      validFrom: '2025-07-01',
      validTo: null,
      version: 1,
      parent: { id: provinceId },
    });
    const found = await t.gql(`{ units(filter: { search: "ngoai vu", kinds: [PROVINCE_AGENCY] }) { totalCount edges { node { id } } } }`);
    expect(found.data.units.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([res.data.createUnit.id]);
  });

  test('updateUnit renames a unit and the search follows the new name', async () => {
    const id = await idOf('Xã Thạnh Mỹ Tây');
    const res = await t.gql(`mutation($i: UpdateUnitInput!) { updateUnit(input: $i) { name version } }`, {
      i: { id, version: 1, name: 'Xã Thạnh Mỹ Tây Mới' },
    });
    expect(res.data.updateUnit).toEqual({ name: 'Xã Thạnh Mỹ Tây Mới', version: 2 });
    const found = await t.gql(`{ units(filter: { search: "thanh my tay moi" }) { totalCount } }`);
    expect(found.data.units.totalCount).toBe(1);
  });

  test('createBody adds a body to the unit, dated', async () => {
    const unitId = await idOf('Xã Mỹ Hòa Hưng');
    const res = await t.gql(`mutation($i: CreateBodyInput!) { createBody(input: $i) { id unitId kind name sortOrder validFrom validTo version } }`, {
      i: { unitId, kind: 'PUBLIC_SERVICE_UNIT', name: 'Trường Tiểu học xã Mỹ Hòa Hưng', sortOrder: 200, validFrom: '2026-01-01' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createBody).toMatchObject({ unitId, sortOrder: 200, validFrom: '2026-01-01', validTo: null, version: 1 });
    const bodies = async (activeOn?: string) =>
      (await t.gql(`query($id: ID!, $d: LocalDate) { unit(id: $id) { bodies(activeOn: $d) { id } } }`, { id: unitId, d: activeOn })).data.unit
        .bodies as { id: string }[];
    expect(await bodies()).toHaveLength(11);
    expect(await bodies('2025-12-31')).toHaveLength(10);
    expect((await bodies('2026-01-01')).map((b) => b.id)).toContain(res.data.createBody.id);
  });
});

describe('a new commune-level unit gets its defaults', () => {
  const CREATE = `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id bodies { kind name } } }`;

  test('its standard bodies and the default establishment of the rule version in force', async () => {
    const res = await t.gql(CREATE, {
      i: { code: 'xa-thu-nghiem', name: 'Xã Thử Nghiệm', kind: 'COMMUNE', parentId: provinceId, validFrom: '2026-03-01' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createUnit.bodies).toHaveLength(10);
    expect(res.data.createUnit.bodies[0]).toEqual({ kind: 'PARTY_COMMITTEE', name: 'Đảng ủy xã Thử Nghiệm' });
    const est = await t.gql(`query($id: ID!) { establishment(unitId: $id, asOf: "2026-03-01") { itemKind staffCategory value validFrom reason body { name } } }`, {
      id: res.data.createUnit.id,
    });
    const records = est.data.establishment as { itemKind: string; staffCategory: string | null; value: number; validFrom: string; reason: string }[];
    // same shape as a seeded unit: 4 headcounts, 2 committees, 7 titles, 9 fields
    expect(records).toHaveLength(22);
    expect(records.every((r) => r.validFrom === '2026-03-01' && r.reason === 'Định suất mặc định 2025')).toBe(true);
    expect(records.find((r) => r.staffCategory === 'CADRE')?.value).toBe(40);
    const before = await t.gql(`query($id: ID!) { establishment(unitId: $id, asOf: "2026-02-28") { id } }`, { id: res.data.createUnit.id });
    expect(before.data.establishment).toEqual([]);
  });

  test('unless asked not to, and never for a province agency', async () => {
    const bare = await t.gql(CREATE, {
      i: { code: 'xa-trong', name: 'Xã Trống', kind: 'COMMUNE', parentId: provinceId, validFrom: '2026-03-01', applyDefaults: false },
    });
    expect(bare.data.createUnit.bodies).toEqual([]);
    const agency = await t.gql(CREATE, {
      i: { code: 'so-thu-nghiem', name: 'Sở Thử Nghiệm', kind: 'PROVINCE_AGENCY', parentId: provinceId, validFrom: '2026-03-01' },
    });
    expect(agency.data.createUnit.bodies).toEqual([]);
    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM establishment_record WHERE unit_id = ANY($1)`, [
      [bare.data.createUnit.id, agency.data.createUnit.id],
    ]);
    expect(count).toBe(0);
  });
});

describe('unit succession', () => {
  const SUCCESSION = `mutation($i: RecordUnitSuccessionInput!) { recordUnitSuccession(input: $i) { id predecessorId successorId effectiveDate note } }`;
  let predecessorId: string;
  let successorId: string;

  test('recording a successor ends the predecessor the day the successor begins', async () => {
    predecessorId = await idOf('Xã Bình Mỹ');
    successorId = await idOf('Xã Mỹ Thuận');
    const res = await t.gql(SUCCESSION, { i: { predecessorId, successorId, effectiveDate: '2026-01-01', note: 'Sáp nhập theo Nghị quyết' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordUnitSuccession).toMatchObject({ predecessorId, successorId, effectiveDate: '2026-01-01' });
    const unit = await t.gql(`query($id: ID!) { unit(id: $id) { validTo version successors { successorId } predecessors { id } } }`, { id: predecessorId });
    expect(unit.data.unit).toEqual({ validTo: '2026-01-01', version: 2, successors: [{ successorId }], predecessors: [] });
    const successor = await t.gql(`query($id: ID!) { unit(id: $id) { predecessors { predecessorId } } }`, { id: successorId });
    expect(successor.data.unit.predecessors).toEqual([{ predecessorId }]);
  });

  test('its bodies and establishment end that day too, and the past is kept', async () => {
    const unit = await t.gql(`query($id: ID!) { unit(id: $id) { all: bodies { validTo } after: bodies(activeOn: "2026-01-01") { id } } }`, {
      id: predecessorId,
    });
    expect(unit.data.unit.after).toEqual([]);
    expect(unit.data.unit.all.every((b: { validTo: string }) => b.validTo === '2026-01-01')).toBe(true);
    const est = async (asOf: string) =>
      (await t.gql(`query($id: ID!, $d: LocalDate) { establishment(unitId: $id, asOf: $d) { value validTo } }`, { id: predecessorId, d: asOf }))
        .data.establishment as { value: number; validTo: string | null }[];
    expect(await est('2026-01-01')).toEqual([]);
    const last = await est('2025-12-31');
    expect(last).toHaveLength(22);
    expect(last.every((r) => r.validTo === '2026-01-01')).toBe(true);
    // as known before the succession, the values were open-ended
    const history = await t.gql(`query($id: ID!) { establishmentHistory(unitId: $id) { validTo supersededAt } }`, { id: predecessorId });
    const superseded = history.data.establishmentHistory.filter((r: { supersededAt: string | null }) => r.supersededAt);
    expect(superseded).toHaveLength(22);
    expect(superseded.every((r: { validTo: string | null }) => r.validTo === null)).toBe(true);
  });

  test('the ended unit no longer counts from that day', async () => {
    const count = async (d: string) =>
      (await t.gql(`query($d: LocalDate) { unitKindCounts(activeOn: $d) { kind count } }`, { d })).data.unitKindCounts.find(
        (c: { kind: string }) => c.kind === 'COMMUNE',
      ).count;
    expect(await count('2025-12-31')).toBe(85);
    expect(await count('2026-01-01')).toBe(84);
    const active = await t.gql(`{ units(first: 1, filter: { activeOn: "2026-01-01", kinds: [COMMUNE] }) { totalCount } }`);
    expect(active.data.units.totalCount).toBe(84);
  });

  test('the same succession twice is a DUPLICATE; a change of the ended unit after its end is refused', async () => {
    expectBadInput(await t.gql(SUCCESSION, { i: { predecessorId, successorId, effectiveDate: '2026-01-01' } }), 'successorId', 'DUPLICATE');
    const res = await t.gql(`mutation($i: ChangeEstablishmentInput!) { changeEstablishment(input: $i) { id } }`, {
      i: { unitId: predecessorId, itemKind: 'SPECIALISTS', field: 'JUSTICE', value: 1, effectiveFrom: '2026-01-01' },
    });
    expectBadInput(res, 'effectiveFrom', 'PERIOD_ORDER');
  });
});

describe('titles and rule versions', () => {
  test('createTitle adds to the catalogue', async () => {
    const res = await t.gql(`mutation($i: CreateTitleInput!) { createTitle(input: $i) { code name level bodyKind equivalenceClass active version } }`, {
      i: { code: 'police_chief', name: 'Trưởng Công an xã', level: 'COMMUNE', bodyKind: 'PEOPLES_COMMITTEE', equivalenceClass: 'commune.police_chief' },
    });
    expect(res.data.createTitle).toEqual({
      code: 'police_chief',
      name: 'Trưởng Công an xã',
      level: 'COMMUNE',
      bodyKind: 'PEOPLES_COMMITTEE',
      equivalenceClass: 'commune.police_chief',
      active: true,
      version: 1,
    });
  });

  test('a new rule version takes over from its date; the old one ends that day', async () => {
    const add = await t.gql(`mutation($i: AddRuleSettingVersionInput!) { addRuleSettingVersion(input: $i) { validFrom validTo version } }`, {
      i: {
        key: 'KEY_LEADERSHIP_TITLES',
        versionLabel: 'Quy định 2026',
        validFrom: '2026-01-01',
        value: { titleCodes: [...KEY_LEADERSHIP_TITLES_DEFAULT.value.titleCodes, 'front_chair'] },
      },
    });
    expect(add.errors).toBeUndefined();
    expect(add.data.addRuleSettingVersion).toEqual({ validFrom: '2026-01-01', validTo: null, version: 1 });
    const key = async (asOf: string) => (await t.gql(`query($d: LocalDate) { keyLeadershipTitles(asOf: $d) { rule { versionLabel validTo } titles { code } } }`, { d: asOf })).data.keyLeadershipTitles;
    const old = await key('2025-12-31');
    expect(old.rule).toEqual({ versionLabel: KEY_LEADERSHIP_TITLES_DEFAULT.versionLabel, validTo: '2026-01-01' });
    expect(old.titles).toHaveLength(4);
    const next = await key('2026-01-01');
    expect(next.rule).toEqual({ versionLabel: 'Quy định 2026', validTo: null });
    expect(next.titles.map((x: { code: string }) => x.code)).toContain('front_chair');
    const versions = await t.gql(`{ ruleSettingVersions(key: KEY_LEADERSHIP_TITLES) { validFrom } }`);
    expect(versions.data.ruleSettingVersions).toEqual([{ validFrom: '2026-01-01' }, { validFrom: '2025-07-01' }]);
  });

  test('ruleSetting before the first version is NOT_FOUND', async () => {
    expectErrorCode(await t.gql(`{ ruleSetting(key: DEFAULT_COMMUNE_ESTABLISHMENT, asOf: "2025-01-01") { id } }`), ErrorCode.NOT_FOUND);
  });
});
