import { PERMISSIONS } from '@canbo/shared';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, CurrentScope, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { SituationReportArgs, SituationReportByUnitArgs, SituationReportPeopleArgs } from './dto/report.args';
import { ReportService } from './report.service';
import { ReportPersonConnection, SituationReport, SituationReportByUnit } from './report.types';

@Resolver(() => SituationReport)
export class ReportResolver {
  constructor(private readonly reportService: ReportService) {}

  @Query(() => SituationReport, {
    description:
      'The situation report as of a date, for the caller’s scope (the province) or one unit: section I, then the additional figures (per staff category, per professional field)',
  })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  situationReport(@Args() args: SituationReportArgs, @CurrentScope() scope: Scope) {
    return this.reportService.situationReport(args, scope);
  }

  @Query(() => SituationReportByUnit, { description: 'Figures of the report (default: section I) per commune-level unit of the caller’s scope' })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  situationReportByUnit(@Args() args: SituationReportByUnitArgs, @CurrentScope() scope: Scope) {
    return this.reportService.byUnit(args, scope);
  }

  @Query(() => ReportPersonConnection, {
    description:
      'The people behind a figure counting people (one row per person) or seats held (one row per seat: a person holding two titles appears twice); by ethnicity needs personnel.read_sensitive',
  })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  situationReportPeople(@Args() args: SituationReportPeopleArgs, @CurrentScope() scope: Scope, @CurrentPrincipal() principal: Principal) {
    return this.reportService.people(args, scope, principal.has(PERMISSIONS.PERSONNEL_READ_SENSITIVE));
  }
}
