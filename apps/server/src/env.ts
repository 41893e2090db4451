import { z } from 'zod';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every setting of the server, from the environment, checked once at start-up. No `process.env` elsewhere. */
export const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Real PostgreSQL when set; otherwise the embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Demo mode: seeds the demo data into an empty database and prints the demo accounts. Unset, it is on only for the
   * embedded database (`pnpm start` on a laptop) and off when DATABASE_URL names a server: a real deployment never
   * gets demo accounts with published passwords by accident. `true` seeds a server's empty database too.
   */
  XINFANG_DEMO: booleanText.optional(),
  XINFANG_DATA_KEYS: z.string().optional(),
  XINFANG_HASH_KEY: z.string().optional(),
  XINFANG_KEY_FILE: z.string().optional(),
  KIOSK_HALL_CODE: z.string().regex(/^\d{6}(\d{6})?$/).default('440304'),
  // low minimums so browser tests can watch the idle warning and wipe; production uses the defaults
  KIOSK_IDLE_WARNING_SECONDS: z.coerce.number().int().min(2).default(60),
  KIOSK_IDLE_RESET_SECONDS: z.coerce.number().int().min(4).default(90),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /**
   * Per-caller calls per minute on public procedures (tracking lookups per terminal, sign-in per address, the rest per
   * terminal); raise for benchmarks. A call without a kiosk terminal token counts against its address alone.
   */
  RATE_LIMIT_TRACKING_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** How many kiosk terminals one address may stand for: a hall's address gets this many times a terminal's limits. */
  RATE_LIMIT_TERMINALS_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** Largest request body in bytes (the kiosk sends up to three photos of ≤300 KiB). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(16_384).max(20_971_520).default(2_097_152),
  /**
   * Behind a reverse proxy that terminates TLS: trust its X-Forwarded-For/-Proto (the client address for rate limits,
   * https for the Secure cookie). The number of proxies in front (`1` for one nginx), or their addresses
   * (comma-separated). Unset: trust none. `true` trusts every hop, so any client could choose its address with a forged
   * X-Forwarded-For and walk around every per-address limit: refused when NODE_ENV=production, warned about otherwise.
   */
  TRUST_PROXY: z.string().optional(),
  NODE_ENV: z.string().optional(),
  /** Where the built apps are; defaults to the workspace's apps/console/dist and apps/kiosk/dist. */
  CONSOLE_DIST: z.string().optional(),
  KIOSK_DIST: z.string().optional(),
}).transform((environment) => ({ ...environment, XINFANG_DEMO: environment.XINFANG_DEMO ?? environment.DATABASE_URL === undefined }));
export type Environment = z.infer<typeof Environment>;

/** Parses the environment or exits with a readable list of what is wrong. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const result = Environment.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  if (result.data.TRUST_PROXY === 'true' && result.data.NODE_ENV === 'production') throw new Error(`Invalid environment:\n  TRUST_PROXY: ${trustAllProxiesProblem}`);
  return result.data;
}

const trustAllProxiesProblem =
  '`true` trusts every X-Forwarded-For hop, so any client can choose its address and walk around the per-address limits; set the number of proxies in front (e.g. 1) or their addresses';

/** The warning to log when TRUST_PROXY=true outside production (production refuses it); undefined otherwise. */
export function trustProxyWarning(environment: Pick<Environment, 'TRUST_PROXY'>): string | undefined {
  return environment.TRUST_PROXY === 'true' ? `TRUST_PROXY=true: ${trustAllProxiesProblem}. Refused when NODE_ENV=production.` : undefined;
}

/** TRUST_PROXY as Fastify's `trustProxy`: unset → false; `true`/`false`; a hop count; or a list of addresses. */
export function parseTrustProxy(value: string | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}
