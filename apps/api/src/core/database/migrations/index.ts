import { OrganisationRegistry1764316800000 } from './1764316800000-OrganisationRegistry';

/** Every migration, in order. New migrations are appended here (timestamped file names). */
export const MIGRATIONS = [OrganisationRegistry1764316800000];
