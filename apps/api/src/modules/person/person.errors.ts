import { BIRTH_DATE_PROBLEM_MESSAGES, BirthDateProblem, ErrorCode, FieldErrorCode, PERMISSIONS } from '@canbo/shared';
import { AppError, BadUserInputError, ConflictError, NotFoundError } from '../../core/errors/app-errors';

export const PersonErrors = {
  notFound: (id?: string) => new NotFoundError('hồ sơ', id),
  recordNotFound: (id?: string) => new NotFoundError('bản ghi công tác', id),
  stale: () => new ConflictError('person'),
  staleAssignment: () => new ConflictError('personAssignment'),
  duplicateNationalId: () =>
    BadUserInputError.field('nationalId', FieldErrorCode.DUPLICATE, 'Số định danh cá nhân đã có trong hồ sơ khác'),
  birthDate: (problem: BirthDateProblem) =>
    BadUserInputError.field(
      'birthDate',
      problem === BirthDateProblem.IN_FUTURE ? FieldErrorCode.INVALID_DATE : FieldErrorCode.OUT_OF_RANGE,
      BIRTH_DATE_PROBLEM_MESSAGES[problem].vi,
    ),
  partyDate: (field: string, message: string) => BadUserInputError.field(field, FieldErrorCode.PERIOD_ORDER, message),
  reasonRequired: () => BadUserInputError.field('reason', FieldErrorCode.REQUIRED, 'Phải nêu lý do đính chính'),
  bodyOfOtherUnit: () => BadUserInputError.field('bodyId', FieldErrorCode.NOT_FOUND, 'Tổ chức không thuộc đơn vị này'),
  beforeUnit: (field: string) =>
    BadUserInputError.field(field, FieldErrorCode.PERIOD_ORDER, 'Ngày hiệu lực trước ngày thành lập đơn vị'),
  afterUnit: (field: string) =>
    BadUserInputError.field(field, FieldErrorCode.PERIOD_ORDER, 'Ngày hiệu lực sau ngày đơn vị chấm dứt'),
  unknownHost: () => BadUserInputError.field('secondedToUnitId', FieldErrorCode.NOT_FOUND, 'Đơn vị nhận biệt phái không tồn tại'),
  hostIsHome: () =>
    BadUserInputError.field('secondedToUnitId', FieldErrorCode.INVALID_VALUE, 'Đơn vị nhận biệt phái phải khác đơn vị công tác'),
  unchanged: () => BadUserInputError.field('unitId', FieldErrorCode.INVALID_VALUE, 'Thông tin công tác mới trùng với hiện có'),
  sensitiveWrite: (field: string) =>
    new AppError(ErrorCode.FORBIDDEN, 'Sửa thông tin nhạy cảm cần quyền xem thông tin nhạy cảm', {
      reason: 'MISSING_PERMISSION',
      permission: PERMISSIONS.PERSONNEL_READ_SENSITIVE,
      field,
    }),
  sensitiveFilter: () =>
    new AppError(ErrorCode.FORBIDDEN, 'Tìm theo số định danh hoặc lọc theo dân tộc cần quyền xem thông tin nhạy cảm', {
      reason: 'MISSING_PERMISSION',
      permission: PERMISSIONS.PERSONNEL_READ_SENSITIVE,
    }),
};
