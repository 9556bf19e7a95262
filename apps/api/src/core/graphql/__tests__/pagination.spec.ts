import { ErrorCode, FieldErrorCode } from '@canbo/shared';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, toConnection } from '../pagination';

const ID = '3f2b8c1e-9d4a-4f6b-8e2a-1c3d5e7f9a0b';

function expectBadCursor(cursor: string, field = 'after') {
  let thrown: unknown;
  try {
    decodeCursor(cursor, field);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(GraphQLError);
  const err = thrown as GraphQLError;
  expect(err.extensions.code).toBe(ErrorCode.BAD_USER_INPUT);
  expect(err.extensions.fields).toEqual([expect.objectContaining({ field, code: FieldErrorCode.INVALID_VALUE })]);
}

describe('cursor encode/decode', () => {
  test('round-trips string and number sort values', () => {
    expect(decodeCursor(encodeCursor({ sort: 'xa my duc', id: ID }))).toEqual({ sort: 'xa my duc', id: ID });
    expect(decodeCursor(encodeCursor({ sort: 42, id: ID }))).toEqual({ sort: 42, id: ID });
    expect(decodeCursor(encodeCursor({ sort: 'Mỹ Đức', id: ID }))).toEqual({ sort: 'Mỹ Đức', id: ID });
  });

  test('cursors are URL-safe opaque strings', () => {
    const c = encodeCursor({ sort: 'a/b+c?=&', id: ID });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(c).not.toContain(ID);
  });

  test('garbage is BAD_USER_INPUT on the cursor field', () => {
    expectBadCursor('garbage');
    expectBadCursor('');
    expectBadCursor('!!!!');
    expectBadCursor('garbage', 'cursor');
  });

  test('a tampered cursor is BAD_USER_INPUT', () => {
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
    expectBadCursor(enc([`x' OR 1=1 --`, `' OR 1=1 --`])); // id is not a uuid
    expectBadCursor(enc(['x', ID, 'extra'])); // wrong arity
    expectBadCursor(enc([null, ID])); // sort must be string or number
    expectBadCursor(enc([{ a: 1 }, ID]));
    expectBadCursor(enc({ sort: 'x', id: ID })); // object, not the array form
    expectBadCursor(enc(['x', ID.toUpperCase()]));
    expectBadCursor(enc(['x', 42]));
    const valid = encodeCursor({ sort: 'abc', id: ID });
    expectBadCursor(valid.slice(0, -3)); // truncated
  });
});

describe('toConnection', () => {
  const rows = [1, 2, 3].map((n) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, n }));

  test('uses the extra row only to say there is a next page', () => {
    const c = toConnection(rows, 2, 10, false, (r) => r.n);
    expect(c.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(c.pageInfo.hasPreviousPage).toBe(false);
    expect(c.totalCount).toBe(10);
    expect(c.pageInfo.startCursor).toBe(c.edges[0].cursor);
    expect(c.pageInfo.endCursor).toBe(c.edges[1].cursor);
    expect(decodeCursor(c.pageInfo.endCursor!)).toEqual({ sort: 2, id: rows[1].id });
  });

  test('the last page has no next page; an empty page has no cursors', () => {
    const last = toConnection(rows, 5, 3, true, (r) => r.n);
    expect(last.edges).toHaveLength(3);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    const empty = toConnection([], 5, 0, false, () => 0);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
