import {
  BodyKind,
  CommitteeKind,
  DefaultEstablishmentValue,
  EstablishmentItemKind,
  ProfessionalField,
  RecordKind,
  StaffCategory,
} from '@canbo/shared';
import { EstablishmentRecordEntity } from './establishment.entity';
import { itemKey } from './establishment.rules';

export interface DefaultsContext {
  unitId: string;
  /** bodies of the unit, to attach committee, title and specialist items to */
  bodies: { id: string; kind: BodyKind }[];
  /** title ids and body kinds by code */
  titles: Map<string, { id: string; bodyKind: BodyKind | null }>;
  template: DefaultEstablishmentValue;
  /** the rule version that produced these records, written as their reason */
  versionLabel: string;
  validFrom: string;
  recordedAt: Date;
}

/** The default establishment of a commune-level unit, from the rule setting in force. */
export function defaultEstablishmentRecords(ctx: DefaultsContext): Partial<EstablishmentRecordEntity>[] {
  const { template } = ctx;
  const bodyOf = (kind: BodyKind) => ctx.bodies.find((b) => b.kind === kind)?.id ?? null;
  const base = {
    unitId: ctx.unitId,
    validFrom: ctx.validFrom,
    validTo: null,
    recordedAt: ctx.recordedAt,
    recordKind: RecordKind.CHANGE,
    reason: ctx.versionLabel,
  };
  const records: Partial<EstablishmentRecordEntity>[] = [];
  const push = (item: Partial<EstablishmentRecordEntity> & Parameters<typeof itemKey>[0], value: number) =>
    records.push({ ...base, ...item, itemKey: itemKey(item), value });

  for (const [staffCategory, value] of Object.entries(template.headcount) as [StaffCategory, number][]) {
    push({ itemKind: EstablishmentItemKind.HEADCOUNT, staffCategory, bodyId: null }, value);
  }
  for (const [committee, value] of Object.entries(template.committeeSeats) as [CommitteeKind, number][]) {
    push(
      { itemKind: EstablishmentItemKind.COMMITTEE_SEATS, committee, term: template.term, bodyId: bodyOf(BodyKind.PARTY_COMMITTEE) },
      value,
    );
  }
  for (const [code, value] of Object.entries(template.titleSeats)) {
    const title = ctx.titles.get(code);
    if (!title) throw new Error(`The default establishment names unknown title ${code}`);
    push({ itemKind: EstablishmentItemKind.TITLE_SEATS, titleId: title.id, bodyId: title.bodyKind ? bodyOf(title.bodyKind) : null }, value);
  }
  for (const [field, value] of Object.entries(template.specialists) as [ProfessionalField, number][]) {
    push({ itemKind: EstablishmentItemKind.SPECIALISTS, field, bodyId: bodyOf(BodyKind.PEOPLES_COMMITTEE) }, value);
  }
  return records;
}
