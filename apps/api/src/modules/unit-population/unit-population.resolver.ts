import { PERMISSIONS } from '@canbo/shared';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { idPipe } from '../../core/graphql/id.pipe';
import { CurrentScope } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { AddUnitPopulationInput } from './dto/unit-population.input';
import { UnitPopulationErrors } from './unit-population.errors';
import { UnitPopulationService } from './unit-population.service';
import { UnitPopulation } from './unit-population.types';

@Resolver(() => UnitPopulation)
export class UnitPopulationResolver {
  constructor(private readonly populations: UnitPopulationService) {}

  @Query(() => [UnitPopulation], { description: 'The dated population figures of a commune-level unit, newest first' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  unitPopulations(@Args('unitId', { type: () => ID }, idPipe(UnitPopulationErrors.unitNotFound)) unitId: string, @CurrentScope() scope: Scope) {
    return this.populations.history(unitId, scope);
  }

  @Mutation(() => UnitPopulation, { description: 'Enters a unit’s population and minority share from a date (the version in force ends that day)' })
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  addUnitPopulation(@Args('input') input: AddUnitPopulationInput, @CurrentScope() scope: Scope) {
    return this.populations.add(input, scope);
  }
}
