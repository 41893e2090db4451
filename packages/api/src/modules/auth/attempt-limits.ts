import { DomainError } from '@xinfang/domain/errors';
import { callerCounters, defaultCallerLimits, secondsUntil } from '@xinfang/domain/security/attempt-limits';
import { countAttempts, deleteEndedAttemptCounters } from '@xinfang/db/repositories/attempt-counters';
import type { ApiContext } from '../../context.ts';

/**
 * Counts one call of a limited public procedure against its caller (the kiosk terminal and its address, or the address)
 * in the database, so the limit holds across server instances and every call of a tRPC batch counts. Throws
 * `tooManyRequests` with the seconds to wait when the caller is over a limit; the call must then do nothing else.
 * A counter's first attempt in a window also sweeps away some ended counters.
 */
export async function countCallerAttempt(ctx: ApiContext, bucket: 'tracking' | 'signIn', now: Date): Promise<void> {
  const counters = callerCounters(bucket, { address: ctx.clientIp, terminal: ctx.terminalToken }, ctx.callerLimits ?? defaultCallerLimits);
  const counted = await countAttempts(ctx.db, counters, now);
  if (counted.some((counter) => counter.attempts === 1)) await deleteEndedAttemptCounters(ctx.db, now);
  const refused = counted.filter((counter) => counter.refused);
  if (refused.length === 0) return;
  const seconds = Math.max(...refused.map((counter) => secondsUntil(counter.windowEndsAt, now)));
  throw new DomainError(bucket === 'tracking' ? 'tracking.rateLimited' : 'request.rateLimitedFor', 'tooManyRequests', { params: { seconds }, retryAfterSeconds: seconds });
}
