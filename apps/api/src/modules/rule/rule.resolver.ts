import { PERMISSIONS, RuleKey, todayIso } from '@canbo/shared';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { AddRuleSettingVersionInput } from './dto/rule-setting.input';
import { RuleSettingEntity } from './rule-setting.entity';
import { RuleService } from './rule.service';

@Resolver(() => RuleSettingEntity)
export class RuleResolver {
  constructor(private readonly rules: RuleService) {}

  @Query(() => [RuleSettingEntity], { description: 'Every version of a rule setting, newest first' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  ruleSettingVersions(@Args('key', { type: () => RuleKey }) key: RuleKey) {
    return this.rules.versions(key);
  }

  @Query(() => RuleSettingEntity, { description: 'The version of a rule setting in force on a date (default today)' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  ruleSetting(
    @Args('key', { type: () => RuleKey }) key: RuleKey,
    @Args('asOf', { type: () => LocalDateScalar, nullable: true }) asOf?: string,
  ) {
    return this.rules.inForce(key, asOf ?? todayIso());
  }

  @Mutation(() => RuleSettingEntity)
  @RequirePermission(PERMISSIONS.RULE_MANAGE)
  addRuleSettingVersion(@Args('input') input: AddRuleSettingVersionInput) {
    return this.rules.addVersion(input);
  }
}
