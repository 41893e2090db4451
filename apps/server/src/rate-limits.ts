import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { appRouter, type AppRouter } from '@xinfang/api';
import type { ApiContext } from '@xinfang/api/context';
import { isDomainError } from '@xinfang/domain/errors';
import { translateMessage } from '@xinfang/domain/messages';
import { callerCounters, defaultCallerLimits, secondsUntil, type CallerLimits } from '@xinfang/domain/security/attempt-limits';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Per-caller limits per minute (tracking lookups, sign-in attempts, other public calls) and how many kiosk terminals one
 * address may stand for. Tracking and sign-in are counted per call in the database (attempt_counters) by their
 * services, so they hold across server instances; the other public calls here, per process (docs/SECURITY.md).
 */
export type RateLimits = CallerLimits;

export const defaultRateLimits: RateLimits = defaultCallerLimits;

/** The header a kiosk (or the phone tracking page) names its terminal in; see apps/kiosk/src/api.ts. */
export const terminalHeader = 'x-kiosk-terminal';

/**
 * The most calls one tRPC batch may carry (larger ones get 400): each call is counted, but one request should not
 * carry hundreds of them. The client's `maxItems` is the same.
 */
export const maxBatchSize = 10;

const trpcRoute = '/trpc/:path';

const publicProcedures: ReadonlySet<string> = new Set(
  Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: string } } }>)
    .filter(([, procedure]) => procedure._def.meta?.permission === 'public')
    .map(([path]) => path),
);

const knownProcedures: ReadonlySet<string> = new Set(Object.keys(appRouter._def.procedures));

/**
 * How many calls of a tRPC request count against the per-process public limit, from the procedure path exactly as
 * routing decoded it and tRPC will run it (`tracking%2Elookup` arrives here as `tracking.lookup`): every call of a
 * public procedure, and every name that is no procedure (probing costs the same as calling). Staff procedures count
 * nothing: a bureau's staff sit behind one address.
 * @example publicCallsIn('kiosk.configuration,tracking.lookup') // 2
 */
export function publicCallsIn(procedurePath: string): number {
  return procedurePath.split(',').filter((name) => publicProcedures.has(name) || !knownProcedures.has(name)).length;
}

/** The terminal token a request names, if any (validated where it is used: a malformed one counts as none). */
function terminalOf(request: FastifyRequest): string | undefined {
  const value = request.headers[terminalHeader];
  return typeof value === 'string' ? value : undefined;
}

/** The per-request part of the API context the limits need: the terminal and the limits themselves. */
export function callerContextOf(request: FastifyRequest, limits: RateLimits): Pick<ApiContext, 'terminalToken' | 'callerLimits'> {
  return { terminalToken: terminalOf(request), callerLimits: limits };
}

/** Retry-After on a tRPC response when a call was refused for a while (the seconds travel in the error's data too). */
function retryAfterMeta({ errors }: { errors: readonly { cause?: unknown }[] }): { headers?: Record<string, string> } {
  const seconds = Math.max(0, ...errors.map((error) => (isDomainError(error.cause) ? (error.cause.retryAfterSeconds ?? 0) : 0)));
  return seconds > 0 ? { headers: { 'retry-after': String(seconds) } } : {};
}

/** The tRPC options the limits need: the batch size and Retry-After on refusals. */
export const trpcLimitOptions = { maxBatchSize, responseMeta: retryAfterMeta } satisfies Partial<FastifyTRPCPluginOptions<AppRouter>['trpcOptions']>;

/** A refusal in tRPC's own error shape (one per call of a batch), so the client reports it as such, not as a network failure. */
function rateLimitedBody(seconds: number, calls: number, batch: boolean) {
  const params = { seconds };
  const messageZh = translateMessage('request.rateLimitedFor', 'zh', params);
  const envelope = {
    error: {
      message: translateMessage('request.rateLimitedFor', 'en', params),
      messageZh,
      messageCode: 'request.rateLimitedFor',
      code: -32029,
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, messageCode: 'request.rateLimitedFor', messageZh, fieldErrors: null, retryAfterSeconds: seconds },
    },
  };
  return batch ? Array.from({ length: calls }, () => envelope) : envelope;
}

/**
 * The per-process limit on public tRPC calls, per terminal and address (fixed one-minute windows), counting every call
 * of a batch. Registered on the application itself so it sees every route; it runs after routing, on the procedure
 * path tRPC will run.
 */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits, now: () => Date): void {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = 0;

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.url !== trpcRoute) return;
    const procedurePath = (request.params as { path?: string }).path ?? '';
    const calls = publicCallsIn(procedurePath);
    if (calls === 0) return;
    const at = now().getTime();
    if (at >= nextSweep) {
      for (const [key, window] of windows) if (window.endsAt <= at) windows.delete(key);
      nextSweep = at + 60_000;
    }
    let refusedUntil = 0;
    for (const counter of callerCounters('public', { address: request.ip, terminal: terminalOf(request) }, limits)) {
      const current = windows.get(counter.key);
      const window = current && current.endsAt > at ? current : { count: 0, endsAt: at + counter.windowSeconds * 1000 };
      window.count += calls;
      windows.set(counter.key, window);
      if (window.count > counter.limit) refusedUntil = Math.max(refusedUntil, window.endsAt);
    }
    if (refusedUntil === 0) return;
    const seconds = secondsUntil(new Date(refusedUntil), new Date(at));
    const batch = (request.query as { batch?: string }).batch === '1';
    await reply.code(429).header('retry-after', String(seconds)).send(rateLimitedBody(seconds, procedurePath.split(',').length, batch));
  });
}
