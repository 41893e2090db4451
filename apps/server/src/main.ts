import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnvironment, createDatabase } from '@xinfang/db/database';
import { migrateToLatest } from '@xinfang/db/migrate';
import { demoAccounts } from '@xinfang/db/seed';
import { seedDemoDataOnce } from '@xinfang/db/seed-once';
import { loadKeys } from '@xinfang/security/key-store';
import { hashPassword } from '@xinfang/security/password';
import { buildApp } from './app.ts';
import { parseEnvironment, parseTrustProxy, trustProxyWarning } from './env.ts';

const startedAt = performance.now();
const environment = parseEnvironment(process.env);
// dist/main.js sits in apps/server/dist; the built apps are beside it in the workspace
const here = dirname(fileURLToPath(import.meta.url));
const consoleDist = resolve(environment.CONSOLE_DIST ?? resolve(here, '../../console/dist'));
const kioskDist = resolve(environment.KIOSK_DIST ?? resolve(here, '../../kiosk/dist'));

const loadedKeys = loadKeys({
  dataKeys: environment.XINFANG_DATA_KEYS,
  hashKey: environment.XINFANG_HASH_KEY,
  keyFile: environment.XINFANG_KEY_FILE,
  dataDir: environment.DATA_DIR,
});
const database = await createDatabase(configFromEnvironment(environment));
await migrateToLatest(database.db);

// only into an empty database, and once when several instances start together (see seed-once.ts)
const seeded = environment.XINFANG_DEMO && (await seedDemoDataOnce(database.db, { now: new Date(), keys: loadedKeys.keys, hashPassword })) !== undefined;

const app = await buildApp({
  database,
  keys: loadedKeys.keys,
  kiosk: {
    hallUnitCode: environment.KIOSK_HALL_CODE,
    idleWarningSeconds: environment.KIOSK_IDLE_WARNING_SECONDS,
    idleResetSeconds: environment.KIOSK_IDLE_RESET_SECONDS,
  },
  session: { idleTimeoutMinutes: environment.SESSION_IDLE_MINUTES, absoluteTimeoutHours: environment.SESSION_ABSOLUTE_HOURS },
  demoMode: environment.XINFANG_DEMO,
  logLevel: environment.LOG_LEVEL,
  consoleDist,
  kioskDist,
  rateLimits: {
    trackingPerMinute: environment.RATE_LIMIT_TRACKING_PER_MINUTE,
    signInPerMinute: environment.RATE_LIMIT_SIGN_IN_PER_MINUTE,
    publicPerMinute: environment.RATE_LIMIT_PUBLIC_PER_MINUTE,
    terminalsPerAddress: environment.RATE_LIMIT_TERMINALS_PER_ADDRESS,
  },
  bodyLimitBytes: environment.BODY_LIMIT_BYTES,
  trustProxy: parseTrustProxy(environment.TRUST_PROXY),
});

const trustProxyProblem = trustProxyWarning(environment);
if (trustProxyProblem) app.log.warn(trustProxyProblem);

if (loadedKeys.origin === 'generated') {
  app.log.warn(`Generated a new personal-data key at ${loadedKeys.path}. Fine for a demo; in production set XINFANG_DATA_KEYS/XINFANG_HASH_KEY or XINFANG_KEY_FILE and keep the key outside the data folder.`);
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const address = await app.listen({ port: environment.PORT, host: environment.HOST });
const base = address.replace('127.0.0.1', 'localhost');
const lines = [
  '',
  `  信访事项办理平台 xinfang is ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s — ${database.description}${seeded ? ' (demo data seeded)' : ''}`,
  `  工作台 Staff console:  ${base}/console/`,
  `  自助服务 Kiosk:        ${base}/kiosk/`,
  `  健康检查 Health:       ${base}/health`,
];
if (environment.XINFANG_DEMO) {
  lines.push('', '  演示账号 Demo accounts (username / password):');
  for (const account of demoAccounts) lines.push(`    ${account.username.padEnd(15)} ${account.password.padEnd(24)} ${account.displayName}`);
}
console.log(`${lines.join('\n')}\n`);
