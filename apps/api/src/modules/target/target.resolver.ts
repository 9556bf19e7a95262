import { PERMISSIONS, targetDefinition } from '@canbo/shared';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { ReportService } from '../report/report.service';
import { TargetsArgs, TargetsByUnitArgs } from './dto/target.args';
import { TargetService } from './target.service';
import { TargetReport, TargetsByUnit } from './target.types';

@Resolver(() => TargetReport)
export class TargetResolver {
  constructor(
    private readonly targetService: TargetService,
    private readonly reportService: ReportService,
  ) {}

  @Query(() => TargetReport, { description: 'The five 2025–2030 targets as of a date: value, target, gap and status, for the caller’s scope or one unit' })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  async targets(@Args() args: TargetsArgs, @CurrentScope() scope: Scope): Promise<TargetReport> {
    const asOf = this.reportService.referenceDate(args.asOf);
    const unit = args.unitId ? await this.reportService.unitInScope(args.unitId, asOf, scope) : null;
    const { context, total } = await this.targetService.compute(asOf, scope, unit?.id ?? null);
    return {
      asOf,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
      baselineDate: context.targets.baselineDate,
      deadline: context.targets.deadline,
      ratingYear: context.ratingYear,
      minorityTolerancePoints: context.targets.minorityTolerancePoints,
      targets: total.map((r) => ({ ...r, number: targetDefinition(r.targetId).number, name: targetDefinition(r.targetId).name.vi })),
      rules: context.rules,
      baselineSnapshotId: context.baselineSnapshotId ?? null,
    };
  }

  @Query(() => TargetsByUnit, { description: 'The targets of every commune-level unit of the caller’s scope (for ranking and the heat table)' })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  async targetsByUnit(@Args() args: TargetsByUnitArgs, @CurrentScope() scope: Scope): Promise<TargetsByUnit> {
    const asOf = this.reportService.referenceDate(args.asOf);
    const { units } = await this.targetService.compute(asOf, scope);
    return {
      asOf,
      units: units.map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        targets: u.results.map((r) => ({ targetId: r.targetId, count: r.count, base: r.base, value: r.value, status: r.status })),
        committeeMinorityShare: u.minority.committeeShare,
        populationMinorityShare: u.minority.populationShare,
      })),
    };
  }
}
