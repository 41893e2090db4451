import { createApiClient } from '@xinfang/client/trpc';

const terminalStorageKey = 'xinfang.kiosk.terminal';
let token: string | undefined;

/**
 * This terminal's token: random, made once and kept in localStorage (a visitor's wipe clears only sessionStorage), sent
 * with every call as `x-kiosk-terminal` so the server's limits count this terminal apart from the other kiosks behind
 * the hall's one address. It identifies the screen, never a visitor, and the server keeps it only inside a minute's
 * rate-limit counter. Without storage (private mode) each page load has its own.
 */
export function terminalToken(): string {
  if (token) return token;
  try {
    token = localStorage.getItem(terminalStorageKey) ?? undefined;
  } catch {
    token = undefined;
  }
  if (!token || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) {
    token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    try {
      localStorage.setItem(terminalStorageKey, token);
    } catch {
      // private mode: this page load keeps its own token
    }
  }
  return token;
}

/** The one API client of the kiosk. */
export const api = createApiClient('/trpc', (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('x-kiosk-terminal', terminalToken());
  return globalThis.fetch(input, { ...init, headers });
});
