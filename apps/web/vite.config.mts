import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: { '@canbo/shared': path.resolve(here, '../../libs/shared/src/index.ts') },
  },
  server: {
    port: 4200,
    proxy: { '/graphql': apiUrl, '/health': apiUrl, '/auth': apiUrl, '/files': apiUrl },
  },
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    root: here,
  },
});
