import { ActorType, PASSWORD_PROBLEM_MESSAGES, passwordProblems } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config';
import { InjectConfig } from '../../core/config.module';
import { setCurrentActor } from '../../core/logging/request-context';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from './auth.errors';
import { hashSecret } from './principal.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SecretsService } from './secrets.service';
import { AccessTokenPayload } from './strategies';
import { UserEntity } from './user.entity';

export interface Session {
  accessToken: string;
  /** seconds */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  mustChangePassword: boolean;
}

const ARGON2 = { type: argon2.argon2id as 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2);
}

/** A random password that satisfies the policy (for first admins and resets; shown once). */
export function temporaryPassword(): string {
  const raw = randomBytes(12).toString('base64url');
  return `Cb-${raw}9x`;
}

@Injectable()
export class AuthService {
  /** verified against when a username does not exist, so both cases take as long */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly secrets: SecretsService,
    private readonly audit: AuditService,
  ) {}

  private get policy() {
    return this.config.auth;
  }

  /** Throttle of one client address: growing delays once it passed its free failures, never a hard lock. */
  private async addressDelay(address: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT GREATEST(0, CEIL(EXTRACT(EPOCH FROM blocked_until - now())))::int AS wait
         FROM auth_throttle WHERE address = $1 AND blocked_until > now()`,
      [address],
    );
    return row?.wait ?? 0;
  }

  private async addressFailed(address: string): Promise<void> {
    const p = this.policy;
    // one statement, so that the failure time and the end of the block share one now()
    const failures = `CASE WHEN t.last_failure_at < now() - make_interval(mins => $2) THEN 1 ELSE t.failures + 1 END`;
    const blockFor = (n: string) => `now() + make_interval(secs => LEAST($4::float8, $3::float8 * power(2, ${n} - $5 - 1)) / 1000.0)`;
    await this.dataSource.query(
      `INSERT INTO auth_throttle AS t (address, failures, last_failure_at, blocked_until)
       VALUES ($1, 1, now(), CASE WHEN 1 > $5 THEN ${blockFor('1')} END)
       ON CONFLICT (address) DO UPDATE SET
         failures = ${failures},
         last_failure_at = now(),
         blocked_until = CASE WHEN ${failures} > $5 THEN ${blockFor(failures)} ELSE t.blocked_until END`,
      [address, p.failureWindowMinutes, p.addressDelayBaseMs, p.addressDelayMaxMs, p.addressFreeFailures],
    );
  }

  async signIn(username: string, password: string, address: string): Promise<Session> {
    const wait = await this.addressDelay(address);
    if (wait > 0) throw AuthErrors.throttled(wait);
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { username: username.trim().toLowerCase() } });
    if (!user || !user.active) {
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      await this.addressFailed(address);
      throw AuthErrors.signInFailed();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.addressFailed(address);
      throw AuthErrors.locked(user.lockedUntil);
    }
    const ok = await argon2.verify(user.passwordHash, password).catch(() => false);
    if (!ok) {
      const p = this.policy;
      // counted on the locked row: concurrent wrong attempts must not overwrite each other's count
      const { failures, lock, lockedMeanwhile } = await this.dataSource.transaction(async (m) => {
        const [row] = await m.query(`SELECT failed_attempts, locked_until FROM app_user WHERE id = $1 FOR UPDATE`, [user.id]);
        if (row.locked_until && new Date(row.locked_until) > new Date()) {
          return { failures: 0, lock: false, lockedMeanwhile: new Date(row.locked_until) };
        }
        const failures = Number(row.failed_attempts) + 1;
        const lock = failures >= p.accountLockAfter;
        await m.query(
          `UPDATE app_user SET failed_attempts = $2, locked_until = CASE WHEN $3 THEN now() + make_interval(mins => $4) ELSE locked_until END
            WHERE id = $1`,
          [user.id, lock ? 0 : failures, lock, p.accountLockMinutes],
        );
        // the attempt is recorded under the account it tried
        setCurrentActor({ type: ActorType.USER, id: user.id, name: user.username });
        await this.audit.record(m, {
          operation: lock ? 'accountLocked' : 'signInFailed',
          entity: 'user',
          entityId: user.id,
          details: { failures },
        });
        return { failures, lock, lockedMeanwhile: null };
      });
      await this.addressFailed(address);
      if (lockedMeanwhile) throw AuthErrors.locked(lockedMeanwhile);
      if (failures > p.accountSlowdownAfter && !lock) {
        await sleep(Math.min(p.slowdownMaxMs, p.slowdownBaseMs * 2 ** (failures - p.accountSlowdownAfter - 1)));
      }
      if (lock) {
        const [{ locked_until }] = await this.dataSource.query(`SELECT locked_until FROM app_user WHERE id = $1`, [user.id]);
        throw AuthErrors.locked(new Date(locked_until));
      }
      throw AuthErrors.signInFailed();
    }
    return this.dataSource.transaction(async (m) => {
      // a lock set by concurrent wrong attempts since the check above still holds
      const [row] = await m.query(`SELECT locked_until FROM app_user WHERE id = $1 FOR UPDATE`, [user.id]);
      if (row.locked_until && new Date(row.locked_until) > new Date()) throw AuthErrors.locked(new Date(row.locked_until));
      await m.query(`UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = now() WHERE id = $1`, [user.id]);
      setCurrentActor({ type: ActorType.USER, id: user.id, name: user.username });
      await this.audit.record(m, { operation: 'signIn', entity: 'user', entityId: user.id });
      return this.issue(m, user, randomUUID(), address);
    });
  }

  /** Rotates a refresh token. Presenting one already used or revoked revokes its whole family. */
  async refresh(token: string | undefined, address: string): Promise<Session> {
    if (!token) throw AuthErrors.unauthenticated('NO_REFRESH_TOKEN');
    const reused = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT t.*, u.active FROM refresh_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1 FOR UPDATE OF t`,
        [hashSecret(token)],
      );
      if (!row) throw AuthErrors.unauthenticated('UNKNOWN_REFRESH_TOKEN');
      const graceMs = this.policy.refreshReuseGraceSeconds * 1000;
      if (row.used_at && !row.revoked_at && graceMs > 0 && Date.now() - new Date(row.used_at).getTime() <= graceMs) {
        if (new Date(row.expires_at) <= new Date() || !row.active) throw AuthErrors.unauthenticated('EXPIRED_REFRESH_TOKEN');
        const user = await m.findOneOrFail(UserEntity, { where: { id: row.user_id } });
        return this.issue(m, user, row.family_id, address);
      }
      if (row.used_at || row.revoked_at) {
        await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [row.family_id]);
        await this.audit.record(m, {
          operation: 'refreshTokenReused',
          entity: 'user',
          entityId: row.user_id,
          details: { family: row.family_id },
        });
        return true;
      }
      if (new Date(row.expires_at) <= new Date() || !row.active) throw AuthErrors.unauthenticated('EXPIRED_REFRESH_TOKEN');
      await m.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [row.id]);
      const user = await m.findOneOrFail(UserEntity, { where: { id: row.user_id } });
      return this.issue(m, user, row.family_id, address);
    });
    if (reused === true) throw AuthErrors.unauthenticated('REFRESH_TOKEN_REUSED');
    return reused;
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(`SELECT user_id, family_id FROM refresh_token WHERE token_hash = $1`, [hashSecret(token)]);
      if (!row) return;
      await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [row.family_id]);
      await this.audit.record(m, { operation: 'signOut', entity: 'user', entityId: row.user_id });
    });
  }

  /** The signed-in user changes their password; every other session ends, this one continues. */
  async changePassword(userId: string, current: string, next: string, address: string): Promise<Session> {
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: userId } });
    if (!(await argon2.verify(user.passwordHash, current).catch(() => false))) throw AuthErrors.wrongCurrentPassword();
    checkPassword(next, user.username, 'newPassword');
    if (current === next) throw AuthErrors.samePassword();
    const hash = await hashPassword(next);
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = false, password_changed_at = now(), version = version + 1 WHERE id = $1`,
        [user.id, hash],
      );
      await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
      await this.audit.record(m, {
        operation: 'changePassword',
        entity: 'user',
        entityId: user.id,
        before: { mustChangePassword: user.mustChangePassword },
        after: { mustChangePassword: false },
      });
      return this.issue(m, { ...user, mustChangePassword: false }, randomUUID(), address);
    });
  }

  private async issue(m: EntityManager, user: Pick<UserEntity, 'id' | 'mustChangePassword'>, familyId: string, address: string): Promise<Session> {
    const p = this.policy;
    const payload: AccessTokenPayload = { sub: user.id, typ: ActorType.USER, sid: familyId, ...(user.mustChangePassword ? { pwc: true } : {}) };
    const accessToken = await this.jwt.signAsync(payload, {
      secret: await this.secrets.jwtSecret(),
      expiresIn: p.accessTokenSeconds,
      algorithm: 'HS256',
      jwtid: randomUUID(),
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + p.refreshTokenHours * 3600_000);
    await m.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: hashSecret(refreshToken),
      expiresAt: refreshExpiresAt,
      clientIp: address.slice(0, 64),
    });
    return { accessToken, expiresIn: p.accessTokenSeconds, refreshToken, refreshExpiresAt, mustChangePassword: user.mustChangePassword };
  }
}

/** BAD_USER_INPUT on `field` when a password breaks the policy. */
export function checkPassword(password: string, username: string, field: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw AuthErrors.weakPassword(field, problems.map((p) => PASSWORD_PROBLEM_MESSAGES[p].vi).join('; '));
}
