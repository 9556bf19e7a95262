import { ErrorCode, FieldErrorCode, PERMISSIONS } from '@canbo/shared';
import { AppError, BadUserInputError, NotFoundError } from '../../core/errors/app-errors';

/** The first reference date a report may be asked for (the two-level local government took effect). */
export const REPORT_FIRST_DATE = '2025-07-01';

export const ReportErrors = {
  unitNotFound: (id?: string) => new NotFoundError('đơn vị', id),
  asOfTooEarly: () =>
    BadUserInputError.field('asOf', FieldErrorCode.OUT_OF_RANGE, `Ngày tham chiếu không được trước ngày ${REPORT_FIRST_DATE.split('-').reverse().join('/')}`),
  asOfInFuture: () => BadUserInputError.field('asOf', FieldErrorCode.OUT_OF_RANGE, 'Ngày tham chiếu không được sau ngày hôm nay'),
  unknownMetric: (field: string, id: string) =>
    BadUserInputError.field(field, FieldErrorCode.NOT_FOUND, `Không có chỉ tiêu thống kê "${id}"`),
  notPeople: (id: string) =>
    BadUserInputError.field(
      'metricId',
      FieldErrorCode.INVALID_VALUE,
      `Chỉ tiêu "${id}" không đếm người hay ghế đang có người đảm nhiệm: xem chi tiết theo đơn vị (situationReportByUnit)`,
    ),
  sensitiveDrillDown: () =>
    new AppError(ErrorCode.FORBIDDEN, 'Xem danh sách theo dân tộc cần quyền xem thông tin nhạy cảm', {
      reason: 'MISSING_PERMISSION',
      permission: PERMISSIONS.PERSONNEL_READ_SENSITIVE,
    }),
};
