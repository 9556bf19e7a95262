import { FieldErrorCode, LIMITS } from '@canbo/shared';
import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadUserInputError } from '../errors/app-errors';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field()
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true })
  startCursor: string | null;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Forward cursor pagination arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${LIMITS.pageSizeMax}` })
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(1, { message: 'Phải lớn hơn 0' })
  @Max(LIMITS.pageSizeMax, { message: `Không được lớn hơn ${LIMITS.pageSizeMax}` })
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a Relay-style connection type for a node type. */
export function ConnectionType<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;
    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];
    @Field(() => PageInfo)
    pageInfo: PageInfo;
    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

/** Keyset cursor: the sort value and the id of the last row seen. */
export interface CursorValue {
  sort: string | number | null;
  id: string;
}

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify([value.sort, value.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorValue {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      ['string', 'number'].includes(typeof parsed[0]) &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{1,36}$/.test(parsed[1])
    ) {
      return { sort: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw BadUserInputError.field(field, FieldErrorCode.INVALID_VALUE, 'Con trỏ phân trang không hợp lệ');
}

/** Turns rows fetched with `first + 1` into a connection. */
export function toConnection<T extends { id: string }>(
  rows: T[],
  first: number,
  totalCount: number,
  hasPrevious: boolean,
  sortValue: (row: T) => string | number | null,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor({ sort: sortValue(node), id: node.id }) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
