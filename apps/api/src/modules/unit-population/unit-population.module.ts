import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitPopulationResolver } from './unit-population.resolver';
import { UnitPopulationService } from './unit-population.service';

/** The dated population and ethnic-minority share of each commune-level unit (target 5 reads them). */
@Module({ imports: [AuditModule], providers: [UnitPopulationService, UnitPopulationResolver] })
export class UnitPopulationModule {}
