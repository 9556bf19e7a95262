import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { PageArgs } from '../../../core/graphql/pagination';
import { DateField, NameField } from '../../../core/validation/validation';

@InputType()
export class CreateReportSnapshotInput {
  @Field(() => LocalDateScalar, { description: 'The data date (not before 2025-07-01 nor in the future)' })
  @DateField()
  asOf: string;

  @Field({ description: 'What the snapshot is for, e.g. "Số liệu báo cáo sơ kết 6 tháng"' })
  @NameField()
  label: string;
}

@ArgsType()
export class ReportSnapshotsArgs extends PageArgs {}

@ArgsType()
export class ReportSnapshotArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã bản chốt không hợp lệ' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'One unit (default: the province, or the caller’s only unit)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;
}

@ArgsType()
export class TargetTrendArgs {
  @Field(() => ID, { nullable: true, description: 'One unit (default: the province, or the caller’s only unit)' })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId?: string | null;
}
