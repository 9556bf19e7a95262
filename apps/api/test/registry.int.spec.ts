import { DEFAULT_COMMUNE_ESTABLISHMENT, ErrorCode, foldForSearch, KEY_LEADERSHIP_TITLES_DEFAULT } from '@canbo/shared';
import agenciesFile from '../src/seed/data/an-giang-province-agencies.json';
import unitsFile from '../src/seed/data/an-giang-units.json';
import { TITLE_SEEDS } from '../src/seed/titles';
import { bootTestApp, GqlResult, TestApp } from './harness';
import { allUnits, expectBadInput, expectErrorCode, unitPage } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await bootTestApp();
});
afterAll(async () => {
  await t?.close();
});

const KIND_OF: Record<string, string> = { commune: 'COMMUNE', ward: 'WARD', special_zone: 'SPECIAL_ZONE' };
const COMMUNE_LEVEL = ['COMMUNE', 'WARD', 'SPECIAL_ZONE'];
const TOTAL_UNITS = 1 + unitsFile.units.length + agenciesFile.agencies.length;

describe('the seeded registry', () => {
  test('the seed files hold 102 commune-level units (85 communes, 14 wards, 3 special zones) and 20 agencies', () => {
    const count = (k: string) => unitsFile.units.filter((u) => u.kind === k).length;
    expect([unitsFile.units.length, count('commune'), count('ward'), count('special_zone')]).toEqual([102, 85, 14, 3]);
    expect(agenciesFile.agencies).toHaveLength(20);
    expect(TOTAL_UNITS).toBe(123);
  });

  test('unitKindCounts: 85 COMMUNE, 14 WARD, 3 SPECIAL_ZONE, 1 PROVINCE, 20 PROVINCE_AGENCY', async () => {
    const res = await t.gql(`{ unitKindCounts { kind count } }`);
    expect(res.errors).toBeUndefined();
    const counts = Object.fromEntries(res.data.unitKindCounts.map((c: { kind: string; count: number }) => [c.kind, c.count]));
    expect(counts).toEqual({ COMMUNE: 85, WARD: 14, SPECIAL_ZONE: 3, PROVINCE: 1, PROVINCE_AGENCY: 20 });
  });

  test('unitKindCounts honours activeOn (the units exist from 2025-07-01)', async () => {
    const before = await t.gql(`{ unitKindCounts(activeOn: "2025-06-30") { kind count } }`);
    expect(before.data.unitKindCounts).toEqual([]);
    const on = await t.gql(`{ unitKindCounts(activeOn: "2025-07-01") { kind count } }`);
    expect(on.data.unitKindCounts.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(TOTAL_UNITS);
  });

  test('the commune-level units are exactly the names and kinds of an-giang-units.json', async () => {
    const { nodes } = await allUnits(t, { filter: { kinds: COMMUNE_LEVEL } });
    expect(nodes).toHaveLength(102);
    const actual = nodes.map((u) => `${u.kind}|${u.name}|${u.shortName}`).sort();
    const expected = unitsFile.units.map((u) => `${KIND_OF[u.kind]}|${u.name}|${u.shortName}`).sort();
    expect(actual).toEqual(expected);
  });

  test('one province, parent of every other unit, and 20 province agencies with their branches', async () => {
    const province = await unitPage(t, { filter: { kinds: ['PROVINCE'] } });
    expect(province.totalCount).toBe(1);
    expect(province.edges[0].node.name).toBe(unitsFile.province);

    const agencies = await unitPage(t, { first: 100, filter: { kinds: ['PROVINCE_AGENCY'] } });
    expect(agencies.totalCount).toBe(20);
    const actual = agencies.edges.map((e) => `${e.node.branch}|${e.node.name}`).sort();
    const expected = agenciesFile.agencies.map((a) => `${a.branch.toUpperCase()}|${a.name}`).sort();
    expect(actual).toEqual(expected);

    const byParent = await unitPage(t, { first: 1, filter: { parentId: province.edges[0].node.id } });
    expect(byParent.totalCount).toBe(TOTAL_UNITS - 1);
    const orphans = await t.ds.query(`SELECT count(*)::int AS n FROM unit WHERE parent_id IS NULL`);
    expect(orphans[0].n).toBe(1);
  });

  test('unit codes are unique slugs', async () => {
    const { nodes } = await allUnits(t);
    expect(new Set(nodes.map((u) => u.code)).size).toBe(TOTAL_UNITS);
    for (const u of nodes) expect(u.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(nodes.find((u) => u.name === 'Xã Mỹ Đức')?.code).toBe('xa-my-duc');
  });

  test('every commune-level unit has its 10 bodies, one of them the party committee', async () => {
    const res = await t.gql(
      `query($after: String) { units(first: 100, after: $after, filter: { kinds: [COMMUNE, WARD, SPECIAL_ZONE] }) {
         pageInfo { hasNextPage endCursor } edges { node { name bodies { kind name } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const more = await t.gql(
      `query($after: String) { units(first: 100, after: $after, filter: { kinds: [COMMUNE, WARD, SPECIAL_ZONE] }) {
         pageInfo { hasNextPage } edges { node { name bodies { kind name } } } } }`,
      { after: res.data.units.pageInfo.endCursor },
    );
    const nodes = [...res.data.units.edges, ...more.data.units.edges].map((e: { node: unknown }) => e.node) as {
      name: string;
      bodies: { kind: string; name: string }[];
    }[];
    expect(nodes).toHaveLength(102);
    for (const unit of nodes) {
      expect(unit.bodies).toHaveLength(10);
      const kinds = unit.bodies.map((b) => b.kind);
      expect(kinds.filter((k) => k === 'PARTY_COMMITTEE')).toHaveLength(1);
      expect(new Set(kinds)).toEqual(
        new Set(['PARTY_COMMITTEE', 'PEOPLES_COUNCIL', 'PEOPLES_COMMITTEE', 'FATHERLAND_FRONT', 'SOCIO_POLITICAL_ORGANISATION', 'PUBLIC_SERVICE_UNIT']),
      );
      const party = unit.bodies.find((b) => b.kind === 'PARTY_COMMITTEE')!;
      expect(party.name.toLowerCase()).toContain(unit.name.toLowerCase());
    }
  });

  test('the title catalogue is seeded', async () => {
    const res = await t.gql(`{ titles(first: 100) { totalCount edges { node { code name level bodyKind equivalenceClass active } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.titles.totalCount).toBe(TITLE_SEEDS.length);
    const actual = res.data.titles.edges.map((e: { node: unknown }) => e.node);
    expect(actual).toEqual(TITLE_SEEDS.map((s) => ({ ...s, active: true }))); // in catalogue order
  });

  test('titles paginate and search without diacritics', async () => {
    const first = await t.gql(`{ titles(first: 5) { pageInfo { hasNextPage endCursor } edges { node { code } } } }`);
    const second = await t.gql(`query($a: String) { titles(first: 5, after: $a) { edges { node { code } } } }`, {
      a: first.data.titles.pageInfo.endCursor,
    });
    expect([...first.data.titles.edges, ...second.data.titles.edges].map((e: { node: { code: string } }) => e.node.code)).toEqual(
      TITLE_SEEDS.slice(0, 10).map((s) => s.code),
    );
    const search = await t.gql(`{ titles(first: 100, filter: { search: "chu tich uy ban nhan dan" }) { edges { node { code } } } }`);
    expect(search.data.titles.edges.map((e: { node: { code: string } }) => e.node.code).sort()).toEqual(
      ['pc_chair', 'pc_vice_chair', 'province_pc_chair'],
    );
  });

  test('the default commune establishment names only titles of the catalogue', async () => {
    const seeded = new Set(TITLE_SEEDS.map((s) => s.code));
    for (const code of Object.keys(DEFAULT_COMMUNE_ESTABLISHMENT.value.titleSeats)) expect(seeded).toContain(code);
    for (const code of KEY_LEADERSHIP_TITLES_DEFAULT.value.titleCodes) expect(seeded).toContain(code);
    const rows: { code: string }[] = await t.ds.query(`SELECT code FROM title`);
    expect(rows.map((r) => r.code).sort()).toEqual([...seeded].sort());
  });

  test('keyLeadershipTitles(asOf: "2025-10-01") names the 4 key titles and the rule version that says so', async () => {
    const res = await t.gql(`{ keyLeadershipTitles(asOf: "2025-10-01") {
      rule { key versionLabel validFrom validTo value version } titles { code name } } }`);
    expect(res.errors).toBeUndefined();
    const { rule, titles } = res.data.keyLeadershipTitles;
    expect(titles.map((x: { code: string }) => x.code).sort()).toEqual([...KEY_LEADERSHIP_TITLES_DEFAULT.value.titleCodes].sort());
    expect(rule).toEqual({
      key: 'KEY_LEADERSHIP_TITLES',
      versionLabel: KEY_LEADERSHIP_TITLES_DEFAULT.versionLabel,
      validFrom: '2025-07-01',
      validTo: null,
      value: KEY_LEADERSHIP_TITLES_DEFAULT.value,
      version: 1,
    });
  });

  test('keyLeadershipTitles before the first rule version is NOT_FOUND', async () => {
    expectErrorCode(await t.gql(`{ keyLeadershipTitles(asOf: "2025-06-30") { titles { code } } }`), ErrorCode.NOT_FOUND);
  });
});

describe('units connection', () => {
  test('first/after pages through all 123 units without duplicates or gaps, with totalCount on every page', async () => {
    const { nodes, pages } = await allUnits(t, {}, 20);
    expect(pages).toHaveLength(Math.ceil(TOTAL_UNITS / 20));
    for (const p of pages) expect(p.totalCount).toBe(TOTAL_UNITS);
    expect(pages[pages.length - 1].edges).toHaveLength(TOTAL_UNITS % 20);
    const ids = nodes.map((u) => u.id);
    expect(new Set(ids).size).toBe(TOTAL_UNITS);
    const all: { id: string }[] = await t.ds.query(`SELECT id FROM unit`);
    expect([...ids].sort()).toEqual(all.map((r) => r.id).sort());
  });

  test('pages are ordered by name ignoring diacritics, and the order does not depend on the page size', async () => {
    const small = (await allUnits(t, {}, 7)).nodes.map((u) => u.id);
    const large = (await allUnits(t, {}, 100)).nodes.map((u) => u.id);
    expect(small).toEqual(large);
    const { nodes } = await allUnits(t);
    const folded = nodes.map((u) => foldForSearch(`${u.name} ${u.shortName ?? ''}`));
    expect(folded[0].startsWith('ban ')).toBe(true); // "Ban Tổ chức Tỉnh ủy" etc. before "Đặc khu ..."
    expect(nodes.findIndex((u) => u.name.startsWith('Đặc khu'))).toBeLessThan(nodes.findIndex((u) => u.name.startsWith('Phường')));
    expect(nodes.findIndex((u) => u.name.startsWith('Phường'))).toBeLessThan(nodes.findIndex((u) => u.name.startsWith('Xã')));
  });

  test('DESC order is the exact reverse of ASC, across pages', async () => {
    const asc = (await allUnits(t, { orderBy: { field: 'NAME', direction: 'ASC' } }, 30)).nodes.map((u) => u.id);
    const desc = (await allUnits(t, { orderBy: { field: 'NAME', direction: 'DESC' } }, 30)).nodes.map((u) => u.id);
    expect(desc).toHaveLength(TOTAL_UNITS);
    expect(desc).toEqual([...asc].reverse());
  });

  test('sort by KIND groups the kinds and keeps name order inside each kind, across pages', async () => {
    const byKind = (await allUnits(t, { orderBy: { field: 'KIND' } }, 25)).nodes;
    expect(byKind).toHaveLength(TOTAL_UNITS);
    expect(new Set(byKind.map((u) => u.id)).size).toBe(TOTAL_UNITS);
    const runs: string[] = [];
    for (const u of byKind) if (runs[runs.length - 1] !== u.kind) runs.push(u.kind);
    expect(new Set(runs).size).toBe(runs.length); // each kind is one contiguous run
    expect(runs[0]).toBe('COMMUNE');
    expect(runs.slice(-2)).toEqual(['SPECIAL_ZONE', 'WARD']);
    const byName = (await allUnits(t)).nodes;
    for (const kind of runs) {
      expect(byKind.filter((u) => u.kind === kind).map((u) => u.id)).toEqual(byName.filter((u) => u.kind === kind).map((u) => u.id));
    }
    const desc = (await allUnits(t, { orderBy: { field: 'KIND', direction: 'DESC' } }, 25)).nodes;
    expect(desc.map((u) => u.id)).toEqual(byKind.map((u) => u.id).reverse());
  });

  test('sort by CREATED_AT pages through every unit once', async () => {
    const { nodes } = await allUnits(t, { orderBy: { field: 'CREATED_AT' } }, 40);
    expect(new Set(nodes.map((u) => u.id)).size).toBe(TOTAL_UNITS);
  });

  test('filter by kinds', async () => {
    const wards = await unitPage(t, { first: 100, filter: { kinds: ['WARD'] } });
    expect(wards.totalCount).toBe(14);
    expect(wards.edges.map((e) => e.node.name).sort()).toEqual(
      unitsFile.units.filter((u) => u.kind === 'ward').map((u) => u.name).sort(),
    );
    const two = await unitPage(t, { first: 100, filter: { kinds: ['WARD', 'SPECIAL_ZONE'] } });
    expect(two.totalCount).toBe(17);
    expect(new Set(two.edges.map((e) => e.node.kind))).toEqual(new Set(['WARD', 'SPECIAL_ZONE']));
  });

  test('search ignores diacritics and case: "my duc", "MỸ ĐỨC", "Mỹ Đức" (NFC and NFD) find the same units', async () => {
    const search = async (s: string) =>
      (await unitPage(t, { first: 100, filter: { search: s } })).edges.map((e) => e.node.name).sort();
    const expected = await search('Mỹ Đức');
    expect(expected).toEqual(['Xã Mỹ Đức']);
    expect(await search('my duc')).toEqual(expected);
    expect(await search('MỸ ĐỨC')).toEqual(expected);
    expect(await search('MY DUC')).toEqual(expected);
    expect(await search('Mỹ Đức'.normalize('NFD'))).toEqual(expected);
    expect(await search('  my   duc ')).toEqual(expected);
  });

  test('search matches short names and parts of words, and combines with other filters', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await unitPage(t, { first: 100, filter })).edges.map((e) => e.node.name).sort();
    const expectedDuc = [...unitsFile.units.map((u) => u.name), ...agenciesFile.agencies.map((a) => a.name)]
      .filter((n) => foldForSearch(n).includes('duc'))
      .sort();
    expect(expectedDuc.length).toBeGreaterThan(1);
    expect(await names({ search: 'đức' })).toEqual(expectedDuc);
    expect(await names({ search: 'phu quoc' })).toEqual(['Đặc khu Phú Quốc']);
    expect(await names({ search: 'đức', kinds: ['WARD'] })).toEqual(expectedDuc.filter((n) => n.startsWith('Phường')));
    const page = await unitPage(t, { first: 1, filter: { search: 'xã' } });
    const all = [unitsFile.province, ...unitsFile.units.map((u) => `${u.name} ${u.shortName}`), ...agenciesFile.agencies.map((a) => a.name)];
    expect(page.totalCount).toBe(all.filter((n) => foldForSearch(n).includes('xa')).length);
    expect(page.totalCount).toBeGreaterThanOrEqual(85);
  });

  test.each(['%', '_', '%%', '\\', "'", "'; DROP TABLE unit; --", "x' OR '1'='1", 'a%b_c'])(
    'search %p answers no error and no units, and leaves the table intact',
    async (s) => {
      const page = await unitPage(t, { first: 100, filter: { search: s } });
      expect(page.totalCount).toBe(0);
      expect(page.edges).toEqual([]);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM unit`);
      expect(n).toBe(TOTAL_UNITS);
    },
  );

  test('a search longer than 100 characters is BAD_USER_INPUT on search', async () => {
    const res = await t.gql(`query($f: UnitFilter) { units(filter: $f) { totalCount } }`, { f: { search: 'a'.repeat(101) } });
    expectBadInput(res, 'filter.search', 'TOO_LONG');
  });

  test('page size is bounded: first 0 and 101 are BAD_USER_INPUT on first', async () => {
    expectBadInput(await t.gql(`{ units(first: 0) { totalCount } }`), 'first', 'OUT_OF_RANGE');
    expectBadInput(await t.gql(`{ units(first: 101) { totalCount } }`), 'first', 'OUT_OF_RANGE');
  });

  test('a tampered cursor is BAD_USER_INPUT on after', async () => {
    expectBadInput(await t.gql(`{ units(after: "bm9wZQ") { totalCount } }`), 'after', 'INVALID_VALUE');
    const forged = Buffer.from(JSON.stringify(['x', "' OR 1=1 --"])).toString('base64url');
    expectBadInput(await t.gql(`query($a: String) { units(after: $a) { totalCount } }`, { a: forged }), 'after');
  });
});

describe('unit(id)', () => {
  test('a seeded unit with its parent and bodies', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM unit WHERE name = 'Xã Mỹ Đức'`);
    const res = await t.gql(`query($id: ID!) { unit(id: $id) { id name kind validFrom validTo parent { kind name } bodies { kind } } }`, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.unit).toMatchObject({ id, name: 'Xã Mỹ Đức', kind: 'COMMUNE', validFrom: '2025-07-01', validTo: null });
    expect(res.data.unit.parent).toEqual({ kind: 'PROVINCE', name: unitsFile.province });
    expect(res.data.unit.bodies).toHaveLength(10);
  });

  test('an unknown id is NOT_FOUND', async () => {
    const res = await t.gql(`{ unit(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expectErrorCode(res, ErrorCode.NOT_FOUND);
    expect(res.data).toBeNull();
  });

  test.each(['nope', '1', "' OR 1=1 --", '00000000-0000-4000-8000-00000000000'])('a malformed id %p is NOT_FOUND', async (id) => {
    const res = await t.gql(`query($id: ID!) { unit(id: $id) { id } }`, { id });
    const err = expectErrorCode(res, ErrorCode.NOT_FOUND);
    expect(JSON.stringify(err.extensions)).not.toMatch(/uuid is expected/);
  });

  test('body(id) and title(id): unknown and malformed ids are NOT_FOUND', async () => {
    expectErrorCode(await t.gql(`{ body(id: "00000000-0000-4000-8000-000000000000") { id } }`), ErrorCode.NOT_FOUND);
    expectErrorCode(await t.gql(`{ body(id: "x") { id } }`), ErrorCode.NOT_FOUND);
    expectErrorCode(await t.gql(`{ title(id: "00000000-0000-4000-8000-000000000000") { id } }`), ErrorCode.NOT_FOUND);
    expectErrorCode(await t.gql(`{ title(id: "x") { id } }`), ErrorCode.NOT_FOUND);
  });
});

describe('HTTP, logging and limits', () => {
  test('/health answers {status: ok, database: up}', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  test('a request body over 1 MB is refused with 413, not a 500', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system-admin')}` },
      body: JSON.stringify({ query: '{ unitKindCounts { kind } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
  });

  test('x-request-id is echoed and carried by the log line of the operation', async () => {
    const requestId = `it-${Date.now()}.req_1`;
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system-admin')}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: 'query KindCounts { unitKindCounts { kind } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    await new Promise((r) => setTimeout(r, 20));
    const lines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === requestId);
    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'graphql', operationName: 'KindCounts' })]);
  });

  test('a malformed x-request-id is replaced by a generated one', async () => {
    const res = await fetch(`${t.baseUrl}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    const echoed = res.headers.get('x-request-id');
    expect(echoed).not.toBe('bad id with spaces');
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the error codes of a failed operation are logged', async () => {
    const requestId = `it-err-${Date.now()}`;
    await t.gql(`{ unit(id: "00000000-0000-4000-8000-000000000000") { id } }`, undefined, { 'x-request-id': requestId });
    await new Promise((r) => setTimeout(r, 20));
    const lines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === requestId);
    const line = lines.find((l) => l.msg === 'graphql');
    expect(line?.errors).toEqual(['NOT_FOUND']);
    // an expected error is not an error of the system: nothing at level error
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  const nested = (levels: number) => `{ unit(id: "00000000-0000-4000-8000-000000000000") { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

  test('the depth limit (10) admits depth 10 and refuses depth 11 with BAD_USER_INPUT', async () => {
    const ok = await t.gql(nested(8)); // unit + 8 parents + id = 10
    expectErrorCode(ok, ErrorCode.NOT_FOUND); // executed: the id is unknown
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system-admin')}` },
      body: JSON.stringify({ query: nested(9) }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as GqlResult;
    expect(body.data).toBeUndefined();
    const err = expectErrorCode(body, ErrorCode.BAD_USER_INPUT);
    expect(err.extensions).toMatchObject({ reason: 'DEPTH_LIMIT' });
  });

  test('the depth limit also counts fragments', async () => {
    const res = await t.gql(
      `query { unit(id: "00000000-0000-4000-8000-000000000000") { ...A } }
       fragment A on Unit { parent { parent { parent { ...B } } } }
       fragment B on Unit { parent { parent { parent { parent { parent { parent { id } } } } } } }`,
    );
    expectErrorCode(res, ErrorCode.BAD_USER_INPUT);
  });

  test('the complexity limit refuses an expensive operation with BAD_USER_INPUT (HTTP 400), before running it', async () => {
    const big = `units(first: 100) { edges { node { id name bodies { id name kind } parent { id name } } } }`;
    const query = `{ a: ${big} b: ${big} c: ${big} d: ${big} e: ${big} f: ${big} }`;
    const requestId = `it-cx-${Date.now()}`;
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system-admin')}`, 'x-request-id': requestId },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as GqlResult;
    expect(body.data).toBeUndefined();
    const err = expectErrorCode(body, ErrorCode.BAD_USER_INPUT);
    expect(err.extensions).toMatchObject({ reason: 'COMPLEXITY_LIMIT' });
    // the same query with one alias is within the limit
    const one = await t.gql(`{ a: ${big} }`);
    expect(one.errors).toBeUndefined();
    expect(one.data.a.edges).toHaveLength(100);
  });

  test('the complexity of a list grows with its page size given by a variable', async () => {
    const q = `query($n: Int!) { a: units(first: $n) { edges { node { bodies { id name kind } parent { id name } } } }
                                  b: units(first: $n) { edges { node { bodies { id name kind } parent { id name } } } }
                                  c: units(first: $n) { edges { node { bodies { id name kind } parent { id name } } } }
                                  d: units(first: $n) { edges { node { bodies { id name kind } parent { id name } } } }
                                  e: units(first: $n) { edges { node { bodies { id name kind } parent { id name } } } }
                                  f: units(first: $n) { edges { node { bodies { id name kind } parent { id name } } } } }`;
    expect((await t.gql(q, { n: 10 })).errors).toBeUndefined();
    expectErrorCode(await t.gql(q, { n: 100 }), ErrorCode.BAD_USER_INPUT);
  });

  test('a malformed literal in the document is a validation error (HTTP 400), not a 500', async () => {
    for (const query of [`{ unitKindCounts(activeOn: "2025-02-30") { kind } }`, `{ units(first: 2147483648) { totalCount } }`]) {
      const res = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('system-admin')}` },
        body: JSON.stringify({ query }),
      });
      expect(res.status).toBe(400);
      expectErrorCode((await res.json()) as GqlResult, 'GRAPHQL_VALIDATION_FAILED');
    }
  });

  test('introspection works in development mode', async () => {
    const res = await t.gql(`{ __schema { queryType { name } mutationType { name } } __type(name: "Unit") { name } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' }, mutationType: { name: 'Mutation' } }, __type: { name: 'Unit' } });
  });

  test('a GET without a preflight header is refused (CSRF prevention)', async () => {
    const res = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ unitKindCounts { kind } }')}`);
    expect(res.status).toBe(400);
  });
});

test('a new installation without anyone in post freezes no baseline nor yearly snapshot (tried again later)', async () => {
  const [{ n: people }] = await t.ds.query(`SELECT count(*)::int AS n FROM person_assignment`);
  expect(people).toBe(0);
  const { ReportSnapshotService } = await import('../src/modules/report-snapshot/report-snapshot.service');
  expect(await t.app.get(ReportSnapshotService).ensureYearly('2026-11-28')).toEqual([]);
  const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM report_snapshot`);
  expect(n).toBe(0);
});
