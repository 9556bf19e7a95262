import { PERMISSIONS } from '@canbo/shared';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
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
  body(@Args('id', { type: () => ID }, idPipe(UnitErrors.bodyNotFound)) id: string) {
    return this.unitService.getBody(id);
  }

  @Mutation(() => BodyEntity)
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  createBody(@Args('input') input: CreateBodyInput) {
    return this.unitService.createBody(input);
  }

  @Mutation(() => BodyEntity, { description: 'Edits a body; answers CONFLICT when `version` is not the latest' })
  @RequirePermission(PERMISSIONS.UNIT_MANAGE)
  updateBody(@Args('input') input: UpdateBodyInput) {
    return this.unitService.updateBody(input);
  }
}
