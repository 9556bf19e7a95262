// npm run schema: regenerates the committed GraphQL schema file from the code (apps/api/schema.gql) and the
// web app's typed operations from that file (apps/web/src/generated/graphql.ts). Tests fail when either is stale.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { bin, root, run, say } from './lib.mjs';

await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'shared', 'api', '--outputStyle=static'], {
  env: { ...process.env, NX_DAEMON: 'false' },
});
const sdl = execFileSync(process.execPath, [`${root}/dist/api/schema.js`], { cwd: root, encoding: 'utf8' });
fs.writeFileSync(`${root}/apps/api/schema.gql`, sdl);
say('wrote apps/api/schema.gql');
await run(bin('graphql-codegen'), ['--config', 'apps/web/codegen.ts', '--silent']);
say('wrote apps/web/src/generated/graphql.ts');
