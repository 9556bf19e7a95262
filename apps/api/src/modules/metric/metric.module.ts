import { Module } from '@nestjs/common';
import { RuleModule } from '../rule/rule.module';
import { MetricService } from './metric.service';

/** The shared statistics (libs/shared metrics.ts) computed in SQL; no GraphQL operations yet (the report adds them). */
@Module({ imports: [RuleModule], providers: [MetricService], exports: [MetricService] })
export class MetricModule {}
