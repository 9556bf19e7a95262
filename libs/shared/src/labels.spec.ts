import * as enums from './enums';
import {
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
