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

/** The audit rows of entries: the actor and request of the current context, the fields changed, the sensitive ones. */
export function auditRows(entries: AuditInput[]) {
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
  return rows;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes audit rows in the caller's transaction: they commit or roll back with the change itself. */
  async record(manager: EntityManager, ...entries: AuditInput[]): Promise<void> {
    if (!entries.length) return;
    const rows = auditRows(entries);
    for (let i = 0; i < rows.length; i += 1000) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuditEntryEntity)
        .values(rows.slice(i, i + 1000) as Partial<AuditEntryEntity>[] as never)
        .execute();
    }
  }

  /**
   * The same rows as `record`, for bulk writers (the spreadsheet import: a hundred thousand entries): inserted
   * 5,000 at a time from arrays (unnest), without the query builder's cost per value.
   */
  async recordMany(manager: EntityManager, entries: AuditInput[]): Promise<void> {
    const rows = auditRows(entries);
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await manager.query(
        `INSERT INTO audit_log (actor_type, actor_id, actor_name, operation, entity, entity_id, changes, sensitive_fields, client_ip, request_id)
         SELECT v.actor_type, v.actor_id, v.actor_name, v.operation, v.entity, v.entity_id, v.changes,
                string_to_array(v.sensitive, ','), v.client_ip, v.request_id
           FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[], $10::text[])
             AS v(actor_type, actor_id, actor_name, operation, entity, entity_id, changes, sensitive, client_ip, request_id)`,
        [
          part.map((r) => r.actorType),
          part.map((r) => r.actorId),
          part.map((r) => r.actorName),
          part.map((r) => r.operation),
          part.map((r) => r.entity),
          part.map((r) => r.entityId),
          part.map((r) => JSON.stringify(r.changes)),
          // field names hold no commas; '' is the empty list
          part.map((r) => r.sensitiveFields.join(',')),
          part.map((r) => r.clientIp),
          part.map((r) => r.requestId),
        ],
      );
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
