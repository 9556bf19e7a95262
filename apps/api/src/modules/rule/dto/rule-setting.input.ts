import { RuleKey } from '@canbo/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsObject } from 'class-validator';
import { GraphQLJSON } from '../../../core/graphql/json.scalar';
import { LocalDateScalar } from '../../../core/graphql/local-date.scalar';
import { DateField, NameField } from '../../../core/validation/validation';

@InputType()
export class AddRuleSettingVersionInput {
  @Field(() => RuleKey)
  @IsEnum(RuleKey, { message: 'Tham số không hợp lệ' })
  key: RuleKey;

  @Field({ description: 'The decision that sets this version' })
  @NameField()
  versionLabel: string;

  @Field(() => LocalDateScalar)
  @DateField()
  validFrom: string;

  @Field(() => GraphQLJSON)
  @IsObject({ message: 'Giá trị phải là một đối tượng JSON' })
  value: Record<string, unknown>;
}
