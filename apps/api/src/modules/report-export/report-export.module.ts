import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReportModule } from '../report/report.module';
import { ReportExportController } from './report-export.controller';
import { ReportExportService } from './report-export.service';

/** The situation report as files over plain HTTP (issue 6, export): its tables as XLSX, its narrative as PDF. */
@Module({
  imports: [ReportModule, AuditModule],
  controllers: [ReportExportController],
  providers: [ReportExportService],
})
export class ReportExportModule {}
