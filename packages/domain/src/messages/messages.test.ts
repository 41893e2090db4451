import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from '../errors/domain-error.ts';
import { messages, translateMessage } from './messages.ts';

describe('messages', () => {
  it.each(Object.keys(messages))('%s has non-empty Chinese and English text', (code) => {
    expect(translateMessage(code, 'zh')).toMatch(/\p{Script=Han}/u);
    expect(translateMessage(code, 'en')).toMatch(/[a-z]/);
  });

  it('falls back to the generic message for an unknown code', () => {
    expect(translateMessage('no.such.code', 'zh')).toBe(messages['validation.invalid'].zh);
  });

  it('DomainError carries its code, kind and both languages', () => {
    const error = new DomainError('petition.notFound', 'notFound');
    expect(isDomainError(error)).toBe(true);
    expect(error.kind).toBe('notFound');
    expect(error.messageZh).toBe('未找到该信访事项');
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('fills placeholders in both languages, and a DomainError carries the seconds to wait', () => {
    const error = new DomainError('tracking.rateLimited', 'tooManyRequests', { params: { seconds: 42 }, retryAfterSeconds: 42 });
    expect(error.messageZh).toBe('本终端查询次数过多，请42秒后再试');
    expect(error.messageEn).toBe('Too many lookups from this terminal; try again in 42 seconds');
    expect(error.retryAfterSeconds).toBe(42);
    expect(translateMessage('auth.locked', 'en', { other: 1 })).toContain('{minutes}');
    expect(new DomainError('petition.notFound', 'notFound').retryAfterSeconds).toBeUndefined();
  });
});
