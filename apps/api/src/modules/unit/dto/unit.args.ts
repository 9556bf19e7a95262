import { SortDirection, UnitKind, UnitSortField } from '@canbo/shared';
import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../core/graphql/pagination';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField, SearchField } from '../../../core/validation/validation';

registerEnumType(UnitSortField, { name: 'UnitSortField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType()
export class UnitFilter {
  @Field(() => String, { nullable: true, description: 'Matches name or short name, ignoring diacritics and case' })
  @SearchField()
  search?: string | null;

  @Field(() => [UnitKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(UnitKind, { each: true, message: 'Loại đơn vị không hợp lệ' })
  kinds?: UnitKind[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  parentId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only units that exist on this date' })
  @DateField(true)
  activeOn?: string | null;
}

@InputType()
export class UnitOrder {
  @Field(() => UnitSortField, { defaultValue: UnitSortField.NAME })
  @IsEnum(UnitSortField)
  field: UnitSortField = UnitSortField.NAME;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class UnitsArgs extends PageArgs {
  @Field(() => UnitFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitFilter)
  filter?: UnitFilter | null;

  @Field(() => UnitOrder, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitOrder)
  orderBy?: UnitOrder | null;
}
