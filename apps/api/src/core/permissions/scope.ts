import { ErrorCode, StaffCategory } from '@canbo/shared';
import { AppError } from '../errors/app-errors';
import type { Grant } from './principal';

let counter = 0;

/**
 * Where a caller may act for one permission: the union of its grants' units and staff categories. Services
 * receive it explicitly and turn it into SQL conditions (never filtering after loading).
 */
export class Scope {
  constructor(readonly grants: readonly Pick<Grant, 'allUnits' | 'unitIds' | 'categories'>[]) {}

  /** The province-wide scope with every category (system work, seeding). */
  static everything(): Scope {
    return new Scope([{ allUnits: true, unitIds: [], categories: null }]);
  }

  get allUnits(): boolean {
    return this.grants.some((g) => g.allUnits);
  }

  /** Whether the scope lists units (not the province) and no more than n of them. */
  unitCountAtMost(n: number): boolean {
    return !this.allUnits && new Set(this.grants.flatMap((g) => g.unitIds)).size <= n;
  }

  includesUnit(unitId: string): boolean {
    return this.grants.some((g) => g.allUnits || g.unitIds.includes(unitId));
  }

  /** Whether one grant covers every staff category of the unit (of every unit: unitId null). */
  coversEveryCategory(unitId: string | null): boolean {
    return this.grants.some((g) => g.categories === null && (g.allUnits || (unitId !== null && g.unitIds.includes(unitId))));
  }

  /** Whether a staff category may be acted on in a unit. */
  includesCategory(unitId: string, category: StaffCategory): boolean {
    return this.grants.some(
      (g) => (g.allUnits || g.unitIds.includes(unitId)) && (g.categories === null || g.categories.includes(category)),
    );
  }

  /** SQL condition: `column` is a unit id in scope. Adds its parameters to `params`. */
  unitCondition(column: string, params: Record<string, unknown>): string {
    if (this.allUnits) return 'TRUE';
    const ids = [...new Set(this.grants.flatMap((g) => g.unitIds))];
    if (!ids.length) return 'FALSE';
    const name = `scopeUnits${++counter}`;
    params[name] = ids;
    return `${column} = ANY(:${name})`;
  }

  /**
   * SQL condition for category-bearing rows: the unit is in scope and the row's category (when it has one) is
   * within the categories granted for that unit.
   */
  unitCategoryCondition(unitColumn: string, categoryColumn: string, params: Record<string, unknown>): string {
    if (!this.grants.length) return 'FALSE';
    const parts = this.grants.map((g) => {
      const n = ++counter;
      let unit = 'TRUE';
      if (!g.allUnits) {
        params[`scopeU${n}`] = [...g.unitIds];
        unit = `${unitColumn} = ANY(:scopeU${n})`;
      }
      let category = 'TRUE';
      if (g.categories !== null) {
        params[`scopeC${n}`] = [...g.categories];
        category = `(${categoryColumn} IS NULL OR ${categoryColumn} = ANY(:scopeC${n}))`;
      }
      return `(${unit} AND ${category})`;
    });
    return `(${parts.join(' OR ')})`;
  }
}

export const ScopeErrors = {
  /** A write the caller's scope does not cover (where naming the record reveals nothing). */
  outOfScope: () => new AppError(ErrorCode.FORBIDDEN, 'Thao tác nằm ngoài phạm vi được phân công', { reason: 'OUT_OF_SCOPE' }),
};
