import { ParseUUIDPipe } from '@nestjs/common';

/** Ids in lookups: a malformed id cannot name a record, so it answers like an unknown one (NOT_FOUND). */
export const idPipe = (notFound: () => Error) => new ParseUUIDPipe({ exceptionFactory: () => notFound() });
