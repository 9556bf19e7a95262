import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from './harness';

/** The app booted in production mode: no introspection, no landing page. */
let t: TestApp;
beforeAll(async () => {
  t = await bootTestApp({ production: true });
});
afterAll(async () => {
  await t?.close();
});

test('introspection is refused', async () => {
  for (const query of [`{ __schema { queryType { name } } }`, `{ __type(name: "Unit") { name fields { name } } }`]) {
    const res = await t.gql(query);
    expect(res.data).toBeUndefined();
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors![0].message).toMatch(/introspection/i);
  }
});

test('ordinary operations still work', async () => {
  const res = await t.gql(`{ unitKindCounts { kind count } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.unitKindCounts).toHaveLength(5);
});

test('no landing page is served', async () => {
  const res = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
  const text = await res.text();
  expect(text).not.toMatch(/<html/i);
});

test('errors still carry their codes and fields', async () => {
  const res = await t.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, {
    i: { code: 'x', name: 'X', kind: 'VILLAGE', validFrom: '2025-07-01' },
  });
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'kind' }] });
});

test('/health answers 503 {status: unavailable, database: down} when the database is unreachable', async () => {
  const ds = t.app.get(DataSource);
  await ds.destroy();
  try {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', database: 'down' });
  } finally {
    await ds.initialize();
  }
  const again = await fetch(`${t.baseUrl}/health`);
  expect(again.status).toBe(200);
});
