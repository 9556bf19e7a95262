import { ErrorCode } from '@canbo/shared';
import { GqlResult, TestApp } from './harness';

export type FieldErrorShape = { field: string; code: string; message: string };

/** Asserts one error with the given code, and returns it. */
export function expectErrorCode(res: GqlResult, code: ErrorCode | string) {
  expect(res.errors).toBeDefined();
  expect(res.errors!.map((e) => e.extensions?.code)).toEqual([code]);
  return res.errors![0];
}

/** Asserts BAD_USER_INPUT naming `field` (and the field error code when given). */
export function expectBadInput(res: GqlResult, field: string, fieldCode?: string): FieldErrorShape {
  const error = expectErrorCode(res, ErrorCode.BAD_USER_INPUT);
  const fields = error.extensions?.fields ?? [];
  const match = fields.find((f) => f.field === field);
  if (!match) throw new Error(`expected a field error on "${field}", got ${JSON.stringify(error)}`);
  if (fieldCode) expect(match.code).toBe(fieldCode);
  expect(match.message).toEqual(expect.any(String));
  return match;
}

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  branch: string | null;
}

const UNIT_PAGE = `query Units($first: Int!, $after: String, $filter: UnitFilter, $orderBy: UnitOrder) {
  units(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id code name shortName kind branch } }
  }
}`;

export interface UnitPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: UnitNode }[];
}

export async function unitPage(t: TestApp, variables: Record<string, unknown>): Promise<UnitPage> {
  const res = await t.gql<{ units: UnitPage }>(UNIT_PAGE, { first: 20, ...variables });
  expect(res.errors).toBeUndefined();
  return res.data!.units;
}

/** Pages through a unit list with `first`, checking the page invariants on the way. */
export async function allUnits(t: TestApp, variables: Record<string, unknown> = {}, first = 100): Promise<{ nodes: UnitNode[]; pages: UnitPage[] }> {
  const nodes: UnitNode[] = [];
  const pages: UnitPage[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i++) {
    const page: UnitPage = await unitPage(t, { ...variables, first, after });
    pages.push(page);
    nodes.push(...page.edges.map((e) => e.node));
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}
