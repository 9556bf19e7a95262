import { PERMISSIONS, UnitKind } from '@canbo/shared';
import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { idPipe } from '../../core/graphql/id.pipe';
import { ConnectionType } from '../../core/graphql/pagination';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { CurrentScope } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { BodyEntity } from './body.entity';
import { UnitsArgs } from './dto/unit.args';
import { CreateUnitInput, RecordUnitSuccessionInput, UpdateUnitInput } from './dto/unit.input';
import { UnitSuccessionEntity } from './unit-succession.entity';
import { UnitEntity } from './unit.entity';
import { UnitErrors } from './unit.errors';
import { UnitKindCount, UnitService } from './unit.service';

@ObjectType()
export class UnitConnection extends ConnectionType(UnitEntity, 'Unit') {}

@ObjectType('UnitKindCount')
export class UnitKindCountObject implements UnitKindCount {
  @Field(() => UnitKind)
  kind: UnitKind;
  @Field(() => Int)
  count: number;
}

@Resolver(() => UnitEntity)
export class UnitResolver {
  constructor(private readonly unitService: UnitService) {}

  @Query(() => UnitConnection, { description: 'Units, filtered, sorted and paginated' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  units(@Args() args: UnitsArgs, @CurrentScope() scope: Scope) {
    return this.unitService.list(args, scope);
  }

  @Query(() => UnitEntity)
  @RequirePermission(PERMISSIONS.UNIT_READ)
  unit(@Args('id', { type: () => ID }, idPipe(UnitErrors.notFound)) id: string, @CurrentScope() scope: Scope) {
    return this.unitService.get(id, scope);
  }

  @Query(() => [UnitKindCountObject], { description: 'How many units of each kind (existing on a date)' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  unitKindCounts(
    @CurrentScope() scope: Scope,
    @Args('activeOn', { type: () => LocalDateScalar, nullable: true }) activeOn?: string,
  ) {
    return this.unitService.kindCounts(activeOn, scope);
  }

  @Mutation(() => UnitEntity)
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  createUnit(@Args('input') input: CreateUnitInput, @CurrentScope() scope: Scope) {
    return this.unitService.create(input, scope);
  }

  @Mutation(() => UnitEntity, { description: 'Edits a unit; answers CONFLICT when `version` is not the latest' })
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  updateUnit(@Args('input') input: UpdateUnitInput, @CurrentScope() scope: Scope) {
    return this.unitService.update(input, scope);
  }

  @Mutation(() => UnitSuccessionEntity, { description: 'Records that a unit was succeeded (merger, split)' })
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  recordUnitSuccession(@Args('input') input: RecordUnitSuccessionInput, @CurrentScope() scope: Scope) {
    return this.unitService.recordSuccession(input, scope);
  }

  @ResolveField(() => [BodyEntity])
  bodies(
    @Parent() unit: UnitEntity,
    @Args('activeOn', { type: () => LocalDateScalar, nullable: true }) activeOn?: string,
  ) {
    return this.unitService.bodies(unit.id, activeOn);
  }

  @ResolveField(() => [UnitSuccessionEntity], { description: 'Units this one succeeded' })
  predecessors(@Parent() unit: UnitEntity) {
    return this.unitService.successionsOf(unit.id, 'predecessor');
  }

  @ResolveField(() => [UnitSuccessionEntity], { description: 'Units that succeeded this one' })
  successors(@Parent() unit: UnitEntity) {
    return this.unitService.successionsOf(unit.id, 'successor');
  }
}
