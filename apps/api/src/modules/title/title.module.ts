import { Module } from '@nestjs/common';
import { RuleModule } from '../rule/rule.module';
import { TitleResolver } from './title.resolver';
import { TitleService } from './title.service';

@Module({ imports: [RuleModule], providers: [TitleService, TitleResolver], exports: [TitleService] })
export class TitleModule {}
