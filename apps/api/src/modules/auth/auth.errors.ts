import { ErrorCode, FieldErrorCode } from '@canbo/shared';
import { AppError, BadUserInputError, ConflictError, NotFoundError } from '../../core/errors/app-errors';

export const AuthErrors = {
  signInFailed: () => new AppError(ErrorCode.UNAUTHENTICATED, 'Sai tên đăng nhập hoặc mật khẩu', { reason: 'BAD_CREDENTIALS' }),
  locked: (until: Date) =>
    new AppError(ErrorCode.UNAUTHENTICATED, 'Tài khoản đang tạm khóa do đăng nhập sai nhiều lần', {
      reason: 'ACCOUNT_LOCKED',
      lockedUntil: until.toISOString(),
    }),
  throttled: (retryAfterSeconds: number) =>
    new AppError(ErrorCode.TOO_MANY_REQUESTS, `Đăng nhập sai quá nhiều lần từ địa chỉ này. Thử lại sau ${retryAfterSeconds} giây.`, {
      reason: 'ADDRESS_THROTTLED',
      retryAfter: retryAfterSeconds,
    }),
  unauthenticated: (reason = 'NO_CREDENTIALS') =>
    new AppError(ErrorCode.UNAUTHENTICATED, 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.', { reason }),
  forbidden: (permission: string) =>
    new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền thực hiện thao tác này', { reason: 'MISSING_PERMISSION', permission }),
  passwordChangeRequired: () =>
    new AppError(ErrorCode.FORBIDDEN, 'Bạn cần đổi mật khẩu trước khi tiếp tục', { reason: 'PASSWORD_CHANGE_REQUIRED' }),
  wrongCurrentPassword: () =>
    BadUserInputError.field('currentPassword', FieldErrorCode.INVALID_VALUE, 'Mật khẩu hiện tại không đúng'),
  weakPassword: (field: string, message: string) => BadUserInputError.field(field, FieldErrorCode.INVALID_VALUE, message),
  samePassword: () => BadUserInputError.field('newPassword', FieldErrorCode.INVALID_VALUE, 'Mật khẩu mới phải khác mật khẩu hiện tại'),
  userNotFound: (id?: string) => new NotFoundError('người dùng', id),
  roleNotFound: (id?: string) => new NotFoundError('vai trò', id),
  assignmentNotFound: (id?: string) => new NotFoundError('phân quyền', id),
  serviceAccountNotFound: (id?: string) => new NotFoundError('tài khoản tích hợp', id),
  staleUser: () => new ConflictError('user'),
  staleRole: () => new ConflictError('role'),
  duplicateUsername: () => BadUserInputError.field('username', FieldErrorCode.DUPLICATE, 'Tên đăng nhập đã được dùng'),
  duplicateRoleCode: () => BadUserInputError.field('code', FieldErrorCode.DUPLICATE, 'Mã vai trò đã được dùng'),
  duplicateServiceName: () => BadUserInputError.field('name', FieldErrorCode.DUPLICATE, 'Tên tài khoản tích hợp đã được dùng'),
  unknownPermission: (p: string) =>
    BadUserInputError.field('permissions', FieldErrorCode.INVALID_VALUE, `Quyền không tồn tại trong danh mục: ${p}`),
  unknownUnit: () => BadUserInputError.field('unitIds', FieldErrorCode.NOT_FOUND, 'Có đơn vị không tồn tại'),
  unknownHomeUnit: () => BadUserInputError.field('homeUnitId', FieldErrorCode.NOT_FOUND, 'Đơn vị không tồn tại'),
  scopeNeedsUnits: () =>
    BadUserInputError.field('unitIds', FieldErrorCode.REQUIRED, 'Chọn ít nhất một đơn vị, hoặc toàn tỉnh'),
  onePrincipal: () =>
    BadUserInputError.field('userId', FieldErrorCode.INVALID_VALUE, 'Chọn đúng một người dùng hoặc một tài khoản tích hợp'),
  lastAdmin: (field = 'id') =>
    BadUserInputError.field(field, FieldErrorCode.INVALID_VALUE, 'Không thể bỏ quyền quản trị cuối cùng của chính bạn'),
  roleInUse: () => BadUserInputError.field('id', FieldErrorCode.INVALID_VALUE, 'Vai trò đang được phân cho người dùng, không thể xóa'),
  expiryInPast: () => BadUserInputError.field('expiresAt', FieldErrorCode.PERIOD_ORDER, 'Ngày hết hạn phải ở tương lai'),
};
