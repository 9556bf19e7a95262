import { ActorType, AUTHENTICATED, PUBLIC } from '@canbo/shared';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config';
import { InjectConfig } from '../../core/config.module';
import { CurrentPrincipal, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { AuthErrors } from './auth.errors';
import { AuthService, Session } from './auth.service';
import { ChangePasswordBody, SignInBody } from './dto/auth.input';

export const REFRESH_COOKIE = 'canbo_refresh';

/** Sign-in and sessions, as plain HTTP beside GraphQL (the refresh token lives in an httpOnly cookie). */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  private answer(res: Response, session: Session) {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.secureCookies,
      path: '/auth',
      expires: session.refreshExpiresAt,
    });
    res.setHeader('Cache-Control', 'no-store');
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, mustChangePassword: session.mustChangePassword };
  }

  @Post('sign-in')
  @HttpCode(200)
  @RequirePermission(PUBLIC)
  async signIn(@Body() body: SignInBody, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.answer(res, await this.auth.signIn(body.username, body.password, req.ip ?? 'unknown'));
  }

  @Post('refresh')
  @HttpCode(200)
  @RequirePermission(PUBLIC)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      return this.answer(res, await this.auth.refresh(req.cookies?.[REFRESH_COOKIE], req.ip ?? 'unknown'));
    } catch (error) {
      res.clearCookie(REFRESH_COOKIE, { path: '/auth' });
      throw error;
    }
  }

  @Post('sign-out')
  @HttpCode(204)
  @RequirePermission(PUBLIC)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.auth.signOut(req.cookies?.[REFRESH_COOKIE]);
    res.clearCookie(REFRESH_COOKIE, { path: '/auth' });
  }

  @Post('password')
  @HttpCode(200)
  @RequirePermission(AUTHENTICATED)
  async changePassword(
    @Body() body: ChangePasswordBody,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (principal.type !== ActorType.USER) throw AuthErrors.forbidden(AUTHENTICATED);
    return this.answer(res, await this.auth.changePassword(principal.id, body.currentPassword, body.newPassword, req.ip ?? 'unknown'));
  }
}
