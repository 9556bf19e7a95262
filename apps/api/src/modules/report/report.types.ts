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

@ObjectType({ description: 'One figure of the situation report (of section I, or an additional figure): count over base' })
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
  @Field({
    description:
      'Whether the people behind the count can be listed (situationReportPeople): people in post, or seats held (one row per seat); figures of units, posts, planned seats or shortfalls drill down to units only',
  })
  drillsToPeople: boolean;
  @Field({ description: 'Whether the figure is one of section I of the resolution (listed first, in its order); false: an additional figure' })
  sectionOne: boolean;
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

@ObjectType({ description: 'The situation report (section I, then the additional figures), as of a reference date, for the scope or one unit' })
export class SituationReport {
  @Field(() => LocalDateScalar)
  asOf: string;
  @Field(() => ID, { nullable: true, description: 'The unit reported on (null: every commune-level unit of the caller’s scope)' })
  unitId: string | null;
  @Field(() => String, { nullable: true })
  unitName: string | null;
  @Field(() => [ReportFigure], {
    description:
      'The figures of section I in the resolution’s order (sectionOne true), then the additional figures: staff against approved posts and the shortfall per staff category, and specialists against the establishment and the shortfall per professional field (only fields with specialists in the establishment)',
  })
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

@ObjectType({ description: 'A person counted by a figure: one per person for staff figures, one per seat held for committee and title figures' })
export class ReportPerson {
  @Field(() => ID)
  personId: string;
  @Field()
  fullName: string;
  @Field(() => ID)
  unitId: string;
  @Field()
  unitName: string;
  @Field(() => ID, { nullable: true, description: 'The seat held (title or committee membership record) of a seat figure; null for staff figures' })
  seatId: string | null;
  @Field(() => String, { nullable: true, description: 'The title’s name, or the committee’s, of a seat figure; null for staff figures' })
  seatName: string | null;
}

@ObjectType()
export class ReportPersonConnection extends ConnectionType(ReportPerson, 'ReportPerson') {}
