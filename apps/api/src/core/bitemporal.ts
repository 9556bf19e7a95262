/**
 * The generic bitemporal planner, unit-tested without a database. A bitemporal record holds a value for an
 * effective period [validFrom, validTo) and was the registry's knowledge for [recordedAt, supersededAt).
 * The establishment and the personal file (assignments) both plan their changes with it.
 */

/** A record of current knowledge holding `value` for the half-open period [validFrom, validTo). */
export interface Period<V = number> {
  id: string;
  value: V;
  validFrom: string;
  validTo: string | null;
}

export interface ChangePlan<V = number, P extends Period<V> = Period<V>> {
  /** records of current knowledge that this change supersedes */
  supersede: P[];
  /** records to write, in order: the remainder of a split record, then the new value */
  insert: { value: V; validFrom: string; validTo: string | null; carriedFrom: string | null }[];
  /** the record in force on the effective date before the change, if any */
  covering: P | null;
}

/** The record of `current` (non-overlapping, current knowledge) in force on `date`. */
export function recordOn<P extends { validFrom: string; validTo: string | null }>(current: P[], date: string): P | null {
  return current.find((r) => r.validFrom <= date && (r.validTo === null || r.validTo > date)) ?? null;
}

/**
 * A real change of the value from `date`: the record in force on that date is superseded and re-recorded
 * up to the day before; the new value holds from `date` until that record's end (or the next later record).
 * Nothing is overwritten: superseded records stay, with the time they stopped being the registry's knowledge.
 */
export function planChange<V, P extends Period<V>>(current: P[], date: string, value: V): ChangePlan<V, P> {
  const covering = recordOn(current, date);
  if (covering) {
    const insert: ChangePlan<V, P>['insert'] = [];
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
