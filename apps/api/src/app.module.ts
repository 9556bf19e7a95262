import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from './config';
import { ConfigModule } from './core/config.module';
import { dataSourceOptions } from './core/database/data-source';
import { createFormatError } from './core/graphql/format-error';
import { complexityLimitPlugin, depthLimitRule } from './core/graphql/limits';
import { operationLoggingPlugin } from './core/graphql/logging.plugin';
import { GraphQLPassThroughFilter } from './core/graphql/pass-through.filter';
import { HealthController } from './core/health/health.controller';
import { JsonLogger } from './core/logging/json-logger';
import { createValidationPipe } from './core/validation/validation';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { EstablishmentModule } from './modules/establishment/establishment.module';
import { MetricModule } from './modules/metric/metric.module';
import { PersonModule } from './modules/person/person.module';
import { PersonExportModule } from './modules/person-export/person-export.module';
import { PersonImportModule } from './modules/person-import/person-import.module';
import { ReportModule } from './modules/report/report.module';
import { ReportSnapshotModule } from './modules/report-snapshot/report-snapshot.module';
import { TargetModule } from './modules/target/target.module';
import { ReportExportModule } from './modules/report-export/report-export.module';
import { RuleModule } from './modules/rule/rule.module';
import { TitleModule } from './modules/title/title.module';
import { UnitModule } from './modules/unit/unit.module';
import { UnitPopulationModule } from './modules/unit-population/unit-population.module';

export const FEATURE_MODULES = [AuditModule, AuthModule, UnitModule, RuleModule, TitleModule, EstablishmentModule, PersonModule, MetricModule, ReportModule, ReportExportModule, TargetModule, ReportSnapshotModule, UnitPopulationModule, PersonExportModule, PersonImportModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: JsonLogger): DynamicModule {
    let schemaHost: GraphQLSchemaHost | undefined;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.dbPoolSize)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [GraphQLSchemaHost],
          useFactory: (host: GraphQLSchemaHost) => {
            schemaHost = host;
            return {
              autoSchemaFile: true,
              sortSchema: true,
              path: '/graphql',
              context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
              introspection: !config.production,
              playground: false,
              csrfPrevention: true,
              includeStacktraceInErrorResponses: false,
              validationRules: [depthLimitRule(config.graphqlMaxDepth)],
              formatError: createFormatError(logger),
              plugins: [
                ...(config.production ? [] : [ApolloServerPluginLandingPageLocalDefault({ embed: true })]),
                complexityLimitPlugin(() => schemaHost!.schema, config.graphqlMaxComplexity),
                operationLoggingPlugin(logger),
              ],
            };
          },
        }),
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLPassThroughFilter },
      ],
    };
  }
}
