import { DEFAULT_ROLES } from '@canbo/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword, temporaryPassword } from './auth.service';

/** Seeds the default roles into a database that has none (one audit entry). */
export async function seedRoles(ds: DataSource): Promise<number> {
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(7310402028)');
    const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM role`);
    if (count > 0) return 0;
    for (const role of DEFAULT_ROLES) {
      await m.query(`INSERT INTO role (code, name, description, permissions, system) VALUES ($1, $2, $3, $4, true)`, [
        role.code,
        role.name.vi,
        role.name.en,
        [...role.permissions].sort(),
      ]);
    }
    await new AuditService(ds).record(m, {
      operation: 'seed',
      entity: 'role',
      details: { roles: DEFAULT_ROLES.map((r) => r.code) },
    });
    return DEFAULT_ROLES.length;
  });
}

/**
 * At first start: the administrator account, when there is no user. Its password is CANBO_ADMIN_PASSWORD or
 * a generated one, returned to be printed once; it must be changed at first sign-in.
 */
export async function ensureFirstAdmin(ds: DataSource, password?: string): Promise<{ created: boolean; username: string; password: string | null }> {
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(7310402027)');
    const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM app_user`);
    if (count > 0) return { created: false, username: 'admin', password: null };
    const [role] = await m.query(`SELECT id FROM role WHERE code = 'system_admin'`);
    if (!role) throw new Error('The system_admin role is missing: seed the roles first');
    const initial = password || temporaryPassword();
    const [user] = await m.query(
      `INSERT INTO app_user (username, display_name, password_hash, must_change_password)
       VALUES ('admin', 'Quản trị hệ thống', $1, true) RETURNING id, username, display_name, must_change_password, active`,
      [await hashPassword(initial)],
    );
    await m.query(`INSERT INTO role_assignment (user_id, role_id, all_units) VALUES ($1, $2, true)`, [user.id, role.id]);
    await new AuditService(ds).record(m, { operation: 'createFirstAdmin', entity: 'user', entityId: user.id, after: user });
    return { created: true, username: 'admin', password: password ? null : initial };
  });
}
