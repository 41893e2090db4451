import type { Database } from '@xinfang/db/database';
import type { PersonalDataKeys } from '@xinfang/security/personal-data';
import type { CallerLimits } from '@xinfang/domain/security/attempt-limits';

/** Runtime settings of the public kiosk, served to it rather than baked into its bundle. */
export interface KioskSettings {
  hallUnitCode: string;
  idleWarningSeconds: number;
  idleResetSeconds: number;
}

export interface SessionSettings {
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

/** What every procedure receives. The server builds it per request; tests build it directly. */
export interface ApiContext {
  db: Database;
  keys: PersonalDataKeys;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
  clientIp: string;
  /** The kiosk terminal's token (`x-kiosk-terminal`) when the call comes from a kiosk or the phone page: its own limits. */
  terminalToken?: string | undefined;
  /** Per-caller limits of tracking lookups and sign-in, counted in the database; the defaults when absent. */
  callerLimits?: CallerLimits | undefined;
  /** The raw session token from the cookie, if any. */
  sessionToken: string | undefined;
  setSessionCookie: (token: string, expiresAt: Date) => void;
  clearSessionCookie: () => void;
  kiosk: KioskSettings;
  session: SessionSettings;
  demoMode: boolean;
}
