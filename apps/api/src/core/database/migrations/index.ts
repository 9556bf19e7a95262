import { OrganisationRegistry1764316800000 } from './1764316800000-OrganisationRegistry';
import { AuthAndAudit1764403200000 } from './1764403200000-AuthAndAudit';
import { PersonalFile1764489600000 } from './1764489600000-PersonalFile';
import { PersonRecords1764576000000 } from './1764576000000-PersonRecords';
import { PartyAndFamily1764662400000 } from './1764662400000-PartyAndFamily';
import { PersonSearchIndex1764748800000 } from './1764748800000-PersonSearchIndex';
import { UnitPopulation1764835200000 } from './1764835200000-UnitPopulation';
import { ImportJobs1764921600000 } from './1764921600000-ImportJobs';
import { TargetsAndSnapshots1765094400000 } from './1765094400000-TargetsAndSnapshots';
import { ReportIndexes1765180800000 } from './1765180800000-ReportIndexes';

/** Every migration, in order. New migrations are appended here (timestamped file names). */
export const MIGRATIONS = [
  OrganisationRegistry1764316800000,
  AuthAndAudit1764403200000,
  PersonalFile1764489600000,
  PersonRecords1764576000000,
  PartyAndFamily1764662400000,
  PersonSearchIndex1764748800000,
  UnitPopulation1764835200000,
  ImportJobs1764921600000,
  TargetsAndSnapshots1765094400000,
  ReportIndexes1765180800000,
];
