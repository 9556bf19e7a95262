import { ErrorCode, FieldErrorCode, LIMITS } from '@canbo/shared';
import { AppError, BadUserInputError } from '../../core/errors/app-errors';

/** The longest `filter` query parameter accepted (a PersonFilter as JSON is a few hundred characters). */
export const FILTER_PARAM_MAX_LENGTH = 4000;

/** Errors of the export routes (plain HTTP: the exception filter answers them with their status and JSON body). */
export const PersonExportErrors = {
  filterNotText: () => BadUserInputError.field('filter', FieldErrorCode.INVALID_VALUE, 'Tham số filter chỉ được có một giá trị'),
  filterTooLong: () =>
    BadUserInputError.field('filter', FieldErrorCode.TOO_LONG, `Bộ lọc không được dài quá ${FILTER_PARAM_MAX_LENGTH} ký tự`),
  filterNotJson: () =>
    BadUserInputError.field('filter', FieldErrorCode.INVALID_VALUE, 'Bộ lọc phải là một đối tượng JSON, ví dụ {"unitId":"…","gender":"FEMALE"}'),
  unknownFilterField: (field: string) =>
    BadUserInputError.field(`filter.${field}`, FieldErrorCode.INVALID_VALUE, `Bộ lọc không có trường "${field}"`),
  asOfNotText: () => BadUserInputError.field('asOf', FieldErrorCode.INVALID_DATE, 'Tham số asOf chỉ được có một giá trị'),
  asOfInvalid: () => BadUserInputError.field('asOf', FieldErrorCode.INVALID_DATE, 'Ngày không hợp lệ (định dạng YYYY-MM-DD)'),
  asOfOutOfRange: () =>
    BadUserInputError.field('asOf', FieldErrorCode.OUT_OF_RANGE, `Ngày phải trong khoảng ${LIMITS.dateMin} đến ${LIMITS.dateMax}`),
  invalidPersonId: () => BadUserInputError.field('id', FieldErrorCode.INVALID_VALUE, 'Mã hồ sơ không hợp lệ'),
  busy: (retryAfter: number) =>
    new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Máy chủ đang xuất nhiều danh sách cùng lúc. Hãy thử lại sau ít phút.', {
      reason: 'EXPORTS_BUSY',
      retryAfter,
    }),
};
