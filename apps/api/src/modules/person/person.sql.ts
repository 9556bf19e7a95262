/**
 * SQL fragments of the personal file shared by the person list and the person records. The folding function
 * canbo_fold (migration PersonRecords) mirrors foldForSearch of libs/shared.
 */

/** SQL: the bitemporal row `r` is in force on :asOf. */
export const IN_FORCE = (r: string) => `${r}.valid_from <= :asOf AND (${r}.valid_to IS NULL OR ${r}.valid_to > :asOf)`;

/** SQL: `place` (a text column) names the unit `u`: its folded name or short name occurs in the folded place. */
function namesUnit(place: string, u: string): string {
  return `(strpos(canbo_fold(${place}), canbo_fold(${u}.name)) > 0
    OR (canbo_fold(${u}.short_name) <> '' AND strpos(canbo_fold(${place}), canbo_fold(${u}.short_name)) > 0))`;
}

/**
 * SQL boolean: the person `p` is local to the unit whose id is `unitIdExpr`: the manual override when set,
 * otherwise derived (hometown or permanent residence names the unit).
 */
export function localSql(p: string, unitIdExpr: string): string {
  return `COALESCE(${p}.local_override, EXISTS (SELECT 1 FROM unit lu WHERE lu.id = ${unitIdExpr}
    AND (${namesUnit(`${p}.hometown`, 'lu')} OR ${namesUnit(`${p}.permanent_residence`, 'lu')})))`;
}

/**
 * SQL: the dates within the periods of some title grants ($1 unit ids, $2 title ids, $3 from, $4 to, arrays of one
 * length) at which a unit's title has more holders than seats, as currently recorded. Holders and seats are
 * swept as +/- events per unit and title, so a pair with many records stays linear; a date with no seats in force
 * has 0. Meant to run after the grants are written, in their transaction (the unit locked).
 */
export const TITLE_SEATS_OVERFILLED = `
WITH g AS (
  SELECT unit_id, title_id, min(valid_from) AS lo, CASE WHEN bool_or(valid_to IS NULL) THEN NULL ELSE max(valid_to) END AS hi
    FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) AS x(unit_id, title_id, valid_from, valid_to)
   GROUP BY unit_id, title_id
),
held AS (
  SELECT r.unit_id, r.title_id, r.valid_from, r.valid_to
    FROM person_record r JOIN g ON g.unit_id = r.unit_id AND g.title_id = r.title_id
   WHERE r.kind = 'TITLE' AND r.superseded_at IS NULL AND (g.hi IS NULL OR r.valid_from < g.hi) AND (r.valid_to IS NULL OR r.valid_to > g.lo)
),
seats AS (
  SELECT e.unit_id, e.title_id, e.value, e.valid_from, e.valid_to
    FROM establishment_record e JOIN g ON g.unit_id = e.unit_id AND g.title_id = e.title_id
   WHERE e.item_kind = 'TITLE_SEATS' AND e.superseded_at IS NULL AND (g.hi IS NULL OR e.valid_from < g.hi) AND (e.valid_to IS NULL OR e.valid_to > g.lo)
),
ev AS (
  SELECT unit_id, title_id, valid_from AS d, 1 AS dh, 0 AS ds FROM held
  UNION ALL SELECT unit_id, title_id, valid_to, -1, 0 FROM held WHERE valid_to IS NOT NULL
  UNION ALL SELECT unit_id, title_id, valid_from, 0, value FROM seats
  UNION ALL SELECT unit_id, title_id, valid_to, 0, -value FROM seats WHERE valid_to IS NOT NULL
),
steps AS (
  SELECT unit_id, title_id, d, sum(sum(dh)) OVER w AS holders, sum(sum(ds)) OVER w AS seats
    FROM ev GROUP BY unit_id, title_id, d
  WINDOW w AS (PARTITION BY unit_id, title_id ORDER BY d)
)
SELECT s.unit_id AS "unitId", s.title_id AS "titleId", u.name AS "unitName", t.name AS "titleName",
       to_char(s.d, 'YYYY-MM-DD') AS date, s.holders::int AS holders, s.seats::int AS seats
  FROM steps s JOIN g ON g.unit_id = s.unit_id AND g.title_id = s.title_id
  JOIN unit u ON u.id = s.unit_id JOIN title t ON t.id = s.title_id
 WHERE s.holders > s.seats AND s.d >= g.lo AND (g.hi IS NULL OR s.d < g.hi)
 ORDER BY s.d, u.name, t.name`;
