import { ActorType } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLJSON } from '../../core/graphql/json.scalar';

registerEnumType(ActorType, { name: 'ActorType' });

/** One audited change: who, when, what, the fields before and after, from where. Never updated or deleted. */
@ObjectType('AuditEntry')
@Entity('audit_log')
export class AuditEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ActorType)
  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType: ActorType;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Field()
  @Column({ name: 'actor_name', type: 'varchar', length: 200 })
  actorName: string;

  @Field({ description: 'The operation, e.g. updateUnit, signIn, seed' })
  @Column({ type: 'varchar', length: 80 })
  operation: string;

  @Field({ description: 'The kind of record, e.g. unit, establishmentRecord, user' })
  @Column({ type: 'varchar', length: 60 })
  entity: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'entity_id', type: 'varchar', length: 80, nullable: true })
  entityId: string | null;

  @Field(() => GraphQLJSON, { description: '{ field: { before, after } }; sensitive values masked without personnel.read_sensitive' })
  @Column({ type: 'jsonb' })
  changes: Record<string, { before?: unknown; after?: unknown }>;

  @Field(() => [String])
  @Column({ name: 'sensitive_fields', type: 'text', array: true })
  sensitiveFields: string[];

  @Field(() => String, { nullable: true })
  @Column({ name: 'client_ip', type: 'varchar', length: 64, nullable: true })
  clientIp: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;
}
