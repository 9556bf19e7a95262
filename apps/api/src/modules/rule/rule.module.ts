import { Module } from '@nestjs/common';
import { RuleResolver } from './rule.resolver';
import { RuleService } from './rule.service';

@Module({ providers: [RuleService, RuleResolver], exports: [RuleService] })
export class RuleModule {}
