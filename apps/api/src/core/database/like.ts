/** Escapes LIKE/ILIKE wildcards (backslash is PostgreSQL's default escape character). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching `value` anywhere, its wildcards taken literally. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}
