import { ErrorCode, FieldError, FieldErrorCode } from '@canbo/shared';
import { GraphQLError } from 'graphql';

/**
 * Typed application errors. Each maps to a GraphQL error with `extensions.code`; BAD_USER_INPUT also carries
 * `extensions.fields` ([{ field, code, message }]) so clients can show the message next to the field.
 */
export class AppError extends GraphQLError {
  /** On plain HTTP routes: the status to answer instead of the code's usual one (e.g. 413 for a file too large) */
  httpStatus?: number;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }

  withHttpStatus(status: number): this {
    this.httpStatus = status;
    return this;
  }
}

export class BadUserInputError extends AppError {
  readonly fields: FieldError[];
  constructor(fields: FieldError[]) {
    super(ErrorCode.BAD_USER_INPUT, fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'Dữ liệu không hợp lệ', {
      fields,
    });
    this.fields = fields;
  }

  static field(field: string, code: FieldErrorCode, message: string): BadUserInputError {
    return new BadUserInputError([{ field, code, message }]);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id?: string) {
    super(ErrorCode.NOT_FOUND, `Không tìm thấy ${entity}`, { entity, ...(id ? { id } : {}) });
  }
}

export class ConflictError extends AppError {
  constructor(entity: string, message = 'Dữ liệu đã được người khác thay đổi. Hãy tải lại và thực hiện lại thao tác.') {
    super(ErrorCode.CONFLICT, message, { entity });
  }
}
