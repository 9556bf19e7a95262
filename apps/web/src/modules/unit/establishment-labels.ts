import {
  COMMITTEE_KIND_LABELS,
  EstablishmentItemKind,
  Labels,
  PROFESSIONAL_FIELD_LABELS,
  ProfessionalField,
  STAFF_CATEGORY_LABELS,
  StaffCategory,
} from '@canbo/shared';
import type { EstablishmentRecordFieldsFragment } from '../../generated/graphql';

type Label = <E extends string>(labels: Labels<E>, value: E | null | undefined) => string;

/** What an establishment item counts, in words: "Cán bộ", "Ban Chấp hành 2025-2030", "Bí thư Đảng ủy", ... */
export function itemLabel(record: EstablishmentRecordFieldsFragment, label: Label): string {
  switch (record.itemKind) {
    case EstablishmentItemKind.HEADCOUNT:
      return label(STAFF_CATEGORY_LABELS, record.staffCategory);
    case EstablishmentItemKind.COMMITTEE_SEATS:
      return `${label(COMMITTEE_KIND_LABELS, record.committee)} ${record.term ?? ''}`.trim();
    case EstablishmentItemKind.TITLE_SEATS:
      return record.title?.name ?? '';
    case EstablishmentItemKind.SPECIALISTS:
      return label(PROFESSIONAL_FIELD_LABELS, record.field);
  }
}

export const ITEM_KIND_ORDER: EstablishmentItemKind[] = [
  EstablishmentItemKind.HEADCOUNT,
  EstablishmentItemKind.COMMITTEE_SEATS,
  EstablishmentItemKind.TITLE_SEATS,
  EstablishmentItemKind.SPECIALISTS,
];

const CATEGORY_ORDER = Object.values(StaffCategory);
const FIELD_ORDER = Object.values(ProfessionalField);

/** Display order inside a kind: categories and fields in catalogue order; titles keep the server's order. */
export function compareRecords(a: EstablishmentRecordFieldsFragment, b: EstablishmentRecordFieldsFragment): number {
  if (a.staffCategory && b.staffCategory) return CATEGORY_ORDER.indexOf(a.staffCategory) - CATEGORY_ORDER.indexOf(b.staffCategory);
  if (a.field && b.field) return FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field);
  if (a.committee && b.committee && a.term === b.term) return a.committee === b.committee ? 0 : a.committee === 'EXECUTIVE' ? -1 : 1;
  return 0;
}

/** Approved posts counted in the staffing figures: every category but contract workers. */
export function countsTowardsPosts(record: EstablishmentRecordFieldsFragment): boolean {
  return record.itemKind === EstablishmentItemKind.HEADCOUNT && record.staffCategory !== StaffCategory.CONTRACT;
}
