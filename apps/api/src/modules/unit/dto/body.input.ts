import { BodyKind } from '@canbo/shared';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField, NameField } from '../../../core/validation/validation';

@InputType()
export class CreateBodyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId: string;

  @Field(() => BodyKind)
  @IsEnum(BodyKind, { message: 'Loại tổ chức không hợp lệ' })
  kind: BodyKind;

  @Field()
  @NameField()
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(0, { message: 'Không được là số âm' })
  @Max(10_000, { message: 'Không được lớn hơn 10.000' })
  sortOrder?: number;

  @Field(() => LocalDateScalar)
  @DateField()
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  validTo?: string | null;
}

@InputType()
export class UpdateBodyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã tổ chức không hợp lệ' })
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => BodyKind, { nullable: true })
  @IsOptional()
  @IsEnum(BodyKind, { message: 'Loại tổ chức không hợp lệ' })
  kind?: BodyKind;

  @Field(() => String, { nullable: true })
  @NameField(undefined, true)
  name?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(0, { message: 'Không được là số âm' })
  @Max(10_000, { message: 'Không được lớn hơn 10.000' })
  sortOrder?: number;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  validFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @DateField(true)
  validTo?: string | null;
}
