import { ActorType } from '@canbo/shared';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy as JwtPassportStrategy } from 'passport-jwt';
import { Strategy as PassportBaseStrategy } from 'passport-strategy';
import { Principal } from '../../core/permissions/principal';
import { PrincipalService } from './principal.service';
import { SecretsService } from './secrets.service';

export interface AccessTokenPayload {
  sub: string;
  typ: ActorType.USER;
  /** the user must change the password before anything else */
  pwc?: boolean;
  /** issued at (seconds), set by the signer */
  iat?: number;
  /** the session (the refresh-token family) it belongs to: once signed out or revoked, the token stops counting */
  sid?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `Authorization: Bearer <access token>` (a short-lived JWT issued at sign-in or refresh). */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtPassportStrategy, 'jwt') {
  constructor(
    secrets: SecretsService,
    private readonly principals: PrincipalService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      algorithms: ['HS256'],
      secretOrKeyProvider: (_req: Request, _token: string, done: (err: unknown, secret?: string) => void) => {
        secrets.jwtSecret().then((s) => done(null, s), done);
      },
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Principal | false> {
    if (payload.typ !== ActorType.USER || typeof payload.sub !== 'string') return false;
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : undefined;
    if (payload.sid !== undefined && (typeof payload.sid !== 'string' || !UUID.test(payload.sid))) return false;
    return (await this.principals.user(payload.sub, issuedAt, payload.sid)) ?? false;
  }
}

type Verify = (key: string, done: (error: unknown, principal?: unknown) => void) => void;

/** A passport strategy reading an API key from `X-Api-Key` or `Authorization: ApiKey <key>`. */
class ApiKeyPassportStrategy extends PassportBaseStrategy {
  name = 'api-key';

  constructor(private readonly verify: Verify) {
    super();
  }

  authenticate(req: Request): void {
    const key = req.header('x-api-key') ?? /^ApiKey\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    if (!key) return this.fail(401);
    this.verify(key.trim(), (error, principal) => {
      if (error) return this.error(error as Error);
      if (!principal) return this.fail(401);
      this.success(principal);
    });
  }
}

/** Service accounts of other provincial systems, by API key. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(ApiKeyPassportStrategy, 'api-key') {
  constructor(private readonly principals: PrincipalService) {
    super();
  }

  async validate(key: string): Promise<Principal | null> {
    return this.principals.apiKey(key);
  }
}
