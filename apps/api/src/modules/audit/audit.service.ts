import { ActorType, MASK, SECRET_FIELDS, SENSITIVE_FIELDS } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '../../core/graphql/pagination';
import { currentContext } from '../../core/logging/request-context';
import { AuditEntryEntity } from './audit.entity';
import { AuditLogArgs } from './dto/audit.args';
import { containsPattern } from '../../core/database/like';

/** Bookkeeping columns that are not part of a record's meaning. */
const IGNORED = new Set(['createdAt', 'updatedAt', 'searchText', ...SECRET_FIELDS]);

export interface AuditInput {
  operation: string;
  entity: string;
  entityId?: string | null;
  /** the record before (null when created) */
  before?: object | null;
  /** the record after (null when removed) */
  after?: object | null;
  /** extra facts (counts of a bulk load, a reason, ...) stored as they are */
  details?: Record<string, unknown>;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** The fields that differ between two versions of a record, with their values before and after. */
export function diff(before: object | null | undefined, after: object | null | undefined): Record<string, { before?: unknown; after?: unknown }> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: Record<string, { before?: unknown; after?: unknown }> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED.has(key)) continue;
    const bv = plain(b[key]);
    const av = plain(a[key]);
    if (typeof b[key] === 'object' && b[key] !== null && !(b[key] instanceof Date) && !Array.isArray(b[key])) continue; // relations
    if (typeof a[key] === 'object' && a[key] !== null && !(a[key] instanceof Date) && !Array.isArray(a[key])) continue;
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    changes[key] = { ...(before ? { before: bv } : {}), ...(after ? { after: av } : {}) };
  }
  return changes;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes audit rows in the caller's transaction: they commit or roll back with the change itself. */
  async record(manager: EntityManager, ...entries: AuditInput[]): Promise<void> {
    if (!entries.length) return;
    const ctx = currentContext();
    const actor = ctx?.actor ?? { type: ActorType.SYSTEM, id: null, name: 'canbo' };
    const rows = entries.map((e) => {
      const changes = { ...diff(e.before, e.after), ...(e.details ? { details: { after: plain(e.details) } } : {}) };
      const sensitive = (SENSITIVE_FIELDS[e.entity] ?? []).filter((f) => f in changes);
      return {
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name,
        operation: e.operation,
        entity: e.entity,
        entityId: e.entityId ?? null,
        changes,
        sensitiveFields: sensitive,
        clientIp: ctx?.clientIp ?? null,
        requestId: ctx?.requestId ?? null,
      };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuditEntryEntity)
        .values(rows.slice(i, i + 1000) as Partial<AuditEntryEntity>[] as never)
        .execute();
    }
  }

  /** Audit entries, newest first; values of sensitive fields masked unless the reader may see them. */
  async list(args: AuditLogArgs, canSeeSensitive: boolean): Promise<Connection<AuditEntryEntity>> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    const f = args.filter ?? {};
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.actorName) qb.andWhere('a.actor_name ILIKE :actorName', { actorName: containsPattern(f.actorName) });
    if (f.entity) qb.andWhere('a.entity = :entity', { entity: f.entity });
    if (f.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    if (f.operation) qb.andWhere('a.operation = :operation', { operation: f.operation });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    const totalCount = await qb.clone().getCount();
    if (args.after) {
      const cursor = decodeCursor(args.after);
      qb.andWhere('a.id < :cursorId', { cursorId: cursor.id });
    }
    const rows = await qb.orderBy('a.id', 'DESC').limit(args.first + 1).getMany();
    if (!canSeeSensitive) rows.forEach(maskEntry);
    return toConnection(
      rows.map((r) => ({ ...r, id: String(r.id) })),
      args.first,
      totalCount,
      Boolean(args.after),
      (r) => r.id,
    );
  }

  /** The distinct entities and operations seen, for the filters of the audit page. */
  async vocabulary(): Promise<{ entities: string[]; operations: string[] }> {
    const entities = await this.dataSource.query(`SELECT DISTINCT entity FROM audit_log ORDER BY entity`);
    const operations = await this.dataSource.query(`SELECT DISTINCT operation FROM audit_log ORDER BY operation`);
    return { entities: entities.map((r: { entity: string }) => r.entity), operations: operations.map((r: { operation: string }) => r.operation) };
  }
}

export function maskEntry(entry: AuditEntryEntity): void {
  for (const field of entry.sensitiveFields ?? []) {
    const change = entry.changes[field];
    if (!change) continue;
    entry.changes[field] = {
      ...('before' in change ? { before: MASK } : {}),
      ...('after' in change ? { after: MASK } : {}),
    };
  }
}
