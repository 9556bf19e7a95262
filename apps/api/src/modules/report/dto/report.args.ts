import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { AsOfArgs, AsOfUnitArgs } from '../../../core/graphql/as-of.args';
import { PageArgs } from '../../../core/graphql/pagination';
import { DateField } from '../../../core/validation/validation';

@ArgsType()
export class SituationReportArgs extends AsOfUnitArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only the figures of section I (default: section I, then the additional figures)' })
  @IsOptional()
  @IsBoolean()
  sectionOneOnly?: boolean | null;
}

@ArgsType()
export class SituationReportByUnitArgs extends AsOfArgs {
  @Field(() => [String], { nullable: true, description: 'The metric ids, any figure of situationReport (default: every figure of section I)' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  metricIds?: string[] | null;
}

@ArgsType()
export class SituationReportPeopleArgs extends PageArgs {
  @Field({ description: 'A figure with drillsToPeople: people in post, or seats held in committees and titles' })
  @IsString()
  @MaxLength(100)
  metricId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The reference date (default today; not before 2025-07-01)' })
  @DateField(true)
  asOf?: string | null;

  @Field(() => ID, { nullable: true, description: 'One commune-level unit (default: every unit of the caller’s scope)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;
}
