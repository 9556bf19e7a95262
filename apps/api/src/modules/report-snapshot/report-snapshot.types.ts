import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../core/graphql/pagination';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { ReportFigure, ReportRuleVersion } from '../report/report.types';
import { TargetValue, UnitTargetValue } from '../target/target.types';

export enum ReportSnapshotKind {
  YEARLY = 'YEARLY',
  ON_DEMAND = 'ON_DEMAND',
  /** the baseline date of the targets: the start of their straight lines */
  BASELINE = 'BASELINE',
}
registerEnumType(ReportSnapshotKind, {
  name: 'ReportSnapshotKind',
  description: 'Frozen yearly or on the targets’ baseline date (automatically), or on demand',
});

@ObjectType({ description: 'A frozen copy of the situation report and the targets: never changes after records do' })
export class ReportSnapshot {
  @Field(() => ID)
  id: string;
  @Field(() => ReportSnapshotKind)
  kind: ReportSnapshotKind;
  @Field(() => Int, { nullable: true, description: 'The year of a yearly snapshot' })
  year: number | null;
  @Field(() => LocalDateScalar, { description: 'The data date: the reference date the figures were computed for' })
  asOf: string;
  @Field()
  label: string;
  @Field(() => [ReportRuleVersion], { description: 'The rule versions the figures and targets were computed by' })
  rules: ReportRuleVersion[];
  @Field(() => String, { nullable: true, description: 'Who froze it (null: the yearly job)' })
  createdByName: string | null;
  @Field()
  createdAt: Date;
}

@ObjectType()
export class ReportSnapshotConnection extends ConnectionType(ReportSnapshot, 'ReportSnapshot') {}

@ObjectType({ description: 'The frozen figures and targets of a snapshot, for the province or one unit' })
export class FrozenReport {
  @Field(() => ReportSnapshot)
  snapshot: ReportSnapshot;
  @Field(() => ID, { nullable: true, description: 'The unit (null: the province)' })
  unitId: string | null;
  @Field(() => String, { nullable: true })
  unitName: string | null;
  @Field(() => [ReportFigure])
  figures: ReportFigure[];
  @Field(() => [TargetValue])
  targets: TargetValue[];
}

@ObjectType({ description: 'The target values of one yearly snapshot (a point of the trend)' })
export class TargetTrendPoint {
  @Field(() => ID)
  snapshotId: string;
  @Field(() => Int, { nullable: true })
  year: number | null;
  @Field(() => LocalDateScalar)
  asOf: string;
  @Field(() => [UnitTargetValue])
  targets: UnitTargetValue[];
}
