import { translateMessage, type MessageCode } from '../messages/messages.ts';

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

  constructor(code: MessageCode, kind: DomainErrorKind = 'invalid', options?: { cause?: unknown }) {
    super(translateMessage(code, 'en'), options);
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    this.messageZh = translateMessage(code, 'zh');
    this.messageEn = translateMessage(code, 'en');
  }
}

/** True for a DomainError, also across module copies. @example isDomainError(new DomainError('auth.required', 'unauthenticated')) // true */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && error.name === 'DomainError' && 'kind' in error);
}
