import { z } from 'zod';

/**
 * How many attempts one counter allows in a fixed window that starts with its first attempt. An attempt past the limit
 * is refused until the window ends.
 */
export interface AttemptRule {
  limit: number;
  windowSeconds: number;
}

/** A counter to count one attempt against: its key in the counter table and its rule. */
export interface AttemptCounter extends AttemptRule {
  key: string;
}

/**
 * Per-caller limits of the public calls, per minute. A caller is a network address, or a kiosk terminal at an address:
 * a call that names a terminal counts against the terminal's own limit and against its address's, which allows
 * `terminalsPerAddress` times as much (the kiosks of a hall share one address).
 */
export interface CallerLimits {
  /** Tracking lookups, ratings and review requests per terminal (or per address, without a terminal token). */
  trackingPerMinute: number;
  /** Sign-in attempts per address (staff consoles carry no terminal token). */
  signInPerMinute: number;
  /** Every other public call per terminal or address (kiosk submissions, configuration, session checks). */
  publicPerMinute: number;
  /** How many terminals one address may stand for: the address's limit is the terminal's times this. */
  terminalsPerAddress: number;
}

export const defaultCallerLimits: CallerLimits = { trackingPerMinute: 10, signInPerMinute: 20, publicPerMinute: 120, terminalsPerAddress: 10 };

/**
 * Wrong passwords per username before sign-in is refused until the window ends: 5 in 15 minutes. Counted per username
 * as typed, whether or not an account has it, so the lockout never tells which usernames exist.
 */
export const signInLockout: AttemptRule = { limit: 5, windowSeconds: 15 * 60 };

/**
 * The guessing budget of one tracking code, shared by every caller (see docs/SECURITY.md, "Limits and lockouts").
 * `last4`: wrong last-4 guesses on a code in 30 days; past them the last 4 digits no longer open the code, only the full
 * mobile number does, so a stranger's guesses never lock the owner out. `fullMobile`: wrong full numbers on a code in a
 * day (the full number has about 10⁹ values; 20 a day keep guessing it hopeless).
 */
export const trackingCodeBudget = {
  last4: { limit: 10, windowSeconds: 30 * 24 * 3600 },
  fullMobile: { limit: 20, windowSeconds: 24 * 3600 },
} as const satisfies Record<string, AttemptRule>;

/** A kiosk terminal's token as it sends it (`x-kiosk-terminal`): random, URL-safe, 16–64 characters. */
export const TerminalToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** Who makes a public call: the network address and, from a kiosk or phone page, its terminal token. */
export interface Caller {
  address: string;
  terminal?: string | undefined;
}

export type CallerBucket = 'tracking' | 'signIn' | 'public';

function expandIpv6(address: string): string[] | undefined {
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  if (tail === undefined && headGroups.length !== 8) return undefined;
  const missing = 8 - headGroups.length - tailGroups.length;
  if (missing < 0) return undefined;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) ? groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')) : undefined;
}

/**
 * The part of an address a limit is keyed on: an IPv4 address as it is (also when written IPv4-mapped), an IPv6 address
 * by its /64 network — one subscriber usually holds a whole /64 and could otherwise take a fresh address per guess.
 * @example addressKeyOf('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 * @example addressKeyOf('::ffff:203.0.113.9') // '203.0.113.9'
 */
export function addressKeyOf(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address.split('%')[0]!);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/**
 * The counters one public call counts against: with a valid terminal token the terminal's (the bucket's limit) and its
 * address's (the limit times `terminalsPerAddress`); without one the address's (the bucket's limit). One-minute windows.
 * @example callerCounters('tracking', { address: '203.0.113.9' }, defaultCallerLimits) // [{ key: 'tracking:address:203.0.113.9', limit: 10, windowSeconds: 60 }]
 */
export function callerCounters(bucket: CallerBucket, caller: Caller, limits: CallerLimits): AttemptCounter[] {
  const perMinute = bucket === 'tracking' ? limits.trackingPerMinute : bucket === 'signIn' ? limits.signInPerMinute : limits.publicPerMinute;
  const address = addressKeyOf(caller.address);
  const terminal = caller.terminal !== undefined && TerminalToken.safeParse(caller.terminal).success ? caller.terminal : undefined;
  if (terminal === undefined) return [{ key: `${bucket}:address:${address}`, limit: perMinute, windowSeconds: 60 }];
  return [
    { key: `${bucket}:terminal:${address}:${terminal}`, limit: perMinute, windowSeconds: 60 },
    { key: `${bucket}:address:${address}`, limit: perMinute * limits.terminalsPerAddress, windowSeconds: 60 },
  ];
}

/** Whole seconds from `now` until `end`, at least 1 (a Retry-After of 0 would invite an immediate retry). @example secondsUntil(new Date(61_500), new Date(0)) // 62 */
export function secondsUntil(end: Date, now: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
}

/** Whole minutes for a message, at least 1. @example minutesOf(61) // 2 */
export function minutesOf(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
