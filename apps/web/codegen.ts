import type { CodegenConfig } from '@graphql-codegen/cli';

const shared = (name: string) => `@canbo/shared#${name}`;

/** Typed GraphQL operations of the SPA, generated from the committed schema file (apps/api/schema.gql). */
export const codegenConfig: CodegenConfig = {
  overwrite: true,
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.graphql'],
  generates: {
    'apps/web/src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: false,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { LocalDate: 'string', DateTime: 'string', JSON: 'unknown' },
        enumValues: {
          UnitKind: shared('UnitKind'),
          AgencyBranch: shared('AgencyBranch'),
          BodyKind: shared('BodyKind'),
          StaffCategory: shared('StaffCategory'),
          EstablishmentItemKind: shared('EstablishmentItemKind'),
          CommitteeKind: shared('CommitteeKind'),
          ProfessionalField: shared('ProfessionalField'),
          TitleLevel: shared('TitleLevel'),
          RecordKind: shared('RecordKind'),
          RuleKey: shared('RuleKey'),
          UnitSortField: shared('UnitSortField'),
          SortDirection: shared('SortDirection'),
          Gender: shared('Gender'),
          PersonStatus: shared('PersonStatus'),
          PersonRecordKind: shared('PersonRecordKind'),
          PersonEntryKind: shared('PersonEntryKind'),
          QualificationLevel: shared('QualificationLevel'),
          PoliticalTheoryLevel: shared('PoliticalTheoryLevel'),
          TrainingKind: shared('TrainingKind'),
          AnnualRating: shared('AnnualRating'),
          AgeBand: shared('AgeBand'),
          FamilyRelation: shared('FamilyRelation'),
          ActorType: shared('ActorType'),
        },
      },
    },
  },
};

export default codegenConfig;
