import { BodyKind, LIMITS, TitleLevel } from '@canbo/shared';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CodeField, NameField } from '../../../core/validation/validation';

@InputType()
export class CreateTitleInput {
  @Field()
  @CodeField()
  code: string;

  @Field()
  @NameField()
  name: string;

  @Field(() => TitleLevel)
  @IsEnum(TitleLevel, { message: 'Cấp chức danh không hợp lệ' })
  level: TitleLevel;

  @Field(() => BodyKind, { nullable: true })
  @IsOptional()
  @IsEnum(BodyKind, { message: 'Loại tổ chức không hợp lệ' })
  bodyKind?: BodyKind | null;

  @Field({ description: 'Titles of one class are equivalent across units' })
  @CodeField()
  equivalenceClass: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(0, { message: 'Không được là số âm' })
  @Max(10_000, { message: 'Không được lớn hơn 10.000' })
  sortOrder?: number;
}

@InputType()
export class UpdateTitleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã chức danh không hợp lệ' })
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @NameField(LIMITS.nameMaxLength, true)
  name?: string;

  @Field(() => TitleLevel, { nullable: true })
  @IsOptional()
  @IsEnum(TitleLevel, { message: 'Cấp chức danh không hợp lệ' })
  level?: TitleLevel;

  @Field(() => BodyKind, { nullable: true })
  @IsOptional()
  @IsEnum(BodyKind, { message: 'Loại tổ chức không hợp lệ' })
  bodyKind?: BodyKind | null;

  @Field(() => String, { nullable: true })
  @CodeField(true)
  equivalenceClass?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Phải là số nguyên' })
  @Min(0, { message: 'Không được là số âm' })
  @Max(10_000, { message: 'Không được lớn hơn 10.000' })
  sortOrder?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
