import { PERMISSIONS } from '@canbo/shared';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ConnectionType } from '../../core/graphql/pagination';
import { CurrentPrincipal, Principal } from '../../core/permissions/principal';
import { RequirePermission } from '../../core/permissions/require-permission.decorator';
import { AuditEntryEntity } from './audit.entity';
import { AuditService } from './audit.service';
import { AuditLogArgs } from './dto/audit.args';

@ObjectType()
export class AuditEntryConnection extends ConnectionType(AuditEntryEntity, 'AuditEntry') {}

@ObjectType()
export class AuditVocabulary {
  @Field(() => [String])
  entities: string[];
  @Field(() => [String])
  operations: string[];
}

@Resolver(() => AuditEntryEntity)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first, with filters' })
  @RequirePermission(PERMISSIONS.AUDIT_READ)
  auditLog(@Args() args: AuditLogArgs, @CurrentPrincipal() principal: Principal) {
    return this.auditService.list(args, principal.has(PERMISSIONS.PERSONNEL_READ_SENSITIVE));
  }

  @Query(() => AuditVocabulary, { description: 'Entities and operations that occur in the audit log' })
  @RequirePermission(PERMISSIONS.AUDIT_READ)
  auditVocabulary() {
    return this.auditService.vocabulary();
  }
}
