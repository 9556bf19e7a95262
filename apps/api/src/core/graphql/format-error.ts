import { ErrorCode, FieldError, FieldErrorCode } from '@canbo/shared';
import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { JsonLogger } from '../logging/json-logger';

const OUR_CODES = new Set<string>(Object.values(ErrorCode));
// The value is printed with JSON-quoted strings, so ` at "` only occurs as the path marker; without a path, the
// reason follows the last "; " (the value itself may contain "; ").
const COERCION = /^Variable "\$(\w+)" got invalid value (?:.*? at "([\w.[\]]+)"; |.*; )(.*)$/s;

function coercionFields(message: string): FieldError[] | undefined {
  const match = COERCION.exec(message);
  if (!match) return undefined;
  const [, variable, at, reason] = match;
  // a missing or unknown field of an input object is reported at the object: name the field itself
  const inner = /^Field "(\w+)" (?:of required type|is not defined by type)/.exec(reason)?.[1];
  const path = [...(at ? at.split('.').slice(1) : []), ...(inner ? [inner] : [])].join('.') || variable;
  let code = FieldErrorCode.INVALID_VALUE;
  let text = 'Giá trị không hợp lệ';
  if (/LocalDate/.test(reason)) {
    code = FieldErrorCode.INVALID_DATE;
    text = 'Ngày không hợp lệ (định dạng YYYY-MM-DD)';
  } else if (/non 32-bit signed integer|cannot represent non-integer/i.test(reason)) {
    code = FieldErrorCode.OUT_OF_RANGE;
    text = 'Số không hợp lệ hoặc quá lớn';
  } else if (/does not exist in .* enum/.test(reason)) {
    text = 'Giá trị không thuộc danh mục cho phép';
  } else if (/of required type|was not provided/.test(reason)) {
    code = FieldErrorCode.REQUIRED;
    text = 'Không được để trống';
  }
  return [{ field: path, code, message: text }];
}

/**
 * Shapes every error leaving the API: our typed errors keep their code and fields; coercion failures of
 * variables become BAD_USER_INPUT naming the field; anything unexpected is logged and masked.
 */
export function createFormatError(logger: JsonLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    // Apollo relabels every validation error GRAPHQL_VALIDATION_FAILED; our own rules (depth limit) keep their code.
    const ownCode = original instanceof GraphQLError ? (original.extensions?.code as string | undefined) : undefined;
    const code =
      formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && ownCode && OUR_CODES.has(ownCode)
        ? ownCode
        : (formatted.extensions?.code as string | undefined);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (code === ErrorCode.BAD_USER_INPUT && !formatted.extensions?.fields) {
      const fields = coercionFields(formatted.message);
      const reason = formatted.extensions?.reason;
      return { ...base, extensions: { code, ...(reason ? { reason } : {}), ...(fields ? { fields } : {}) } };
    }
    if (code && (OUR_CODES.has(code) || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')) {
      if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
        logger.error(original instanceof Error ? original : formatted.message, 'GraphQL');
        return { ...base, message: 'Lỗi hệ thống. Vui lòng thử lại sau.', extensions: { code } };
      }
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    if (original instanceof HttpException) {
      const status = original.getStatus();
      const mapped =
        status === 404 ? ErrorCode.NOT_FOUND : status === 403 ? ErrorCode.FORBIDDEN : status === 401 ? ErrorCode.UNAUTHENTICATED : status === 409 ? ErrorCode.CONFLICT : status < 500 ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL_SERVER_ERROR;
      if (mapped !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...base, extensions: { code: mapped } };
    }
    logger.error(original instanceof Error ? original : formatted.message, 'GraphQL');
    return { ...base, message: 'Lỗi hệ thống. Vui lòng thử lại sau.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
