import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../core/graphql/pagination';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';

export enum ReportFigureKind {
  UNITS = 'units',
  PEOPLE = 'people',
  SEATS = 'seats',
}
registerEnumType(ReportFigureKind, {
  name: 'ReportFigureKind',
  description: 'What a figure counts: units, people (drills down to the people) or posts and seats (drills down to units)',
});

@ObjectType({ description: 'One figure of section I: count over base' })
export class ReportFigure {
  @Field({ description: 'The shared metric id (libs/shared metrics.ts)' })
  metricId: string;
  @Field({ description: 'The figure’s name (Vietnamese)' })
  name: string;
  @Field(() => ReportFigureKind)
  kind: ReportFigureKind;
  @Field(() => Int)
  count: number;
  @Field(() => Int, { nullable: true, description: 'Null for a plain count' })
  base: number | null;
  @Field(() => Float, { nullable: true, description: 'count / base in percent, one decimal; null when the base is 0 or absent' })
  percent: number | null;
  @Field({ description: 'Whether the people behind the count can be listed (situationReportPeople)' })
  drillsToPeople: boolean;
}

@ObjectType({ description: 'A version of a dated rule setting a report was computed by' })
export class ReportRuleVersion {
  @Field()
  key: string;
  @Field({ description: 'The decision or label of this version' })
  versionLabel: string;
  @Field(() => LocalDateScalar)
  validFrom: string;
  @Field(() => LocalDateScalar, { nullable: true })
  validTo: string | null;
}

@ObjectType({ description: 'Section I of the situation report, as of a reference date, for the scope or one unit' })
export class SituationReport {
  @Field(() => LocalDateScalar)
  asOf: string;
  @Field(() => ID, { nullable: true, description: 'The unit reported on (null: every commune-level unit of the caller’s scope)' })
  unitId: string | null;
  @Field(() => String, { nullable: true })
  unitName: string | null;
  @Field(() => [ReportFigure])
  figures: ReportFigure[];
  @Field(() => [ReportRuleVersion], { description: 'The rule settings in force on the reference date that the figures use' })
  rules: ReportRuleVersion[];
}

@ObjectType({ description: 'One unit’s figure' })
export class ReportUnitFigure {
  @Field()
  metricId: string;
  @Field(() => Int)
  count: number;
  @Field(() => Int, { nullable: true })
  base: number | null;
  @Field(() => Float, { nullable: true })
  percent: number | null;
}

@ObjectType({ description: 'The figures of one commune-level unit' })
export class ReportUnitRow {
  @Field(() => ID)
  unitId: string;
  @Field()
  unitName: string;
  @Field(() => [ReportUnitFigure])
  figures: ReportUnitFigure[];
}

@ObjectType({ description: 'The asked figures for every commune-level unit of the caller’s scope' })
export class SituationReportByUnit {
  @Field(() => LocalDateScalar)
  asOf: string;
  @Field(() => [ReportUnitRow])
  units: ReportUnitRow[];
}

@ObjectType({ description: 'A person counted by a figure' })
export class ReportPerson {
  @Field(() => ID)
  personId: string;
  @Field()
  fullName: string;
  @Field(() => ID)
  unitId: string;
  @Field()
  unitName: string;
}

@ObjectType()
export class ReportPersonConnection extends ConnectionType(ReportPerson, 'ReportPerson') {}
