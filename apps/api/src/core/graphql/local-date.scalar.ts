import { isDateInRange, isValidIsoDate, LIMITS } from '@canbo/shared';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parse(value: unknown): string {
  if (!isValidIsoDate(value)) {
    throw new TypeError('Ngày không hợp lệ (định dạng YYYY-MM-DD)');
  }
  if (!isDateInRange(value)) {
    throw new TypeError(`Ngày phải trong khoảng ${LIMITS.dateMin} đến ${LIMITS.dateMax}`);
  }
  return value;
}

/** A calendar date without time, as `YYYY-MM-DD`. Invalid dates (2025-02-30) are refused. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'Calendar date without time zone, ISO 8601 (YYYY-MM-DD).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Ngày phải là chuỗi YYYY-MM-DD');
    return parse(ast.value);
  },
});
