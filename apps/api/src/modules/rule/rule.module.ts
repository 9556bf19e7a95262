import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RuleResolver } from './rule.resolver';
import { RuleService } from './rule.service';

@Module({ imports: [AuditModule], providers: [RuleService, RuleResolver], exports: [RuleService] })
export class RuleModule {}
