import * as enums from './enums';
import {
  AGE_BAND_LABELS,
  FAMILY_RELATION_LABELS,
  ANNUAL_RATING_LABELS,
  PERSON_ENTRY_KIND_LABELS,
  PERSON_RECORD_KIND_LABELS,
  POLITICAL_THEORY_LEVEL_LABELS,
  QUALIFICATION_LEVEL_LABELS,
  TRAINING_KIND_LABELS,
  AGENCY_BRANCH_LABELS,
  BODY_KIND_LABELS,
  COMMITTEE_KIND_LABELS,
  ESTABLISHMENT_ITEM_KIND_LABELS,
  GENDER_LABELS,
  label,
  PERSON_STATUS_LABELS,
  PROFESSIONAL_FIELD_LABELS,
  RECORD_KIND_LABELS,
  STAFF_CATEGORY_LABELS,
  TITLE_LEVEL_LABELS,
  UNIT_KIND_LABELS,
} from './labels';

const cases: [string, Record<string, string>, Record<string, { vi: string; en: string }>][] = [
  ['UnitKind', enums.UnitKind, UNIT_KIND_LABELS],
  ['AgencyBranch', enums.AgencyBranch, AGENCY_BRANCH_LABELS],
  ['BodyKind', enums.BodyKind, BODY_KIND_LABELS],
  ['StaffCategory', enums.StaffCategory, STAFF_CATEGORY_LABELS],
  ['EstablishmentItemKind', enums.EstablishmentItemKind, ESTABLISHMENT_ITEM_KIND_LABELS],
  ['CommitteeKind', enums.CommitteeKind, COMMITTEE_KIND_LABELS],
  ['ProfessionalField', enums.ProfessionalField, PROFESSIONAL_FIELD_LABELS],
  ['TitleLevel', enums.TitleLevel, TITLE_LEVEL_LABELS],
  ['RecordKind', enums.RecordKind, RECORD_KIND_LABELS],
  ['Gender', enums.Gender, GENDER_LABELS],
  ['PersonStatus', enums.PersonStatus, PERSON_STATUS_LABELS],
  ['PersonRecordKind', enums.PersonRecordKind, PERSON_RECORD_KIND_LABELS],
  ['QualificationLevel', enums.QualificationLevel, QUALIFICATION_LEVEL_LABELS],
  ['PoliticalTheoryLevel', enums.PoliticalTheoryLevel, POLITICAL_THEORY_LEVEL_LABELS],
  ['PersonEntryKind', enums.PersonEntryKind, PERSON_ENTRY_KIND_LABELS],
  ['TrainingKind', enums.TrainingKind, TRAINING_KIND_LABELS],
  ['AnnualRating', enums.AnnualRating, ANNUAL_RATING_LABELS],
  ['AgeBand', enums.AgeBand, AGE_BAND_LABELS],
  ['FamilyRelation', enums.FamilyRelation, FAMILY_RELATION_LABELS],
];

describe.each(cases)('%s labels', (_name, values, labels) => {
  test('every value has both labels and there are no extra labels', () => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    for (const v of Object.values(values)) {
      expect(labels[v].vi.trim()).not.toBe('');
      expect(labels[v].en.trim()).not.toBe('');
    }
  });
});

test('label() picks the locale (vi by default) and falls back to the value', () => {
  expect(label(UNIT_KIND_LABELS, enums.UnitKind.WARD)).toBe('Phường');
  expect(label(UNIT_KIND_LABELS, enums.UnitKind.WARD, 'en')).toBe('Ward');
  expect(label(UNIT_KIND_LABELS, 'HAMLET' as enums.UnitKind)).toBe('HAMLET');
});

test('COMMUNE_LEVEL_KINDS are the three commune-level kinds', () => {
  expect([...enums.COMMUNE_LEVEL_KINDS].sort()).toEqual(['COMMUNE', 'SPECIAL_ZONE', 'WARD']);
});
