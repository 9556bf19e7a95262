import { PERMISSIONS } from '@canbo/shared';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { EstablishmentArgs, EstablishmentHistoryArgs } from './dto/establishment.args';
import { ChangeEstablishmentInput, CorrectEstablishmentInput } from './dto/establishment.input';
import { EstablishmentRecordEntity } from './establishment.entity';
import { EstablishmentService } from './establishment.service';

@Resolver(() => EstablishmentRecordEntity)
export class EstablishmentResolver {
  constructor(private readonly establishmentService: EstablishmentService) {}

  @Query(() => [EstablishmentRecordEntity], {
    description: 'A unit’s establishment in force on a date (asOf), as known at a time (asKnownAt)',
  })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  establishment(@Args() args: EstablishmentArgs, @CurrentScope() scope: Scope) {
    return this.establishmentService.asOf(args, scope);
  }

  @Query(() => [EstablishmentRecordEntity], { description: 'Every record of a unit’s establishment, superseded ones too' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  establishmentHistory(@Args() args: EstablishmentHistoryArgs, @CurrentScope() scope: Scope) {
    return this.establishmentService.history(args, scope);
  }

  @Mutation(() => EstablishmentRecordEntity, { description: 'Records a real change from a date' })
  @RequirePermission(PERMISSIONS.ESTABLISHMENT_MANAGE)
  changeEstablishment(@Args('input') input: ChangeEstablishmentInput, @CurrentScope() scope: Scope) {
    return this.establishmentService.change(input, scope);
  }

  @Mutation(() => EstablishmentRecordEntity, { description: 'Corrects a mistaken value (marked as a correction)' })
  @RequirePermission(PERMISSIONS.ESTABLISHMENT_MANAGE)
  correctEstablishment(@Args('input') input: CorrectEstablishmentInput, @CurrentScope() scope: Scope) {
    return this.establishmentService.correct(input, scope);
  }
}
