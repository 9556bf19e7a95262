import { PERMISSIONS, todayIso } from '@canbo/shared';
import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ConnectionType } from '../../core/graphql/pagination';
import { LocalDateScalar } from '../../core/graphql/local-date.scalar';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { RuleSettingEntity } from '../rule/rule-setting.entity';
import { idPipe } from '../../core/graphql/id.pipe';
import { TitlesArgs } from './dto/title.args';
import { CreateTitleInput, UpdateTitleInput } from './dto/title.input';
import { TitleEntity } from './title.entity';
import { TitleErrors } from './title.errors';
import { TitleService } from './title.service';

@ObjectType()
export class TitleConnection extends ConnectionType(TitleEntity, 'Title') {}

@ObjectType()
export class KeyLeadershipTitles {
  @Field(() => RuleSettingEntity, { description: 'The rule version that names these titles' })
  rule: RuleSettingEntity;
  @Field(() => [TitleEntity])
  titles: TitleEntity[];
}

@Resolver(() => TitleEntity)
export class TitleResolver {
  constructor(private readonly titleService: TitleService) {}

  @Query(() => TitleConnection)
  @RequirePermission(PERMISSIONS.UNIT_READ)
  titles(@Args() args: TitlesArgs) {
    return this.titleService.list(args);
  }

  @Query(() => TitleEntity)
  @RequirePermission(PERMISSIONS.UNIT_READ)
  title(@Args('id', { type: () => ID }, idPipe(TitleErrors.notFound)) id: string) {
    return this.titleService.get(id);
  }

  @Query(() => KeyLeadershipTitles, { description: 'Titles that count as key leadership on a date (default today)' })
  @RequirePermission(PERMISSIONS.UNIT_READ)
  keyLeadershipTitles(@Args('asOf', { type: () => LocalDateScalar, nullable: true }) asOf?: string) {
    return this.titleService.keyLeadership(asOf ?? todayIso());
  }

  @Mutation(() => TitleEntity)
  @RequirePermission(PERMISSIONS.TITLE_MANAGE)
  createTitle(@Args('input') input: CreateTitleInput) {
    return this.titleService.create(input);
  }

  @Mutation(() => TitleEntity)
  @RequirePermission(PERMISSIONS.TITLE_MANAGE)
  updateTitle(@Args('input') input: UpdateTitleInput) {
    return this.titleService.update(input);
  }
}
