import { Module } from '@nestjs/common';
import { ReportModule } from '../report/report.module';
import { RuleModule } from '../rule/rule.module';
import { TargetResolver } from './target.resolver';
import { TargetService } from './target.service';

/** The five 2025–2030 targets (issue 6): measures in code, target values and rule tables as dated rule data. */
@Module({ imports: [RuleModule, ReportModule], providers: [TargetService, TargetResolver], exports: [TargetService] })
export class TargetModule {}
