import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { UnitModule } from '../unit/unit.module';
import { AccessResolver, ServiceAccountResolver } from './access.resolver';
import { AccessService } from './access.service';
import { AuthController } from './auth.controller';
import { PermissionGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PrincipalService } from './principal.service';
import { SecretsService } from './secrets.service';
import { ApiKeyStrategy, JwtStrategy } from './strategies';

@Module({
  imports: [PassportModule, JwtModule.register({}), AuditModule, UnitModule],
  controllers: [AuthController],
  providers: [
    SecretsService,
    PrincipalService,
    JwtStrategy,
    ApiKeyStrategy,
    AuthService,
    AccessService,
    AccessResolver,
    ServiceAccountResolver,
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
