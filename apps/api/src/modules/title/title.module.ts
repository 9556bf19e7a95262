import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RuleModule } from '../rule/rule.module';
import { TitleResolver } from './title.resolver';
import { TitleService } from './title.service';

@Module({ imports: [RuleModule, AuditModule], providers: [TitleService, TitleResolver], exports: [TitleService] })
export class TitleModule {}
