/** Unicode NFC normalisation of user text, with surrounding whitespace trimmed and inner runs collapsed. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Folds Vietnamese text for diacritic-insensitive search: "Xã Mỹ Đức" -> "xa my duc".
 * Used both to fill search columns and to fold the query, so both sides agree.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
