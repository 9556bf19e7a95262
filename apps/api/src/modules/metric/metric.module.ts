import { Module } from '@nestjs/common';
import { RuleModule } from '../rule/rule.module';
import { MetricService } from './metric.service';

/** The shared statistics (libs/shared metrics.ts) computed in SQL; the report module (modules/report) serves them over GraphQL. */
@Module({ imports: [RuleModule], providers: [MetricService], exports: [MetricService] })
export class MetricModule {}
