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

export interface Period {
  id: string;
  value: number;
  validFrom: string;
  validTo: string | null;
}

export interface ChangePlan {
  /** records of current knowledge that this change supersedes */
  supersede: Period[];
  /** records to write, in order: the remainder of a split record, then the new value */
  insert: { value: number; validFrom: string; validTo: string | null; carriedFrom: string | null }[];
  /** the record in force on the effective date before the change, if any */
  covering: Period | null;
}

/** The record of `current` (non-overlapping, current knowledge) in force on `date`. */
export function recordOn(current: Period[], date: string): Period | null {
  return current.find((r) => r.validFrom <= date && (r.validTo === null || r.validTo > date)) ?? null;
}

/**
 * A real change of the value from `date`: the record in force on that date is superseded and re-recorded
 * up to the day before; the new value holds from `date` until that record's end (or the next later record).
 * Nothing is overwritten: superseded records stay, with the time they stopped being the registry's knowledge.
 */
export function planChange(current: Period[], date: string, value: number): ChangePlan {
  const covering = recordOn(current, date);
  if (covering) {
    const insert: ChangePlan['insert'] = [];
    if (covering.validFrom < date) {
      insert.push({ value: covering.value, validFrom: covering.validFrom, validTo: date, carriedFrom: covering.id });
    }
    insert.push({ value, validFrom: date, validTo: covering.validTo, carriedFrom: null });
    return { supersede: [covering], insert, covering };
  }
  const next = current
    .filter((r) => r.validFrom > date)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
  return { supersede: [], insert: [{ value, validFrom: date, validTo: next?.validFrom ?? null, carriedFrom: null }], covering: null };
}
