import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PersonModule } from '../person/person.module';
import { PersonImportController } from './person-import.controller';
import { PersonImportService } from './person-import.service';

/**
 * Imports of personal files from spreadsheets (XLSX, CSV): all-or-nothing background jobs kept in PostgreSQL,
 * written with the history semantics of the person module's edits. Plain HTTP routes under /files.
 */
@Module({
  imports: [AuditModule, PersonModule],
  controllers: [PersonImportController],
  providers: [PersonImportService],
})
export class PersonImportModule {}
