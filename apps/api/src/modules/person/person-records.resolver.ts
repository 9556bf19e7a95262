import { PERMISSIONS, PersonEntryKind, PersonRecordKind, todayIso } from '@canbo/shared';
import { Args, GraphQLISODateTime, Info, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { selectedFieldNames } from '../../core/graphql/selection';
import { CurrentPrincipal, CurrentScope, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { Scope } from '../../core/permissions/scope';
import {
  AddPersonEntryInput,
  AddPersonRecordInput,
  ChangePersonRecordInput,
  CorrectPersonEntryInput,
  CorrectPersonRecordInput,
  EndPersonRecordInput,
  SetPersonLocalOverrideInput,
} from './dto/person-record.input';
import { PersonEntity } from './person.entity';
import { PersonService } from './person.service';
import { PersonEntryEntity, PersonRecordEntity } from './person-record.entity';
import { PersonRecordsService } from './person-records.service';

const sensitive = (principal: Principal) => principal.has(PERMISSIONS.PERSONNEL_READ_SENSITIVE);

/** Titles, committees, qualifications, levels, rank; training, ratings, commendations, discipline; local or not. */
@Resolver(() => PersonEntity)
export class PersonRecordsResolver {
  constructor(
    private readonly service: PersonRecordsService,
    private readonly persons: PersonService,
  ) {}

  @ResolveField('records', () => [PersonRecordEntity], {
    description: 'Records of current knowledge (or as known at asKnownAt): every period, or those in force on asOf',
  })
  records(
    @Parent() person: PersonEntity,
    @Args('asOf', { type: () => LocalDateScalar, nullable: true }) asOf?: string | null,
    @Args('asKnownAt', { type: () => GraphQLISODateTime, nullable: true }) asKnownAt?: Date | null,
    @Args('kind', { type: () => PersonRecordKind, nullable: true }) kind?: PersonRecordKind | null,
  ) {
    return this.service.records(person.id, { asOf, asKnownAt, kind });
  }

  @ResolveField(() => [PersonEntryEntity], {
    description: 'Dated entries of current knowledge (or as known at asKnownAt); FAMILY entries only with personnel.read_sensitive (their read is audited)',
  })
  entries(
    @Parent() person: PersonEntity,
    @CurrentPrincipal() principal: Principal,
    @Args('asKnownAt', { type: () => GraphQLISODateTime, nullable: true }) asKnownAt?: Date | null,
    @Args('kind', { type: () => PersonEntryKind, nullable: true }) kind?: PersonEntryKind | null,
  ) {
    return this.service.entries(person.id, { asKnownAt, kind }, sensitive(principal));
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Local to the unit of the assignment in force on asOf (default today): the override, or derived from hometown and permanent residence',
  })
  isLocal(@Parent() person: PersonEntity, @Args('asOf', { type: () => LocalDateScalar, nullable: true }) asOf?: string | null) {
    return this.service.isLocal(person.id, asOf ?? person.assignment?.validFrom ?? todayIso());
  }

  @Mutation(() => PersonRecordEntity, { description: 'Adds a record (title, committee, qualification, ...) for a period' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  addPersonRecord(@Args('input') input: AddPersonRecordInput, @CurrentScope() scope: Scope) {
    return this.service.addRecord(input, scope);
  }

  @Mutation(() => PersonRecordEntity, { description: 'Records a real change of a record from a date' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  changePersonRecord(@Args('input') input: ChangePersonRecordInput, @CurrentScope() scope: Scope) {
    return this.service.changeRecord(input, scope);
  }

  @Mutation(() => PersonRecordEntity, { description: 'Ends a record (a title or membership held until a date)' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  endPersonRecord(@Args('input') input: EndPersonRecordInput, @CurrentScope() scope: Scope) {
    return this.service.endRecord(input, scope);
  }

  @Mutation(() => PersonRecordEntity, { description: 'Corrects a mistaken record (marked as a correction)' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  correctPersonRecord(@Args('input') input: CorrectPersonRecordInput, @CurrentScope() scope: Scope) {
    return this.service.correctRecord(input, scope);
  }

  @Mutation(() => PersonEntryEntity, {
    description: 'Adds a training record, annual rating, commendation, disciplinary measure or (with personnel.read_sensitive) family relation',
  })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  addPersonEntry(@Args('input') input: AddPersonEntryInput, @CurrentScope() scope: Scope, @CurrentPrincipal() principal: Principal) {
    return this.service.addEntry(input, scope, sensitive(principal));
  }

  @Mutation(() => PersonEntryEntity, { description: 'Corrects a mistaken entry (marked as a correction)' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  correctPersonEntry(@Args('input') input: CorrectPersonEntryInput, @CurrentScope() scope: Scope, @CurrentPrincipal() principal: Principal) {
    return this.service.correctEntry(input, scope, sensitive(principal));
  }

  @Mutation(() => PersonEntity, { description: 'Overrides (or gives back to derivation) whether a person is local' })
  @RequirePermission(PERMISSIONS.PERSONNEL_WRITE)
  async setPersonLocalOverride(
    @Args('input') input: SetPersonLocalOverrideInput,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
  ) {
    const person = await this.service.setLocalOverride(input, scope);
    await this.persons.present([person], sensitive(principal), selectedFieldNames(info));
    return person;
  }
}
