import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsNumber, IsUUID, Max, Min } from 'class-validator';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { CountField, DateField, NameField } from '../../../core/validation/validation';

@InputType()
export class AddUnitPopulationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Mã đơn vị không hợp lệ' })
  unitId: string;

  @Field(() => LocalDateScalar, { description: 'The date the figures hold from (the version in force then ends that day)' })
  @DateField()
  validFrom: string;

  @Field(() => Int)
  @CountField(10_000_000)
  population: number;

  @Field(() => Float, { description: 'The ethnic-minority share, in percent, 0 to 100, at most two decimals' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'Tỷ lệ phải là số phần trăm, tối đa hai chữ số thập phân' })
  @Min(0, { message: 'Tỷ lệ không được nhỏ hơn 0%' })
  @Max(100, { message: 'Tỷ lệ không được lớn hơn 100%' })
  ethnicMinorityShare: number;

  @Field({ description: 'Where the figures come from' })
  @NameField()
  source: string;
}
