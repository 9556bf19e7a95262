import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PersonModule } from '../person/person.module';
import { PersonExportController } from './person-export.controller';
import { PersonExportService } from './person-export.service';

/** Exports of the personal file over plain HTTP: the XLSX of any filtered person list, one person's form 2C. */
@Module({
  imports: [PersonModule, AuditModule],
  controllers: [PersonExportController],
  providers: [PersonExportService],
})
export class PersonExportModule {}
