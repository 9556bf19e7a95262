import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../core/permissions/scope';
import { AuditService } from '../audit/audit.service';
import { AddUnitPopulationInput } from './dto/unit-population.input';
import { UnitPopulationErrors } from './unit-population.errors';
import { UnitPopulation } from './unit-population.types';

const COLUMNS = `id, unit_id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
  population, ethnic_minority_share, source`;

interface Row {
  id: string;
  unit_id: string;
  valid_from: string;
  valid_to: string | null;
  population: number;
  ethnic_minority_share: string;
  source: string | null;
}

const toPopulation = (r: Row): UnitPopulation => ({
  id: r.id,
  unitId: r.unit_id,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  population: Number(r.population),
  // stored as a fraction with four decimals: a percent with two
  ethnicMinorityShare: Math.round(Number(r.ethnic_minority_share) * 10000) / 100,
  source: r.source,
});

/**
 * The population of each commune-level unit and its ethnic-minority share, as dated versions an admin enters
 * (target 5 compares each party committee's minority share with it). A new version ends the one in force.
 */
@Injectable()
export class UnitPopulationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every version of a unit of the scope, newest first. */
  async history(unitId: string, scope: Scope): Promise<UnitPopulation[]> {
    await this.unitInScope(unitId, scope);
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM unit_population WHERE unit_id = $1 ORDER BY valid_from DESC`, [unitId]);
    return rows.map(toPopulation);
  }

  async add(input: AddUnitPopulationInput, scope: Scope): Promise<UnitPopulation> {
    await this.unitInScope(input.unitId, scope);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`unit-population:${input.unitId}`]);
      const [later] = await m.query(`SELECT 1 FROM unit_population WHERE unit_id = $1 AND valid_from >= $2 LIMIT 1`, [input.unitId, input.validFrom]);
      if (later) throw UnitPopulationErrors.notAfterPrevious();
      const [before]: Row[] = await m.query(`SELECT ${COLUMNS} FROM unit_population WHERE unit_id = $1 AND valid_to IS NULL`, [input.unitId]);
      if (before) await m.query(`UPDATE unit_population SET valid_to = $2, version = version + 1, updated_at = now() WHERE id = $1`, [before.id, input.validFrom]);
      const [row]: Row[] = await m.query(
        `INSERT INTO unit_population (unit_id, valid_from, population, ethnic_minority_share, source) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [input.unitId, input.validFrom, input.population, (input.ethnicMinorityShare / 100).toFixed(4), input.source],
      );
      const saved = toPopulation(row);
      await this.audit.record(
        m,
        ...(before ? [{ operation: 'addUnitPopulation', entity: 'unitPopulation', entityId: before.id, before: toPopulation(before), after: { ...toPopulation(before), validTo: input.validFrom } }] : []),
        { operation: 'addUnitPopulation', entity: 'unitPopulation', entityId: saved.id, after: saved },
      );
      return saved;
    });
  }

  private async unitInScope(unitId: string, scope: Scope): Promise<void> {
    if (!scope.includesUnit(unitId)) throw UnitPopulationErrors.unitNotFound(unitId);
    const [unit] = await this.dataSource.query(`SELECT 1 FROM unit WHERE id = $1 AND kind IN ('COMMUNE', 'WARD', 'SPECIAL_ZONE')`, [unitId]);
    if (!unit) throw UnitPopulationErrors.unitNotFound(unitId);
  }
}
