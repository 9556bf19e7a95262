import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitModule } from '../unit/unit.module';
import { PersonRecordsResolver } from './person-records.resolver';
import { PersonRecordsService } from './person-records.service';
import { PersonResolver } from './person.resolver';
import { PersonService } from './person.service';

@Module({
  imports: [UnitModule, AuditModule],
  providers: [PersonService, PersonResolver, PersonRecordsService, PersonRecordsResolver],
  exports: [PersonService, PersonRecordsService],
})
export class PersonModule {}
