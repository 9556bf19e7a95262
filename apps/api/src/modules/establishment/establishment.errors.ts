import { FieldErrorCode } from '@canbo/shared';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors/app-errors';

export const EstablishmentErrors = {
  recordNotFound: (id?: string) => new NotFoundError('bản ghi biên chế', id),
  stale: () => new ConflictError('establishment'),
  unchanged: () => BadUserInputError.field('value', FieldErrorCode.INVALID_VALUE, 'Giá trị mới trùng với giá trị hiện có'),
  bodyOfOtherUnit: () => BadUserInputError.field('bodyId', FieldErrorCode.NOT_FOUND, 'Tổ chức không thuộc đơn vị này'),
  beforeUnit: () =>
    BadUserInputError.field('effectiveFrom', FieldErrorCode.PERIOD_ORDER, 'Ngày hiệu lực trước ngày thành lập đơn vị'),
  afterUnit: () =>
    BadUserInputError.field('effectiveFrom', FieldErrorCode.PERIOD_ORDER, 'Ngày hiệu lực sau ngày đơn vị chấm dứt'),
  termOrder: () =>
    BadUserInputError.field('term', FieldErrorCode.INVALID_VALUE, 'Nhiệm kỳ phải có dạng YYYY-YYYY, năm sau lớn hơn năm trước'),
};
