import { PERMISSIONS } from '@canbo/shared';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { BodyEntity } from './body.entity';
import { CreateBodyInput, UpdateBodyInput } from './dto/body.input';
import { idPipe } from '../../core/graphql/id.pipe';
import { UnitErrors } from './unit.errors';
import { UnitService } from './unit.service';

@Resolver(() => BodyEntity)
export class BodyResolver {
  constructor(private readonly unitService: UnitService) {}

  @Query(() => BodyEntity)
  @RequirePermission(PERMISSIONS.UNIT_READ)
  body(@Args('id', { type: () => ID }, idPipe(UnitErrors.bodyNotFound)) id: string, @CurrentScope() scope: Scope) {
    return this.unitService.getBody(id, scope);
  }

  @Mutation(() => BodyEntity)
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  createBody(@Args('input') input: CreateBodyInput, @CurrentScope() scope: Scope) {
    return this.unitService.createBody(input, scope);
  }

  @Mutation(() => BodyEntity, { description: 'Edits a body; answers CONFLICT when `version` is not the latest' })
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  updateBody(@Args('input') input: UpdateBodyInput, @CurrentScope() scope: Scope) {
    return this.unitService.updateBody(input, scope);
  }
}
