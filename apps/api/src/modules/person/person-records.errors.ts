import { FieldErrorCode } from '@canbo/shared';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors/app-errors';

export const PersonRecordErrors = {
  recordNotFound: (id?: string) => new NotFoundError('bản ghi hồ sơ', id),
  entryNotFound: (id?: string) => new NotFoundError('mục hồ sơ', id),
  staleRecord: () => new ConflictError('personRecord'),
  staleEntry: () => new ConflictError('personEntry'),
  required: (field: string, what: string) => BadUserInputError.field(field, FieldErrorCode.REQUIRED, `Phải nhập ${what}`),
  unknownTitle: () => BadUserInputError.field('titleId', FieldErrorCode.NOT_FOUND, 'Chức danh không có trong danh mục'),
  titleNotInUnit: () =>
    BadUserInputError.field('titleId', FieldErrorCode.NOT_FOUND, 'Đơn vị không có chức danh này trong định suất vào ngày hiệu lực'),
  seatsFull: (message: string) => BadUserInputError.field('titleId', FieldErrorCode.OUT_OF_RANGE, message),
  overlap: (field = 'validFrom') =>
    BadUserInputError.field(field, FieldErrorCode.PERIOD_ORDER, 'Thời gian trùng với một bản ghi cùng loại đã có của người này'),
  periodOrder: (field: string) => BadUserInputError.field(field, FieldErrorCode.PERIOD_ORDER, 'Ngày kết thúc phải sau ngày bắt đầu'),
  termOrder: () => BadUserInputError.field('term', FieldErrorCode.PERIOD_ORDER, 'Năm cuối nhiệm kỳ phải sau năm đầu'),
  outsidePeriod: (field: string) =>
    BadUserInputError.field(field, FieldErrorCode.PERIOD_ORDER, 'Ngày hiệu lực phải nằm trong thời gian của bản ghi'),
  unchanged: () => BadUserInputError.field('recordId', FieldErrorCode.INVALID_VALUE, 'Nội dung mới trùng với bản ghi hiện có'),
  inFuture: (field: string) => BadUserInputError.field(field, FieldErrorCode.INVALID_DATE, 'Ngày không được ở tương lai'),
  yearInFuture: (message = 'Năm xếp loại chưa đến') => BadUserInputError.field('year', FieldErrorCode.OUT_OF_RANGE, message),
  duplicateRating: () => BadUserInputError.field('year', FieldErrorCode.DUPLICATE, 'Năm này đã có xếp loại; hãy đính chính xếp loại đã có'),
  overrideReason: () => BadUserInputError.field('reason', FieldErrorCode.REQUIRED, 'Phải nêu lý do khi xác định thủ công người địa phương'),
};
