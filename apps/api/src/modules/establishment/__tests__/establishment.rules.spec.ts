import { EstablishmentItemKind } from '@canbo/shared';
import { ITEM_FIELDS, itemKey, shapeProblems } from '../establishment.rules';

describe('itemKey', () => {
  test('encodes body, kind and the kind’s key', () => {
    expect(itemKey({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CADRE' })).toBe('-:HEADCOUNT:CADRE');
    expect(itemKey({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CADRE', bodyId: null })).toBe('-:HEADCOUNT:CADRE');
    expect(itemKey({ itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: 'EXECUTIVE', term: '2025-2030', bodyId: 'b1' })).toBe(
      'b1:COMMITTEE_SEATS:EXECUTIVE:2025-2030',
    );
    expect(itemKey({ itemKind: EstablishmentItemKind.TITLE_SEATS, titleId: 't1', bodyId: 'b2' })).toBe('b2:TITLE_SEATS:t1');
    expect(itemKey({ itemKind: EstablishmentItemKind.SPECIALISTS, field: 'LAND_MANAGEMENT' })).toBe('-:SPECIALISTS:LAND_MANAGEMENT');
  });

  test('distinct items get distinct keys', () => {
    const keys = [
      itemKey({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CADRE' }),
      itemKey({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CIVIL_SERVANT' }),
      itemKey({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CADRE', bodyId: 'b1' }),
      itemKey({ itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: 'EXECUTIVE', term: '2025-2030' }),
      itemKey({ itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: 'EXECUTIVE', term: '2030-2035' }),
      itemKey({ itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: 'STANDING', term: '2025-2030' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('keys of a 36-character body id and title id fit the 120-character column', () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    expect(itemKey({ itemKind: EstablishmentItemKind.TITLE_SEATS, titleId: uuid, bodyId: uuid }).length).toBeLessThanOrEqual(120);
  });
});

describe('shapeProblems', () => {
  test('a well-formed item of each kind has no problems', () => {
    expect(shapeProblems({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CADRE' })).toEqual([]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: 'STANDING', term: '2025-2030' })).toEqual([]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.TITLE_SEATS, titleId: 't' })).toEqual([]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.SPECIALISTS, field: 'PLANNING' })).toEqual([]);
  });

  test('a missing discriminator is required (null, undefined and empty all count as missing)', () => {
    expect(shapeProblems({ itemKind: EstablishmentItemKind.HEADCOUNT })).toEqual([['staffCategory', 'required']]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: null })).toEqual([['staffCategory', 'required']]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.TITLE_SEATS, titleId: '' })).toEqual([['titleId', 'required']]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee: 'EXECUTIVE' })).toEqual([['term', 'required']]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.COMMITTEE_SEATS })).toEqual([
      ['committee', 'required'],
      ['term', 'required'],
    ]);
  });

  test('a discriminator of another kind is not allowed', () => {
    expect(shapeProblems({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CADRE', field: 'PLANNING' })).toEqual([
      ['field', 'not_allowed'],
    ]);
    expect(shapeProblems({ itemKind: EstablishmentItemKind.SPECIALISTS, titleId: 't' })).toEqual([
      ['titleId', 'not_allowed'],
      ['field', 'required'],
    ]);
  });

  test('bodyId is never a shape problem', () => {
    expect(shapeProblems({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory: 'CADRE', bodyId: 'b' })).toEqual([]);
  });

  test('ITEM_FIELDS names a discriminator for every kind', () => {
    for (const kind of Object.values(EstablishmentItemKind)) expect(ITEM_FIELDS[kind].length).toBeGreaterThan(0);
  });
});
