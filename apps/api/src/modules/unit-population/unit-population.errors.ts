import { FieldErrorCode } from '@canbo/shared';
import { BadUserInputError, NotFoundError } from '../../core/errors/app-errors';

export const UnitPopulationErrors = {
  unitNotFound: (id?: string) => new NotFoundError('đơn vị', id),
  notAfterPrevious: () =>
    BadUserInputError.field('validFrom', FieldErrorCode.PERIOD_ORDER, 'Ngày áp dụng phải sau ngày của số liệu dân số đang có'),
};
