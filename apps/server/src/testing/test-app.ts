import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '@xinfang/db/database';
import type { PersonalDataKeys } from '@xinfang/security/personal-data';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.ts';

/**
 * The server over a test database with the demo kiosk and session settings and an empty SPA folder; tests override
 * only what they are about (rate limits, log level and stream, proxy trust…).
 */
export async function buildTestApp(database: DatabaseHandle, keys: PersonalDataKeys, overrides: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const dist = mkdtempSync(join(tmpdir(), 'xinfang-test-spa-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html>');
  return buildApp({
    database,
    keys,
    kiosk: { hallUnitCode: '440304', idleWarningSeconds: 60, idleResetSeconds: 90 },
    session: { idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 },
    demoMode: true,
    logLevel: 'silent',
    consoleDist: dist,
    kioskDist: dist,
    ...overrides,
  });
}
