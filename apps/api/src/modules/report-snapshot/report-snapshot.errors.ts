import { ErrorCode, FieldErrorCode } from '@canbo/shared';
import { AppError, BadUserInputError, NotFoundError } from '../../core/errors/app-errors';

export const ReportSnapshotErrors = {
  notFound: (id?: string) => new NotFoundError('bản chốt số liệu', id),
  unitNotInSnapshot: (id: string) => new NotFoundError('đơn vị trong bản chốt số liệu', id),
  chooseUnit: () => BadUserInputError.field('unitId', FieldErrorCode.REQUIRED, 'Chọn một đơn vị để xem bản chốt số liệu'),
  partialScope: () =>
    new AppError(ErrorCode.FORBIDDEN, 'Bản chốt số liệu gồm mọi loại cán bộ của đơn vị: phạm vi của bạn chỉ gồm một số loại', {
      reason: 'PARTIAL_SCOPE',
    }),
  yearlyExists: (year: number) =>
    BadUserInputError.field('asOf', FieldErrorCode.DUPLICATE, `Số liệu năm ${year} đã được chốt`),
};
