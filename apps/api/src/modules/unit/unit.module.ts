import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BodyResolver } from './body.resolver';
import { UnitResolver } from './unit.resolver';
import { UnitService } from './unit.service';

@Module({
  imports: [AuditModule],
  providers: [UnitService, UnitResolver, BodyResolver],
  exports: [UnitService],
})
export class UnitModule {}
