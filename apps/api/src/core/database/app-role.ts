import { Client } from 'pg';

/**
 * The login role the API connects as (member of `canbo_app`, which the migrations grant: no UPDATE or DELETE
 * on the audit log). Created or given its password from the URL, by the owner connection. Cluster-wide, so
 * concurrent setups (test files) may race: retried.
 */
export async function ensureAppLoginRole(ownerUrl: string, appUrl: string): Promise<string> {
  const app = new URL(appUrl);
  const user = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(user)) throw new Error(`APP_DATABASE_URL: invalid role name "${user}"`);
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    if (user === (await owner.query('SELECT current_user AS u')).rows[0].u) return user;
    for (let attempt = 0; ; attempt++) {
      try {
        const exists = (await owner.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [user])).rowCount;
        const pw = password ? ` PASSWORD '${password.replace(/'/g, "''")}'` : '';
        if (!exists) await owner.query(`CREATE ROLE ${user} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${pw}`);
        else if (pw) await owner.query(`ALTER ROLE ${user} WITH LOGIN${pw}`);
        await owner.query(`GRANT canbo_app TO ${user}`);
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
      }
    }
    return user;
  } finally {
    await owner.end();
  }
}
