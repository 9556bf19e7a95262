import { Module } from '@nestjs/common';
import { BodyResolver } from './body.resolver';
import { UnitResolver } from './unit.resolver';
import { UnitService } from './unit.service';

@Module({
  providers: [UnitService, UnitResolver, BodyResolver],
  exports: [UnitService],
})
export class UnitModule {}
