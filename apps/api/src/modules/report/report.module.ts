import { Module } from '@nestjs/common';
import { MetricModule } from '../metric/metric.module';
import { ReportResolver } from './report.resolver';
import { ReportService } from './report.service';

/** The situation report (issue 6): section I over GraphQL, per unit, and the people behind the figures. */
@Module({ imports: [MetricModule], providers: [ReportService, ReportResolver], exports: [ReportService] })
export class ReportModule {}
