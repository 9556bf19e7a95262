import { TargetId, TargetStatus } from '@canbo/shared';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { ReportRuleVersion } from '../report/report.types';

registerEnumType(TargetId, { name: 'TargetId', description: 'The measures of the five targets of 2025–2030 (target 2 has two)' });
registerEnumType(TargetStatus, {
  name: 'TargetStatus',
  description: 'MET at or above the target; ON_TRACK at or above the straight line from the baseline to the target; AT_RISK below it; NO_DATA',
});

@ObjectType({ description: 'One measure of a target: count over base, against the target value' })
export class TargetValue {
  @Field(() => TargetId)
  targetId: TargetId;
  @Field(() => Int, { description: 'The target’s number in the resolution (1–5)' })
  number: number;
  @Field({ description: 'The measure’s name (Vietnamese)' })
  name: string;
  @Field(() => Int)
  count: number;
  @Field(() => Int, { description: 'People (or, for target 5, units) measured; 0: no data' })
  base: number;
  @Field(() => Float, { nullable: true, description: 'count / base in percent, one decimal; null without a base' })
  value: number | null;
  @Field(() => Float, { description: 'The target value in percent (rule data)' })
  target: number;
  @Field(() => Float, { nullable: true, description: 'Percentage points still missing (0 when met)' })
  gap: number | null;
  @Field(() => Float, { nullable: true, description: 'The value on the baseline date' })
  baseline: number | null;
  @Field(() => Float, { nullable: true, description: 'The value the straight line from the baseline to the target expects on the reference date' })
  expected: number | null;
  @Field(() => TargetStatus)
  status: TargetStatus;
}

@ObjectType({ description: 'The five targets as of a reference date, for the caller’s scope or one unit' })
export class TargetReport {
  @Field(() => LocalDateScalar)
  asOf: string;
  @Field(() => ID, { nullable: true })
  unitId: string | null;
  @Field(() => String, { nullable: true })
  unitName: string | null;
  @Field(() => LocalDateScalar, { description: 'The baseline date of the straight line to the targets' })
  baselineDate: string;
  @Field(() => LocalDateScalar, { description: 'The deadline of the targets' })
  deadline: string;
  @Field(() => Int, { nullable: true, description: 'The latest rated year target 1 reads (null without ratings)' })
  ratingYear: number | null;
  @Field(() => Float, { description: 'Target 5: the largest gap allowed, in percentage points' })
  minorityTolerancePoints: number;
  @Field(() => [TargetValue])
  targets: TargetValue[];
  @Field(() => [ReportRuleVersion], { description: 'The rule versions the values were computed and judged by' })
  rules: ReportRuleVersion[];
  @Field(() => ID, { nullable: true, description: 'The frozen snapshot the baselines were read from (null: computed from the records now)' })
  baselineSnapshotId: string | null;
}

@ObjectType({ description: 'One unit’s value of a measure' })
export class UnitTargetValue {
  @Field(() => TargetId)
  targetId: TargetId;
  @Field(() => Int)
  count: number;
  @Field(() => Int)
  base: number;
  @Field(() => Float, { nullable: true })
  value: number | null;
  @Field(() => TargetStatus)
  status: TargetStatus;
}

@ObjectType({ description: 'The targets of one commune-level unit' })
export class UnitTargetRow {
  @Field(() => ID)
  unitId: string;
  @Field()
  unitName: string;
  @Field(() => [UnitTargetValue])
  targets: UnitTargetValue[];
  @Field(() => Float, { nullable: true, description: 'Target 5: the minority share of the executive committee, in percent' })
  committeeMinorityShare: number | null;
  @Field(() => Float, { nullable: true, description: 'Target 5: the minority share of the unit’s population, in percent (data an admin enters)' })
  populationMinorityShare: number | null;
}

@ObjectType({ description: 'The targets of every commune-level unit of the caller’s scope' })
export class TargetsByUnit {
  @Field(() => LocalDateScalar)
  asOf: string;
  @Field(() => [UnitTargetRow])
  units: UnitTargetRow[];
}
