import { ErrorCode, FieldErrorCode } from '@canbo/shared';
import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Writable } from 'node:stream';
import { BadUserInputError, ConflictError } from '../../errors/app-errors';
import { JsonLogger } from '../../logging/json-logger';
import { createFormatError } from '../format-error';

function setup() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { format: createFormatError(new JsonLogger('info', sink)), lines };
}

/** What Apollo hands formatError for a variable coercion failure. */
function coercion(message: string): [GraphQLFormattedError, unknown] {
  const error = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
  return [error.toJSON(), error];
}

describe('formatError: variable coercion failures name the field', () => {
  const { format } = setup();

  test.each([
    [
      'Variable "$input" got invalid value "X" at "input.kind"; Value "X" does not exist in "UnitKind" enum.',
      { field: 'kind', code: FieldErrorCode.INVALID_VALUE },
    ],
    [
      'Variable "$input" got invalid value "VILLAGE" at "input.kind"; Value "VILLAGE" does not exist in "UnitKind" enum. Did you mean the enum value "COMMUNE"?',
      { field: 'kind', code: FieldErrorCode.INVALID_VALUE },
    ],
    [
      'Variable "$input" got invalid value "2025-02-30" at "input.validFrom"; Expected type "LocalDate". Ngày không hợp lệ (định dạng YYYY-MM-DD)',
      { field: 'validFrom', code: FieldErrorCode.INVALID_DATE },
    ],
    [
      'Variable "$input" got invalid value 2147483648 at "input.value"; Int cannot represent non 32-bit signed integer value: 2147483648',
      { field: 'value', code: FieldErrorCode.OUT_OF_RANGE },
    ],
    [
      'Variable "$input" got invalid value 1.5 at "input.value"; Int cannot represent non-integer value: 1.5',
      { field: 'value', code: FieldErrorCode.OUT_OF_RANGE },
    ],
    [
      'Variable "$input" got invalid value "X" at "input.filter.kinds[1]"; Value "X" does not exist in "UnitKind" enum.',
      { field: 'filter.kinds[1]', code: FieldErrorCode.INVALID_VALUE },
    ],
    [
      'Variable "$asOf" got invalid value "01/07/2025"; Expected type "LocalDate". Ngày không hợp lệ (định dạng YYYY-MM-DD)',
      { field: 'asOf', code: FieldErrorCode.INVALID_DATE },
    ],
    [
      'Variable "$input" got invalid value { code: "x", name: "Xã A" }; Field "kind" of required type "UnitKind!" was not provided.',
      { field: 'kind', code: FieldErrorCode.REQUIRED },
    ],
    [
      'Variable "$input" got invalid value { bodyId: "b" } at "input.filter"; Field "search" of required type "String!" was not provided.',
      { field: 'filter.search', code: FieldErrorCode.REQUIRED },
    ],
    [
      'Variable "$input" got invalid value { code: "x", foo: 1 }; Field "foo" is not defined by type "CreateUnitInput".',
      { field: 'foo', code: FieldErrorCode.INVALID_VALUE },
    ],
    // the offending value may itself contain "; " and " at "
    [
      'Variable "$input" got invalid value "2025; 01 at \\"x\\"" at "input.validFrom"; Expected type "LocalDate". Ngày không hợp lệ (định dạng YYYY-MM-DD)',
      { field: 'validFrom', code: FieldErrorCode.INVALID_DATE },
    ],
    [
      'Variable "$input" got invalid value { name: "A\'; DROP TABLE unit; --" }; Field "kind" of required type "UnitKind!" was not provided.',
      { field: 'kind', code: FieldErrorCode.REQUIRED },
    ],
  ])('%s', (message, expected) => {
    const out = format(...coercion(message));
    expect(out.message).toBe(message);
    expect(out.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(out.extensions?.fields).toEqual([expect.objectContaining(expected)]);
    expect((out.extensions?.fields as { message: string }[])[0].message).toBeTruthy();
  });

  test('a BAD_USER_INPUT that is not a coercion failure keeps its code and gets no fields', () => {
    const out = format(...coercion('Something else'));
    expect(out.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT });
  });
});

describe('formatError: typed and unexpected errors', () => {
  test('our BAD_USER_INPUT keeps its fields and drops the stack trace', () => {
    const { format } = setup();
    const original = BadUserInputError.field('name', FieldErrorCode.TOO_LONG, 'quá dài');
    const located = new GraphQLError(original.message, { originalError: original, path: ['createUnit'], extensions: original.extensions });
    const formatted = { ...located.toJSON(), extensions: { ...original.extensions, stacktrace: ['at x'] } };
    const out = format(formatted, located);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'name', code: 'TOO_LONG', message: 'quá dài' }] });
    expect(out.path).toEqual(['createUnit']);
  });

  test('CONFLICT passes through', () => {
    const { format } = setup();
    const err = new ConflictError('unit');
    expect(format(err.toJSON(), err).extensions).toEqual({ code: 'CONFLICT', entity: 'unit' });
  });

  test('our validation rules keep BAD_USER_INPUT although Apollo relabels them GRAPHQL_VALIDATION_FAILED', () => {
    const { format } = setup();
    const ours = new GraphQLError('Truy vấn lồng quá sâu (12 > 10)', { extensions: { code: 'BAD_USER_INPUT', reason: 'DEPTH_LIMIT' } });
    const relabelled = new GraphQLError(ours.message, {
      originalError: ours,
      extensions: { ...ours.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const out = format(relabelled.toJSON(), relabelled);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'DEPTH_LIMIT' });
  });

  test('graphql-js validation failures keep their code', () => {
    const { format } = setup();
    const err = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(err.toJSON(), err).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('Nest HTTP exceptions map to our codes', () => {
    const { format } = setup();
    const wrap = (e: Error) => {
      const g = new GraphQLError(e.message, { originalError: e });
      return format(g.toJSON(), g).extensions?.code;
    };
    expect(wrap(new NotFoundException())).toBe('NOT_FOUND');
    expect(wrap(new ConflictException())).toBe('CONFLICT');
    expect(wrap(new BadRequestException())).toBe('BAD_USER_INPUT');
  });

  test('anything unexpected is masked and logged', () => {
    const { format, lines } = setup();
    const boom = new Error('duplicate key value violates unique constraint "unit_code_key"');
    const g = new GraphQLError(boom.message, { originalError: boom });
    const out = format(g.toJSON(), g);
    expect(out.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(out.message).not.toContain('unique constraint');
    expect(lines.join('')).toContain('unit_code_key');
  });

  test('an INTERNAL_SERVER_ERROR code from Apollo is masked too', () => {
    const { format } = setup();
    const g = new GraphQLError('internal detail', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const out = format(g.toJSON(), g);
    expect(out.message).not.toContain('internal detail');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
