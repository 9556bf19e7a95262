import { PERMISSIONS } from '@canbo/shared';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, CurrentScope, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { CreateReportSnapshotInput, ReportSnapshotArgs, ReportSnapshotsArgs, TargetTrendArgs } from './dto/report-snapshot.args';
import { ReportSnapshotService } from './report-snapshot.service';
import { FrozenReport, ReportSnapshot, ReportSnapshotConnection, TargetTrendPoint } from './report-snapshot.types';

@Resolver(() => ReportSnapshot)
export class ReportSnapshotResolver {
  constructor(private readonly snapshots: ReportSnapshotService) {}

  @Query(() => ReportSnapshotConnection, { description: 'The frozen snapshots of the report and targets, newest first' })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  reportSnapshots(@Args() args: ReportSnapshotsArgs) {
    return this.snapshots.list(args);
  }

  @Query(() => FrozenReport, { description: 'A snapshot’s frozen figures and targets: the province, or one unit of the caller’s scope' })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  reportSnapshot(@Args() args: ReportSnapshotArgs, @CurrentScope() scope: Scope) {
    return this.snapshots.frozen(args, scope);
  }

  @Query(() => [TargetTrendPoint], { description: 'The target values of the yearly snapshots (2025→2030), for the province or one unit' })
  @RequirePermission(PERMISSIONS.REPORT_READ)
  targetTrend(@Args() args: TargetTrendArgs, @CurrentScope() scope: Scope) {
    return this.snapshots.trend(args, scope);
  }

  @Mutation(() => ReportSnapshot, { description: 'Freezes the situation report and the targets as of a date, with the rule versions used' })
  @RequirePermission(PERMISSIONS.REPORT_SNAPSHOT)
  createReportSnapshot(@Args('input') input: CreateReportSnapshotInput, @CurrentPrincipal() principal: Principal) {
    return this.snapshots.freeze(input, principal);
  }
}
