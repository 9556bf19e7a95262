import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { FEATURE_MODULES } from './app.module';

/** Every resolver class of the feature modules (read from their module metadata: no second list to keep). */
export function allResolvers(): Function[] {
  const seen = new Set<Function>();
  const visit = (mod: Function) => {
    for (const p of (Reflect.getMetadata('providers', mod) ?? []) as Function[]) {
      if (typeof p === 'function' && Reflect.getMetadata(RESOLVER_TYPE_METADATA, p) !== undefined) seen.add(p);
    }
    for (const m of (Reflect.getMetadata('imports', mod) ?? []) as Function[]) visit(m);
  };
  FEATURE_MODULES.forEach(visit);
  return [...seen];
}

export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** The SDL the code defines, without a database: the committed schema file must equal it. */
export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const factory = app.get(GraphQLSchemaFactory);
    return printSortedSchema(await factory.create(allResolvers()));
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  buildSchemaSdl()
    .then((sdl) => process.stdout.write(sdl))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
