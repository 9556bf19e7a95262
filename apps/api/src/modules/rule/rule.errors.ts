import { FieldErrorCode } from '@canbo/shared';
import { BadUserInputError, NotFoundError } from '../../core/errors/app-errors';

export const RuleErrors = {
  notFound: (key: string) => new NotFoundError('tham số quy định', key),
  invalidValue: (message: string) => BadUserInputError.field('value', FieldErrorCode.INVALID_VALUE, message),
  notAfterPrevious: () =>
    BadUserInputError.field('validFrom', FieldErrorCode.PERIOD_ORDER, 'Ngày hiệu lực phải sau phiên bản đang có hiệu lực'),
};
