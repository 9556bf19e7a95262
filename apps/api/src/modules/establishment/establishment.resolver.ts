import { PERMISSIONS } from '@canbo/shared';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
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
  establishment(@Args() args: EstablishmentArgs) {
    return this.establishmentService.asOf(args);
  }

  @Query(() => [EstablishmentRecordEntity], { description: 'Every record of a unit’s establishment, superseded ones too' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  establishmentHistory(@Args() args: EstablishmentHistoryArgs) {
    return this.establishmentService.history(args);
  }

  @Mutation(() => EstablishmentRecordEntity, { description: 'Records a real change from a date' })
  @RequirePermission(PERMISSIONS.ESTABLISHMENT_MANAGE)
  changeEstablishment(@Args('input') input: ChangeEstablishmentInput) {
    return this.establishmentService.change(input);
  }

  @Mutation(() => EstablishmentRecordEntity, { description: 'Corrects a mistaken value (marked as a correction)' })
  @RequirePermission(PERMISSIONS.ESTABLISHMENT_MANAGE)
  correctEstablishment(@Args('input') input: CorrectEstablishmentInput) {
    return this.establishmentService.correct(input);
  }
}
