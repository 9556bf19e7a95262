import { PERMISSIONS } from '@canbo/shared';
import { Args, Info, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ConnectionType } from '../../core/graphql/pagination';
import { selectedFieldNames } from '../../core/graphql/selection';
import { CurrentPrincipal, CurrentScope, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import { PersonArgs, PersonsArgs, PersonTimelineArgs } from './dto/person.args';
import {
  ChangePersonAssignmentInput,
  CorrectPersonAssignmentInput,
  CreatePersonInput,
  UpdatePersonIdentityInput,
} from './dto/person.input';
import { PersonAssignmentEntity, PersonEntity, PersonTimeline } from './person.entity';
import { PersonErrors } from './person.errors';
import { PERSON_SENSITIVE_FIELDS, PersonService } from './person.service';

@ObjectType()
export class PersonConnection extends ConnectionType(PersonEntity, 'Person') {}

const sensitive = (principal: Principal) => principal.has(PERMISSIONS.PERSONNEL_READ_SENSITIVE);

@Resolver(() => PersonEntity)
export class PersonResolver {
  constructor(private readonly personService: PersonService) {}

  @Query(() => PersonConnection, {
    description: 'Persons whose assignment in force on asOf is in the caller’s scope, sorted by name, paginated',
  })
  @RequirePermission(PERMISSIONS.PERSONNEL_READ)
  async persons(
    @Args() args: PersonsArgs,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ) {
    const connection = await this.personService.list(args, scope, sensitive(principal));
    await this.personService.present(
      connection.edges.map((e) => e.node),
      sensitive(principal),
      selectedFieldNames(info),
    );
    return connection;
  }

  @Query(() => PersonEntity, { description: 'One person on a date (asOf), as known at a time (asKnownAt)' })
  @RequirePermission(PERMISSIONS.PERSONNEL_READ)
  async person(
    @Args() args: PersonArgs,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ) {
    const person = await this.personService.get(args, scope);
    await this.personService.present([person], sensitive(principal), selectedFieldNames(info));
    return person;
  }

  @Query(() => PersonTimeline, { description: 'Every assignment record and identity revision, superseded ones included' })
  @RequirePermission(PERMISSIONS.PERSONNEL_READ)
  async personTimeline(
    @Args() args: PersonTimelineArgs,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ) {
    const timeline = await this.personService.timeline(args.id, scope);
    await this.personService.presentTimeline(timeline, sensitive(principal), selectedFieldNames(info));
    return timeline;
  }

  @Mutation(() => PersonEntity, { description: 'Creates a person with their first assignment' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async createPerson(
    @Args('input') input: CreatePersonInput,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ) {
    const person = await this.personService.create(input, scope);
    await this.personService.present([person], sensitive(principal), selectedFieldNames(info));
    return person;
  }

  @Mutation(() => PersonEntity, { description: 'Records a change or a correction (marked as such) of identity fields' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async updatePersonIdentity(
    @Args('input') input: UpdatePersonIdentityInput,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ) {
    // who may not read a sensitive field may not overwrite it either (a null sent back would erase it)
    if (!sensitive(principal)) {
      const touched = PERSON_SENSITIVE_FIELDS.find((f) => (input as unknown as Record<string, unknown>)[f] !== undefined);
      if (touched) throw PersonErrors.sensitiveWrite(touched);
    }
    const person = await this.personService.updateIdentity(input, scope);
    await this.personService.present([person], sensitive(principal), selectedFieldNames(info));
    return person;
  }

  @Mutation(() => PersonAssignmentEntity, { description: 'Records a real change of assignment from a date' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  changePersonAssignment(@Args('input') input: ChangePersonAssignmentInput, @CurrentScope() scope: Scope) {
    return this.personService.changeAssignment(input, scope);
  }

  @Mutation(() => PersonAssignmentEntity, { description: 'Corrects a mistaken assignment record (marked as a correction)' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  correctPersonAssignment(@Args('input') input: CorrectPersonAssignmentInput, @CurrentScope() scope: Scope) {
    return this.personService.correctAssignment(input, scope);
  }
}
