import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitModule } from '../unit/unit.module';
import { PersonResolver } from './person.resolver';
import { PersonService } from './person.service';

@Module({
  imports: [UnitModule, AuditModule],
  providers: [PersonService, PersonResolver],
  exports: [PersonService],
})
export class PersonModule {}
