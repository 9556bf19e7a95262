import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { AppConfig } from './config';
import { JsonLogger } from './core/logging/json-logger';
import { requestContextMiddleware } from './core/logging/request-context';

/** Builds the application (used by main.ts and by the integration tests, which listen on a random port). */
export async function createApp(config: AppConfig, logger = new JsonLogger(config.logLevel)): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger,
    bodyParser: false,
  });
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  app.use(requestContextMiddleware);
  app.use(cookieParser());
  app.use(express.json({ limit: '1mb' }));
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  if (config.webDistDir) serveWeb(app, config.webDistDir);
  return app;
}

/** Serves the built SPA: static files, and index.html for client-side routes. */
function serveWeb(app: NestExpressApplication, dir: string): void {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`WEB_DIST_DIR ${root} has no index.html: build the web app first`);
  // Vite names the files of assets/ by their content: a new build gets new names, so they may be kept for good
  app.use('/assets', express.static(path.join(root, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || /^\/(graphql|health|auth|files)(\/|$)/.test(req.path)) return next();
    if (path.extname(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
