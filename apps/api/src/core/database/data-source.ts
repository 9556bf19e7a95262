import { DataSource, DataSourceOptions } from 'typeorm';
import { BodyEntity } from '../../modules/unit/body.entity';
import { UnitSuccessionEntity } from '../../modules/unit/unit-succession.entity';
import { UnitEntity } from '../../modules/unit/unit.entity';
import { EstablishmentRecordEntity } from '../../modules/establishment/establishment.entity';
import { TitleEntity } from '../../modules/title/title.entity';
import { RuleSettingEntity } from '../../modules/rule/rule-setting.entity';
import { AuditEntryEntity } from '../../modules/audit/audit.entity';
import { RefreshTokenEntity } from '../../modules/auth/refresh-token.entity';
import { RoleAssignmentEntity } from '../../modules/auth/role-assignment.entity';
import { RoleEntity } from '../../modules/auth/role.entity';
import { ServiceAccountEntity } from '../../modules/auth/service-account.entity';
import { UserEntity } from '../../modules/auth/user.entity';
import { PersonAssignmentEntity, PersonEntity, PersonRevisionEntity } from '../../modules/person/person.entity';
import { PersonEntryEntity, PersonRecordEntity } from '../../modules/person/person-record.entity';
import { ImportJobEntity } from '../../modules/person-import/import-job.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  UnitEntity,
  UnitSuccessionEntity,
  BodyEntity,
  TitleEntity,
  RuleSettingEntity,
  EstablishmentRecordEntity,
  UserEntity,
  RoleEntity,
  RoleAssignmentEntity,
  ServiceAccountEntity,
  RefreshTokenEntity,
  AuditEntryEntity,
  PersonEntity,
  PersonRevisionEntity,
  PersonAssignmentEntity,
  PersonRecordEntity,
  PersonEntryEntity,
  ImportJobEntity,
];

/** TypeORM options: schema by migrations only, never synchronize. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    // The working set of a province (about 50,000 people) stays in memory: random reads cost about what sequential
    // ones do, and the planner should know it (PostgreSQL's default of 4 assumes spinning disks).
    extra: { max: poolSize, application_name: 'canbo-api', options: `-c random_page_cost=${process.env.PG_RANDOM_PAGE_COST || '1.1'}` },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}

const MIGRATION_LOCK = 7_310_402_025;

/** Runs pending migrations under an advisory lock, so several replicas may start at once. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await ds.destroy();
  }
}
