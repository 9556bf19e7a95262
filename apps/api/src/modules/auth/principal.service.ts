import { ActorType, isPermission, Permission, StaffCategory } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Grant, Principal } from '../../core/permissions/principal';

interface GrantRow {
  role_id: string;
  role_code: string;
  permissions: string[];
  all_units: boolean;
  unit_ids: string[];
  staff_categories: string[] | null;
}

export const API_KEY_PREFIX_LENGTH = 12;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function toGrants(rows: GrantRow[]): Grant[] {
  return rows.map((r) => ({
    roleId: r.role_id,
    roleCode: r.role_code,
    permissions: new Set(r.permissions.filter(isPermission) as Permission[]),
    allUnits: r.all_units,
    unitIds: r.unit_ids,
    categories: r.staff_categories as StaffCategory[] | null,
  }));
}

const GRANTS_SQL = `
  SELECT ra.role_id, r.code AS role_code, r.permissions, ra.all_units, ra.unit_ids, ra.staff_categories
    FROM role_assignment ra JOIN role r ON r.id = ra.role_id
   WHERE ra.%COLUMN% = $1`;

/** Loads who is calling, with current grants, on every request (a role edit or revocation applies at once). */
@Injectable()
export class PrincipalService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A signed-in user, if still active. `issuedAt` (seconds) is the access token's: tokens issued before the
   * latest password change or reset no longer count. `session` is the token's refresh-token family: once it is
   * all revoked (sign-out, a reused refresh token, a password change), the token no longer counts either.
   */
  async user(id: string, issuedAt?: number, session?: string): Promise<Principal | null> {
    const [user] = await this.dataSource.query(
      `SELECT id, username, display_name, must_change_password FROM app_user
        WHERE id = $1 AND active
          AND ($2::float8 IS NULL OR password_changed_at IS NULL OR password_changed_at < to_timestamp($2::float8 + 1))
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM refresh_token WHERE family_id = $3 AND user_id = $1 AND revoked_at IS NULL))`,
      [id, issuedAt ?? null, session ?? null],
    );
    if (!user) return null;
    const grants: GrantRow[] = await this.dataSource.query(GRANTS_SQL.replace('%COLUMN%', 'user_id'), [id]);
    return new Principal(ActorType.USER, user.id, user.username, toGrants(grants), user.must_change_password);
  }

  /** An API key is `<prefix>.<secret>`; found by prefix, compared by hash in constant time. */
  async apiKey(key: string): Promise<Principal | null> {
    const prefix = key.slice(0, API_KEY_PREFIX_LENGTH);
    if (prefix.length !== API_KEY_PREFIX_LENGTH) return null;
    const [account] = await this.dataSource.query(
      `SELECT id, name, key_hash, expires_at, revoked_at, last_used_at FROM service_account WHERE key_prefix = $1`,
      [prefix],
    );
    if (!account) return null;
    const expected = Buffer.from(account.key_hash, 'hex');
    const actual = Buffer.from(hashSecret(key), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    if (account.revoked_at) return null;
    if (account.expires_at && new Date(account.expires_at) <= new Date()) return null;
    // last use, at most once a minute per key
    await this.dataSource.query(
      `UPDATE service_account SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [account.id],
    );
    const grants: GrantRow[] = await this.dataSource.query(GRANTS_SQL.replace('%COLUMN%', 'service_account_id'), [account.id]);
    return new Principal(ActorType.SERVICE_ACCOUNT, account.id, account.name, toGrants(grants));
  }
}
