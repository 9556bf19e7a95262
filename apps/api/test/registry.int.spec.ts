import { bootTestApp, TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await bootTestApp();
});
afterAll(async () => {
  await t?.close();
});

test('boots', async () => {
  const res = await t.gql(`{ unitKindCounts { kind count } }`);
  expect(res.errors).toBeUndefined();
  console.log(res.data);
});
