import { foldForSearch, KeyLeadershipTitlesValue, RuleKey } from '@canbo/shared';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '../../core/graphql/pagination';
import { AuditService } from '../audit/audit.service';
import { RuleService } from '../rule/rule.service';
import { RuleSettingEntity } from '../rule/rule-setting.entity';
import { CreateTitleInput, UpdateTitleInput } from './dto/title.input';
import { TitlesArgs } from './dto/title.args';
import { TitleEntity } from './title.entity';
import { TitleErrors } from './title.errors';
import { containsPattern } from '../../core/database/like';

const SORT = `lpad(t.sort_order::text, 6, '0') || ' ' || t.search_text`;

@Injectable()
export class TitleService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.rules.registerCheck(RuleKey.KEY_LEADERSHIP_TITLES, async (value, manager) => {
      const codes = (value as Partial<KeyLeadershipTitlesValue>).titleCodes;
      if (!Array.isArray(codes) || !codes.length || codes.some((c) => typeof c !== 'string')) {
        return 'titleCodes phải là danh sách mã chức danh';
      }
      const found = await manager.count(TitleEntity, { where: { code: In(codes) } });
      return found === new Set(codes).size ? null : 'Có mã chức danh không tồn tại trong danh mục';
    });
  }

  async list(args: TitlesArgs): Promise<Connection<TitleEntity>> {
    const qb = this.dataSource.getRepository(TitleEntity).createQueryBuilder('t');
    const filter = args.filter ?? {};
    if (filter.search) {
      qb.andWhere(`t.search_text LIKE :search ESCAPE '\\'`, {
        search: containsPattern(foldForSearch(filter.search)),
      });
    }
    if (filter.level) qb.andWhere('t.level = :level', { level: filter.level });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('t.active = :active', { active: filter.active });
    const totalCount = await qb.clone().getCount();
    if (args.after) {
      const cursor = decodeCursor(args.after);
      qb.andWhere(`(${SORT}, t.id) > (:sort, :id)`, { sort: String(cursor.sort), id: cursor.id });
    }
    const { entities, raw } = await qb
      .addSelect(SORT, 'sort_value')
      .orderBy(SORT, 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(args.first + 1)
      .getRawAndEntities<{ sort_value: string; t_id: string }>();
    const sorts = new Map(raw.map((r) => [r.t_id, r.sort_value]));
    return toConnection(entities, args.first, totalCount, Boolean(args.after), (t) => sorts.get(t.id) ?? '');
  }

  async get(id: string): Promise<TitleEntity> {
    const title = await this.dataSource.getRepository(TitleEntity).findOne({ where: { id } });
    if (!title) throw TitleErrors.notFound(id);
    return title;
  }

  /** For other modules' writes: the title, or BAD_USER_INPUT on `field`. */
  async requireExisting(manager: EntityManager, id: string, field = 'titleId'): Promise<TitleEntity> {
    const title = await manager.findOne(TitleEntity, { where: { id } });
    if (!title) throw TitleErrors.unknownTitle(field);
    return title;
  }

  /** Titles by code, for other modules' writes in their transaction. */
  byCodes(manager: EntityManager, codes: string[]): Promise<TitleEntity[]> {
    return manager.find(TitleEntity, { where: { code: In(codes) } });
  }

  async create(input: CreateTitleInput): Promise<TitleEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.exists(TitleEntity, { where: { code: input.code } })) throw TitleErrors.duplicateCode();
      const title = await manager.save(
        manager.create(TitleEntity, {
          ...input,
          bodyKind: input.bodyKind ?? null,
          sortOrder: input.sortOrder ?? 0,
          active: true,
          searchText: foldForSearch(input.name),
        }),
      );
      await this.audit.record(manager, { operation: 'createTitle', entity: 'title', entityId: title.id, after: title });
      return title;
    });
  }

  async update(input: UpdateTitleInput): Promise<TitleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(TitleEntity, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw TitleErrors.notFound(input.id);
      if (current.version !== input.version) throw TitleErrors.stale();
      const { id, version, ...changes } = input;
      const next = { ...changes };
      // omitted or null means "unchanged", except bodyKind, the one nullable column
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (next[key] === undefined || (next[key] === null && key !== 'bodyKind')) delete next[key];
      }
      const name = next.name ?? current.name;
      await manager.update(TitleEntity, { id }, { ...next, searchText: foldForSearch(name), version: version + 1 });
      const after = await manager.findOneOrFail(TitleEntity, { where: { id } });
      await this.audit.record(manager, { operation: 'updateTitle', entity: 'title', entityId: id, before: current, after });
      return after;
    });
  }

  /** The key leadership titles on a date, with the rule version that says so. */
  async keyLeadership(asOf: string): Promise<{ rule: RuleSettingEntity; titles: TitleEntity[] }> {
    const rule = await this.rules.inForce(RuleKey.KEY_LEADERSHIP_TITLES, asOf);
    const titles = await this.dataSource
      .getRepository(TitleEntity)
      .find({ where: { code: In(rule.value.titleCodes) }, order: { sortOrder: 'ASC' } });
    return { rule, titles };
  }
}
