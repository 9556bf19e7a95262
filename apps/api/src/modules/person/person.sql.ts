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
