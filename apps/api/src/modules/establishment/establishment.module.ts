import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RuleModule } from '../rule/rule.module';
import { TitleModule } from '../title/title.module';
import { UnitModule } from '../unit/unit.module';
import { EstablishmentResolver } from './establishment.resolver';
import { EstablishmentService } from './establishment.service';

@Module({
  imports: [UnitModule, TitleModule, RuleModule, AuditModule],
  providers: [EstablishmentService, EstablishmentResolver],
  exports: [EstablishmentService],
})
export class EstablishmentModule {}
