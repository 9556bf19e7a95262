import { DEFAULT_ROLES, ScopeKind, STAFF_CATEGORY_LABELS } from '@canbo/shared';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword, temporaryPassword } from '../auth/auth.service';
import { API_KEY_PREFIX_LENGTH, hashSecret } from '../auth/principal.service';

/** The unit the demo's commune officer works for. */
export const DEMO_COMMUNE_UNIT = 'Xã Mỹ Đức';
/** Roles given to service accounts (other software), not to people. */
const SERVICE_ROLES = new Set(['integration_client']);

export interface DemoAccount {
  kind: 'user' | 'serviceAccount';
  /** user name, or service-account name */
  name: string;
  role: string;
  roleName: string;
  /** where the account acts: the province, or the listed unit */
  scope: string;
  /** the password or API key, shown once (null when the account existed already) */
  secret: string | null;
}

/** "province_officer" -> "demo.province-officer" */
export function demoUsername(roleCode: string): string {
  return `demo.${roleCode.replace(/_/g, '-')}`;
}

/**
 * One account per seeded role besides the administrator, for trying the demo province: users with generated
 * passwords (no change asked at first sign-in), the commune officer scoped to DEMO_COMMUNE_UNIT, and a service
 * account with an API key for the integration role. Existing accounts are left as they are (no secret returned).
 */
export async function ensureDemoAccounts(ds: DataSource): Promise<DemoAccount[]> {
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(7310402030)');
    const [unit] = await m.query(`SELECT id, name FROM unit WHERE name = $1`, [DEMO_COMMUNE_UNIT]);
    const accounts: DemoAccount[] = [];
    const audit = new AuditService(ds);
    for (const role of DEFAULT_ROLES) {
      if (role.code === 'system_admin') continue;
      const [r] = await m.query(`SELECT id FROM role WHERE code = $1`, [role.code]);
      if (!r) continue;
      const local = role.typicalScope.kind === ScopeKind.UNITS;
      if (local && !unit) continue;
      const categories = role.typicalScope.categories;
      const scope = `${local ? unit.name : 'Toàn tỉnh'}${categories ? ` (${categories.map((c) => STAFF_CATEGORY_LABELS[c].vi.toLowerCase()).join(', ')})` : ''}`;
      const assignment = [r.id, !local, local ? [unit.id] : [], role.typicalScope.categories];
      if (SERVICE_ROLES.has(role.code)) {
        const name = demoUsername(role.code);
        const [existing] = await m.query(`SELECT id FROM service_account WHERE name = $1`, [name]);
        let secret: string | null = null;
        if (!existing) {
          const prefix = `cb_${randomBytes(8).toString('hex')}`.slice(0, API_KEY_PREFIX_LENGTH);
          secret = `${prefix}.${randomBytes(32).toString('base64url')}`;
          const [account] = await m.query(
            `INSERT INTO service_account (name, description, key_prefix, key_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
            [name, `${role.name.vi} (tài khoản dùng thử dữ liệu mẫu)`, prefix, hashSecret(secret)],
          );
          await m.query(`INSERT INTO role_assignment (service_account_id, role_id, all_units, unit_ids, staff_categories) VALUES ($1, $2, $3, $4, $5)`, [
            account.id,
            ...assignment,
          ]);
          await audit.record(m, { operation: 'createServiceAccount', entity: 'serviceAccount', entityId: account.id, after: { name, role: role.code } });
        }
        accounts.push({ kind: 'serviceAccount', name, role: role.code, roleName: role.name.vi, scope, secret });
        continue;
      }
      const username = demoUsername(role.code);
      const [existing] = await m.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
      let secret: string | null = null;
      if (!existing) {
        secret = temporaryPassword();
        const [user] = await m.query(
          `INSERT INTO app_user (username, display_name, home_unit_id, password_hash, must_change_password)
           VALUES ($1, $2, $3, $4, false) RETURNING id`,
          [username, `${role.name.vi} (dùng thử)`, local ? unit.id : null, await hashPassword(secret)],
        );
        await m.query(`INSERT INTO role_assignment (user_id, role_id, all_units, unit_ids, staff_categories) VALUES ($1, $2, $3, $4, $5)`, [user.id, ...assignment]);
        await audit.record(m, { operation: 'createUser', entity: 'user', entityId: user.id, after: { username, role: role.code, scope } });
      }
      accounts.push({ kind: 'user', name: username, role: role.code, roleName: role.name.vi, scope, secret });
    }
    return accounts;
  });
}
