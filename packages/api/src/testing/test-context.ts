import { randomBytes, randomUUID } from 'node:crypto';
import type { KioskSubmission } from '@xinfang/domain/kiosk';
import type { Database } from '@xinfang/db/database';
import type { PersonalDataKeys } from '@xinfang/security/personal-data';
import { defaultCallerLimits } from '@xinfang/domain/security/attempt-limits';
import type { ApiContext } from '../context.ts';
import { createCaller } from '../router.ts';

/** Caller limits high enough that tests sharing one address never meet them; limit tests pass their own. */
const generousCallerLimits = { ...defaultCallerLimits, trackingPerMinute: 1_000_000, signInPerMinute: 1_000_000, publicPerMinute: 1_000_000 };

/** A request context over a real database, with a cookie jar, for procedure tests. */
export function createTestContext(db: Database, keys: PersonalDataKeys, overrides: Partial<ApiContext> = {}) {
  const jar: { token: string | undefined } = { token: undefined };
  const ctx: ApiContext = {
    db,
    keys,
    now: () => new Date(),
    randomBytes: (length) => new Uint8Array(randomBytes(length)),
    clientIp: '127.0.0.1',
    get sessionToken() {
      return jar.token;
    },
    setSessionCookie: (token) => {
      jar.token = token;
    },
    clearSessionCookie: () => {
      jar.token = undefined;
    },
    kiosk: { hallUnitCode: '440304', idleWarningSeconds: 60, idleResetSeconds: 90 },
    session: { idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 },
    demoMode: true,
    callerLimits: generousCallerLimits,
    ...overrides,
  };
  return { ctx, jar, caller: createCaller(ctx) };
}

/**
 * A visitor's submission at a street's own hall kiosk — the real path into the database, and unambiguously that
 * street's matter. Returns the new petition's id.
 */
export async function submitAtStreetKiosk(db: Database, keys: PersonalDataKeys, streetCode: string, submission: { content: string; photos?: KioskSubmission['photos'] }): Promise<string> {
  const kiosk = createTestContext(db, keys, { kiosk: { hallUnitCode: streetCode, idleWarningSeconds: 60, idleResetSeconds: 90 } }).caller;
  const receipt = await kiosk.kiosk.submit({
    name: '演示访客',
    idNumber: '11010519491231002X',
    mobile: '19900009999',
    content: submission.content,
    idempotencyKey: randomUUID(),
    consent: true,
    streetCode,
    photos: submission.photos ?? [],
  });
  return (await db.selectFrom('petitions').select('id').where('tracking_code', '=', receipt.trackingCode).executeTakeFirstOrThrow()).id;
}
