import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { appRouter, type AppRouter } from '@xinfang/api';
import type { ApiContext, KioskSettings, SessionSettings } from '@xinfang/api/context';
import { isDatabaseUnavailable, type DatabaseHandle } from '@xinfang/db/database';
import { findMigrationVersion, isDatabaseReachable } from '@xinfang/db/migrate';
import type { PersonalDataKeys } from '@xinfang/security/personal-data';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { translateMessage } from '@xinfang/domain/messages';
import { renderLandingPage } from './landing-page.ts';
import { callerContextOf, defaultRateLimits, registerRateLimits, trpcLimitOptions, type RateLimits } from './rate-limits.ts';

export const sessionCookieName = 'xinfang_session';

export interface AppOptions {
  database: DatabaseHandle;
  keys: PersonalDataKeys;
  kiosk: KioskSettings;
  session: SessionSettings;
  demoMode: boolean;
  logLevel?: string;
  /** Built SPA folders; a missing folder answers 503 with a hint to build. */
  consoleDist: string;
  kioskDist: string;
  now?: () => Date;
  /** Per-caller limits per minute on the public procedures (rate-limits.ts); the benchmark raises them. */
  rateLimits?: Partial<RateLimits>;
  /** Largest request body; the kiosk's three photos (≤300 KiB each, base64) must fit. */
  bodyLimitBytes?: number;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: { write: (line: string) => void };
  /** Fastify's trustProxy: set when a TLS-terminating proxy stands in front, so addresses and https are the client's. */
  trustProxy?: boolean | string[] | ((address: string, hop: number) => boolean);
}

/** The methods tRPC answers (HEAD as a bodiless GET). */
const trpcMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** The host of an Origin header; a malformed one (`null` from a sandboxed frame, junk) counts as foreign. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** What a request gets while the database is away: 503, in the bilingual shape of every other refusal. */
function unavailableBody() {
  const messageZh = translateMessage('server.unavailable', 'zh');
  return { error: { message: translateMessage('server.unavailable', 'en'), messageZh, messageCode: 'server.unavailable', data: { messageCode: 'server.unavailable', messageZh, httpStatus: 503 } } };
}

/** Path and query are logged without the query: a GET's `?input=` may carry personal data. */
const requestSerializer = (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: request.url.split('?')[0], ip: request.ip });

/**
 * The Fastify application without listening: plugins, /health, /trpc and the two SPAs.
 * Tests drive it with `inject()`; main.ts listens.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.temporaryPassword',
          '*.mobile',
          '*.idNumber',
          '*.address',
          '*.value',
          'input',
        ],
        censor: '[redacted]',
      },
      serializers: { req: requestSerializer },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: options.bodyLimitBytes ?? 2_097_152,
    routerOptions: { maxParamLength: 5000 },
    trustProxy: options.trustProxy ?? false,
  });
  const now = options.now ?? (() => new Date());

  await app.register(fastifyCookie, { hook: 'onRequest' });

  const rateLimits = { ...defaultRateLimits, ...options.rateLimits };
  registerRateLimits(app, rateLimits, now);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Element Plus and Vant set style attributes at run time
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });

  // tRPC serves queries by GET and mutations by POST; any other method (TRACE crashed its adapter: 500) gets 405
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.url?.startsWith('/trpc') || trpcMethods.has(request.method)) return;
    const code = 'request.methodNotAllowed';
    await reply
      .code(405)
      .header('allow', 'GET, POST')
      .send({ error: { message: translateMessage(code, 'en'), messageZh: translateMessage(code, 'zh'), messageCode: code, data: { messageCode: code, messageZh: translateMessage(code, 'zh'), httpStatus: 405 } } });
  });

  // State-changing requests must come from our own pages: a cross-site POST carries a foreign Origin.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const origin = request.headers.origin;
    if (origin && hostOf(origin) !== request.headers.host) {
      await reply.code(403).send({ error: { message: 'Cross-origin request refused', messageZh: '拒绝跨站请求' } });
    }
  });

  // Fastify's own refusals (body too large, malformed JSON, unsupported media type) in the shape and languages ours use
  // and a lost database as a 503 the client may retry (recovery needs no restart: the pool opens fresh connections)
  app.setErrorHandler(async (error: { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500 && isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.code(503).send(unavailableBody());
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ error: { message: translateMessage('server.error', 'en'), messageZh: translateMessage('server.error', 'zh'), messageCode: 'server.error' } });
    }
    const code = status === 413 ? 'request.tooLarge' : status === 429 ? 'request.rateLimited' : 'validation.invalid';
    return reply.code(status).send({ error: { message: translateMessage(code, 'en'), messageZh: translateMessage(code, 'zh'), messageCode: code, data: { messageCode: code, messageZh: translateMessage(code, 'zh'), httpStatus: status } } });
  });
  // every 503 (database away, from /health, the error handler or a tRPC procedure) tells clients when to try again
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) void reply.header('retry-after', '5');
  });

  app.get('/health', async (_request, reply) => {
    const reachable = await isDatabaseReachable(options.database.db);
    const migration = reachable ? await findMigrationVersion(options.database.db) : undefined;
    const database = { reachable, engine: options.database.engine, migration: migration ?? null };
    if (!reachable) return reply.code(503).send({ status: 'unavailable', database, ...unavailableBody() });
    return reply.code(200).send({ status: 'ok', database });
  });

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderLandingPage()));

  const isSecure = (request: FastifyRequest) => request.protocol === 'https';
  const trpcOptions: FastifyTRPCPluginOptions<AppRouter>['trpcOptions'] = {
    router: appRouter,
    ...trpcLimitOptions,
    createContext: ({ req, res }: { req: FastifyRequest; res: FastifyReply }): ApiContext => ({
      db: options.database.db,
      keys: options.keys,
      now,
      randomBytes: (length) => new Uint8Array(randomBytes(length)),
      clientIp: req.ip,
      ...callerContextOf(req, rateLimits),
      sessionToken: req.cookies[sessionCookieName],
      setSessionCookie: (token, expiresAt) => {
        void res.setCookie(sessionCookieName, token, { httpOnly: true, sameSite: 'strict', secure: isSecure(req), path: '/', expires: expiresAt });
      },
      clearSessionCookie: () => {
        void res.clearCookie(sessionCookieName, { path: '/' });
      },
      kiosk: options.kiosk,
      session: options.session,
      demoMode: options.demoMode,
    }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
    },
  };
  await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions });

  await registerSpa(app, '/console/', options.consoleDist, true);
  await registerSpa(app, '/kiosk/', options.kioskDist, false);
  app.setNotFoundHandler(async (request, reply) => {
    for (const [prefix, root] of [
      ['/console/', options.consoleDist],
      ['/kiosk/', options.kioskDist],
    ] as const) {
      if (request.method === 'GET' && request.url.startsWith(prefix) && !request.url.startsWith(`${prefix}assets/`)) {
        if (!existsSync(root)) return reply.code(503).type('text/plain; charset=utf-8').send(`Not built yet: run pnpm build (${root})`);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html', root);
      }
    }
    return reply.code(404).send({ error: { message: 'Not found', messageZh: '未找到' } });
  });
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/kiosk', async (_request, reply) => reply.redirect('/kiosk/'));
  return app;
}

async function registerSpa(app: FastifyInstance, prefix: string, root: string, decorateReply: boolean): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix,
    decorateReply,
    index: 'index.html',
    wildcard: true,
    // hashed asset names never change; index.html must be re-read so a new build is picked up
    setHeaders: (response, path) => {
      void response.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
