import { DefaultEstablishmentValue, KeyLeadershipTitlesValue, PoliticalTheoryStandardValue, RuleKey, TargetsValue } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AddRuleSettingVersionInput } from './dto/rule-setting.input';
import { AuditService } from '../audit/audit.service';
import { RuleSettingEntity } from './rule-setting.entity';
import { RuleErrors } from './rule.errors';

export interface RuleValues {
  [RuleKey.KEY_LEADERSHIP_TITLES]: KeyLeadershipTitlesValue;
  [RuleKey.DEFAULT_COMMUNE_ESTABLISHMENT]: DefaultEstablishmentValue;
  [RuleKey.TARGETS]: TargetsValue;
  [RuleKey.POLITICAL_THEORY_STANDARD]: PoliticalTheoryStandardValue;
}

/** Checks a value's shape for its key; returns an error message or null. */
export type RuleValueCheck = (value: Record<string, unknown>, manager: EntityManager) => Promise<string | null>;

@Injectable()
export class RuleService {
  private readonly checks = new Map<RuleKey, RuleValueCheck>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Modules owning a rule's vocabulary register how to check its values (e.g. titles check title codes). */
  registerCheck(key: RuleKey, check: RuleValueCheck): void {
    this.checks.set(key, check);
  }

  versions(key: RuleKey): Promise<RuleSettingEntity[]> {
    return this.dataSource.getRepository(RuleSettingEntity).find({ where: { key }, order: { validFrom: 'DESC' } });
  }

  /** The version in force on `asOf`. */
  async inForce<K extends RuleKey>(key: K, asOf: string): Promise<RuleSettingEntity & { value: RuleValues[K] }> {
    const setting = await this.dataSource
      .getRepository(RuleSettingEntity)
      .createQueryBuilder('r')
      .where('r.key = :key', { key })
      .andWhere('r.valid_from <= :asOf AND (r.valid_to IS NULL OR r.valid_to > :asOf)', { asOf })
      .getOne();
    if (!setting) throw RuleErrors.notFound(key);
    return setting as RuleSettingEntity & { value: RuleValues[K] };
  }

  /** Adds a version from `validFrom`; the version then in force ends that day. */
  async addVersion(input: AddRuleSettingVersionInput): Promise<RuleSettingEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rule:${input.key}`]);
      const check = this.checks.get(input.key);
      const problem = check ? await check(input.value, manager) : null;
      if (problem) throw RuleErrors.invalidValue(problem);
      const later = await manager
        .getRepository(RuleSettingEntity)
        .createQueryBuilder('r')
        .where('r.key = :key AND r.valid_from >= :from', { key: input.key, from: input.validFrom })
        .getCount();
      if (later) throw RuleErrors.notAfterPrevious();
      await manager
        .createQueryBuilder()
        .update(RuleSettingEntity)
        .set({ validTo: input.validFrom })
        .where('key = :key AND valid_to IS NULL', { key: input.key })
        .execute();
      const saved = await manager.save(
        manager.create(RuleSettingEntity, {
          key: input.key,
          versionLabel: input.versionLabel,
          validFrom: input.validFrom,
          validTo: null,
          value: input.value,
          recordedAt: new Date(),
        }),
      );
      await this.audit.record(manager, { operation: 'addRuleSettingVersion', entity: 'ruleSetting', entityId: saved.id, after: saved });
      return saved;
    });
  }
}
