import { TRPCClientError } from '@trpc/client';
import { translateMessage, type Language } from '@xinfang/domain/messages';

export interface FieldMessage {
  code: string;
  zh: string;
  en: string;
}

/** What a screen shows for a failed call: one message, messages per field, and whether it was the network. */
export interface DescribedError {
  message: string;
  fieldMessages: Record<string, string>;
  kind: 'validation' | 'unauthenticated' | 'forbidden' | 'conflict' | 'notFound' | 'rateLimited' | 'network' | 'server';
  /** The server's message code, for a screen that says more than the message (e.g. asks for another field). */
  messageCode?: string | undefined;
  /** When refused for a while (429): the seconds until a retry can succeed. */
  retryAfterSeconds?: number | undefined;
}

interface ErrorData {
  httpStatus?: number;
  messageCode?: string | null;
  messageZh?: string | null;
  fieldErrors?: Record<string, FieldMessage> | null;
  retryAfterSeconds?: number | null;
}

/**
 * The API's error contract: 422 a rule or validation error (with the fields it is about), 409 only a stale version
 * (the message says who changed what), 429 refused for a while (with the seconds to wait); 400 a malformed request.
 */
const kindByStatus: Record<number, DescribedError['kind']> = {
  400: 'validation',
  422: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  429: 'rateLimited',
};

/**
 * Turns any error from the API client into text for the person in front of the screen, in their language.
 * @example describeApiError(error, 'zh').fieldMessages.mobile // '请输入正确的手机号码（11位，以1开头）'
 */
export function describeApiError(error: unknown, language: Language): DescribedError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as ErrorData | undefined;
    if (!data) {
      return { message: translateMessage('network.unavailable', language), fieldMessages: {}, kind: 'network' };
    }
    const fieldMessages: Record<string, string> = {};
    for (const [field, message] of Object.entries(data.fieldErrors ?? {})) fieldMessages[field] = message[language];
    const message = language === 'zh' ? (data.messageZh ?? error.message) : error.message;
    return {
      message,
      fieldMessages,
      kind: kindByStatus[data.httpStatus ?? 500] ?? 'server',
      messageCode: data.messageCode ?? undefined,
      retryAfterSeconds: data.retryAfterSeconds ?? undefined,
    };
  }
  return { message: translateMessage('network.unavailable', language), fieldMessages: {}, kind: 'network' };
}
