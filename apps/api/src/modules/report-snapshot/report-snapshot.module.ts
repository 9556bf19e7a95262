import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReportModule } from '../report/report.module';
import { RuleModule } from '../rule/rule.module';
import { TargetModule } from '../target/target.module';
import { ReportSnapshotResolver } from './report-snapshot.resolver';
import { ReportSnapshotService } from './report-snapshot.service';

/** Frozen snapshots of the situation report and the targets, on demand and yearly (issue 6). */
@Module({
  imports: [AuditModule, RuleModule, ReportModule, TargetModule],
  providers: [ReportSnapshotService, ReportSnapshotResolver],
  exports: [ReportSnapshotService],
})
export class ReportSnapshotModule {}
