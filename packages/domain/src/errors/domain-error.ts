import { translateMessage, type MessageCode, type MessageParams } from '../messages/messages.ts';

/** What went wrong, as the API maps it to a transport status. */
export type DomainErrorKind = 'invalid' | 'notFound' | 'conflict' | 'forbidden' | 'unauthenticated' | 'tooManyRequests';

/**
 * A rule said no. Carries a stable code and both languages' messages; knows nothing of HTTP.
 * @example throw new DomainError('petition.notFound', 'notFound')
 */
export class DomainError extends Error {
  readonly code: MessageCode;
  readonly kind: DomainErrorKind;
  readonly messageZh: string;
  readonly messageEn: string;
  /** For `tooManyRequests`: how many seconds until a retry can succeed (the API sends it as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: MessageCode, kind: DomainErrorKind = 'invalid', options?: { cause?: unknown; params?: MessageParams; retryAfterSeconds?: number }) {
    super(translateMessage(code, 'en', options?.params), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    this.messageZh = translateMessage(code, 'zh', options?.params);
    this.messageEn = translateMessage(code, 'en', options?.params);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** True for a DomainError, also across module copies. @example isDomainError(new DomainError('auth.required', 'unauthenticated')) // true */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && error.name === 'DomainError' && 'kind' in error);
}
