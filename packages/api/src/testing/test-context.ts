import { randomBytes } from 'node:crypto';
import type { Database } from '@xinfang/db/database';
import type { PersonalDataKeys } from '@xinfang/security/personal-data';
import type { ApiContext } from '../context.ts';
import { createCaller } from '../router.ts';

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
    ...overrides,
  };
  return { ctx, jar, caller: createCaller(ctx) };
}
