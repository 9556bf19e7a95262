import { FieldErrorCode } from '@canbo/shared';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors/app-errors';

export const TitleErrors = {
  notFound: (id?: string) => new NotFoundError('chức danh', id),
  stale: () => new ConflictError('title'),
  duplicateCode: () => BadUserInputError.field('code', FieldErrorCode.DUPLICATE, 'Mã chức danh đã được dùng'),
  unknownTitle: (field = 'titleId') => BadUserInputError.field(field, FieldErrorCode.NOT_FOUND, 'Chức danh không tồn tại'),
};
