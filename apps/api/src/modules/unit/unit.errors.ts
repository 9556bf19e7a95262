import { FieldErrorCode } from '@canbo/shared';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors/app-errors';

export const UnitErrors = {
  notFound: (id?: string) => new NotFoundError('đơn vị', id),
  bodyNotFound: (id?: string) => new NotFoundError('tổ chức', id),
  stale: () => new ConflictError('unit'),
  staleBody: () => new ConflictError('body'),
  unknownUnit: (field: string) => BadUserInputError.field(field, FieldErrorCode.NOT_FOUND, 'Đơn vị không tồn tại'),
  duplicateCode: () => BadUserInputError.field('code', FieldErrorCode.DUPLICATE, 'Mã đơn vị đã được dùng'),
  duplicateName: () =>
    BadUserInputError.field('name', FieldErrorCode.DUPLICATE, 'Đã có đơn vị cùng tên trong cùng thời gian hiệu lực'),
  periodOrder: (field = 'validTo') =>
    BadUserInputError.field(field, FieldErrorCode.PERIOD_ORDER, 'Ngày kết thúc phải sau ngày bắt đầu'),
  selfSuccession: () =>
    BadUserInputError.field('successorId', FieldErrorCode.INVALID_VALUE, 'Đơn vị kế thừa phải khác đơn vị cũ'),
  successionDate: () =>
    BadUserInputError.field('effectiveDate', FieldErrorCode.PERIOD_ORDER, 'Ngày kế thừa phải sau ngày thành lập đơn vị cũ'),
  duplicateSuccession: () =>
    BadUserInputError.field('successorId', FieldErrorCode.DUPLICATE, 'Quan hệ kế thừa này đã được ghi nhận'),
  parentKind: () =>
    BadUserInputError.field('parentId', FieldErrorCode.INVALID_VALUE, 'Đơn vị cấp trên phải là một tỉnh'),
  branchOnlyForAgency: () =>
    BadUserInputError.field('branch', FieldErrorCode.INVALID_VALUE, 'Chỉ cơ quan cấp tỉnh mới thuộc khối'),
};
