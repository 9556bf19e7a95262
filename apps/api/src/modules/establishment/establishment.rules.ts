import { EstablishmentItemKind } from '@canbo/shared';

/** Pure rules of the bitemporal establishment, unit-tested without a database. */

export interface ItemIdentity {
  bodyId?: string | null;
  itemKind: EstablishmentItemKind;
  staffCategory?: string | null;
  committee?: string | null;
  term?: string | null;
  titleId?: string | null;
  field?: string | null;
}

/** The identity of an establishment item inside its unit: body, kind and the kind's key. */
export function itemKey(item: ItemIdentity): string {
  const body = item.bodyId ?? '-';
  switch (item.itemKind) {
    case EstablishmentItemKind.HEADCOUNT:
      return `${body}:HEADCOUNT:${item.staffCategory}`;
    case EstablishmentItemKind.COMMITTEE_SEATS:
      return `${body}:COMMITTEE_SEATS:${item.committee}:${item.term}`;
    case EstablishmentItemKind.TITLE_SEATS:
      return `${body}:TITLE_SEATS:${item.titleId}`;
    case EstablishmentItemKind.SPECIALISTS:
      return `${body}:SPECIALISTS:${item.field}`;
  }
}

/** Which discriminator each kind needs; the others must be empty. */
export const ITEM_FIELDS: Record<EstablishmentItemKind, (keyof ItemIdentity)[]> = {
  [EstablishmentItemKind.HEADCOUNT]: ['staffCategory'],
  [EstablishmentItemKind.COMMITTEE_SEATS]: ['committee', 'term'],
  [EstablishmentItemKind.TITLE_SEATS]: ['titleId'],
  [EstablishmentItemKind.SPECIALISTS]: ['field'],
};
const DISCRIMINATORS: (keyof ItemIdentity)[] = ['staffCategory', 'committee', 'term', 'titleId', 'field'];

/** Returns [field, 'required' | 'not_allowed'] problems of an item's shape. */
export function shapeProblems(item: ItemIdentity): [keyof ItemIdentity, 'required' | 'not_allowed'][] {
  const needed = ITEM_FIELDS[item.itemKind];
  const problems: [keyof ItemIdentity, 'required' | 'not_allowed'][] = [];
  for (const f of DISCRIMINATORS) {
    const present = item[f] !== undefined && item[f] !== null && item[f] !== '';
    if (needed.includes(f) && !present) problems.push([f, 'required']);
    if (!needed.includes(f) && present) problems.push([f, 'not_allowed']);
  }
  return problems;
}
