import { OrganisationRegistry1764316800000 } from './1764316800000-OrganisationRegistry';
import { AuthAndAudit1764403200000 } from './1764403200000-AuthAndAudit';
import { PersonalFile1764489600000 } from './1764489600000-PersonalFile';

/** Every migration, in order. New migrations are appended here (timestamped file names). */
export const MIGRATIONS = [OrganisationRegistry1764316800000, AuthAndAudit1764403200000, PersonalFile1764489600000];
