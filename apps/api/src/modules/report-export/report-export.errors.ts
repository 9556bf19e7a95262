import { FieldErrorCode } from '@canbo/shared';
import { BadUserInputError } from '../../core/errors/app-errors';

/**
 * Errors of the report files' query parameters (plain HTTP: the exception filter answers them with their status and
 * JSON body). The reference date's range and the unit's scope are checked by ReportService, as for GraphQL.
 */
export const ReportExportErrors = {
  asOfNotText: () => BadUserInputError.field('asOf', FieldErrorCode.INVALID_DATE, 'Tham số asOf chỉ được có một giá trị'),
  asOfInvalid: () => BadUserInputError.field('asOf', FieldErrorCode.INVALID_DATE, 'Ngày tham chiếu không hợp lệ (định dạng YYYY-MM-DD)'),
  unitIdNotText: () => BadUserInputError.field('unitId', FieldErrorCode.INVALID_VALUE, 'Tham số unitId chỉ được có một giá trị'),
  unitIdInvalid: () => BadUserInputError.field('unitId', FieldErrorCode.INVALID_VALUE, 'Mã đơn vị không hợp lệ'),
};
