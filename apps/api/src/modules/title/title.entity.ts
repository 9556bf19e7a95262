import { BodyKind, TitleLevel } from '@canbo/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

registerEnumType(TitleLevel, { name: 'TitleLevel' });

/**
 * A title of the catalogue. Titles of one equivalence class are interchangeable across units (planning and
 * rotation read it). Whether a title is a key leadership title is a dated rule setting, not a property here.
 */
@ObjectType('Title')
@Entity('title')
export class TitleEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => TitleLevel)
  @Column({ type: 'varchar', length: 10 })
  level: TitleLevel;

  @Field(() => BodyKind, { nullable: true, description: 'Kind of body the title belongs to' })
  @Column({ name: 'body_kind', type: 'varchar', length: 40, nullable: true })
  bodyKind: BodyKind | null;

  @Field()
  @Column({ name: 'equivalence_class', type: 'varchar', length: 60 })
  equivalenceClass: string;

  @Field(() => Int)
  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
