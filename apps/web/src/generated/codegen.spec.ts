import { generate } from '@graphql-codegen/cli';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codegenConfig } from '../../codegen';

const root = path.resolve(__dirname, '../../../..');
const target = 'apps/web/src/generated/graphql.ts';

describe('generated GraphQL types', () => {
  it('match the committed schema file and documents (run `npm run schema` when this fails)', async () => {
    const config = {
      ...codegenConfig,
      schema: path.join(root, codegenConfig.schema as string),
      documents: (codegenConfig.documents as string[]).map((d) => path.join(root, d)),
      generates: { [path.join(root, target)]: codegenConfig.generates[target] },
      silent: true,
    };
    const [output] = await generate(config, false);
    const committed = fs.readFileSync(path.join(root, target), 'utf8');
    expect(output.content === committed, `${target} is stale: run npm run schema`).toBe(true);
  }, 60_000);
});
