import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config';
import { InjectConfig } from '../../core/config.module';

/** The JWT signing secret: from JWT_SECRET, or generated once and kept in the database for every replica. */
@Injectable()
export class SecretsService {
  private jwt: Promise<string> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  jwtSecret(): Promise<string> {
    if (this.config.auth.jwtSecret) return Promise.resolve(this.config.auth.jwtSecret);
    this.jwt ??= (async () => {
      await this.dataSource.query(`INSERT INTO app_setting (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING`, [
        randomBytes(48).toString('base64url'),
      ]);
      const [{ value }] = await this.dataSource.query(`SELECT value FROM app_setting WHERE key = 'jwt_secret'`);
      return value as string;
    })().catch((error) => {
      this.jwt = null;
      throw error;
    });
    return this.jwt;
  }
}
