import { LIMITS, StaffCategory, USERNAME_PATTERN } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { CodeField, NameField, TextField } from '../../../core/validation/validation';

@InputType()
export class CreateUserInput {
  @Field({ description: 'lower-case latin letters, digits and . _ -, 3 to 60 characters' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'Tên đăng nhập gồm 3–60 chữ thường không dấu, chữ số và . _ -' })
  username: string;

  @Field()
  @NameField()
  displayName: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  homeUnitId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @NameField(LIMITS.nameMaxLength, true)
  displayName?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  homeUnitId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class CreateRoleInput {
  @Field()
  @CodeField()
  code: string;

  @Field()
  @NameField()
  name: string;

  @Field(() => String, { nullable: true })
  @TextField()
  description?: string | null;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  permissions: string[];
}

@InputType()
export class UpdateRoleInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @NameField(LIMITS.nameMaxLength, true)
  name?: string;

  @Field(() => String, { nullable: true })
  @TextField()
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  permissions?: string[];
}

@InputType({ description: 'A role for a user or a service account, over all units or the listed ones' })
export class AssignRoleInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  serviceAccountId?: string | null;

  @Field(() => ID)
  @IsUUID('all', { message: 'Mã vai trò không hợp lệ' })
  roleId: string;

  @Field()
  @IsBoolean()
  allUnits: boolean;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'Mã đơn vị không hợp lệ' })
  unitIds: string[] = [];

  @Field(() => [StaffCategory], { nullable: true, description: 'null or absent: every category' })
  @IsOptional()
  @IsArray()
  @IsEnum(StaffCategory, { each: true, message: 'Loại cán bộ không hợp lệ' })
  staffCategories?: StaffCategory[] | null;
}

@InputType()
export class CreateServiceAccountInput {
  @Field()
  @NameField()
  name: string;

  @Field(() => String, { nullable: true })
  @TextField()
  description?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key stops working' })
  @IsOptional()
  @IsDate({ message: 'Thời điểm không hợp lệ' })
  expiresAt?: Date | null;
}

