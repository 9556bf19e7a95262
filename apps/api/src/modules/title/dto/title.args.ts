import { TitleLevel } from '@canbo/shared';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../core/graphql/pagination';
import { SearchField } from '../../../core/validation/validation';

@InputType()
export class TitleFilter {
  @Field(() => String, { nullable: true })
  @SearchField()
  search?: string | null;

  @Field(() => TitleLevel, { nullable: true })
  @IsOptional()
  @IsEnum(TitleLevel)
  level?: TitleLevel | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@ArgsType()
export class TitlesArgs extends PageArgs {
  @Field(() => TitleFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TitleFilter)
  filter?: TitleFilter | null;
}
