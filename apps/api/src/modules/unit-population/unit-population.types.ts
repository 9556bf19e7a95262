import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';

@ObjectType({ description: 'A dated version of a unit’s population and its ethnic-minority share (target 5 reads it)' })
export class UnitPopulation {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  unitId: string;
  @Field(() => LocalDateScalar)
  validFrom: string;
  @Field(() => LocalDateScalar, { nullable: true })
  validTo: string | null;
  @Field(() => Int)
  population: number;
  @Field(() => Float, { description: 'The ethnic-minority share of the population, in percent (two decimals)' })
  ethnicMinorityShare: number;
  @Field(() => String, { nullable: true, description: 'Where the figures come from (e.g. the statistics office’s yearbook)' })
  source: string | null;
}
