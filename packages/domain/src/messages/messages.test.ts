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
});
