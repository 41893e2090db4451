import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeApiError } from './errors.ts';

function clientError(data: unknown) {
  return new TRPCClientError('The input is not valid', { result: { error: { message: 'The input is not valid', code: -32600, data } } as never });
}

describe('describeApiError', () => {
  it('gives field messages in the chosen language', () => {
    const error = clientError({
      httpStatus: 400,
      messageZh: '输入内容不正确',
      fieldErrors: { mobile: { code: 'validation.mobile.invalid', zh: '手机号不对', en: 'Bad mobile' } },
    });
    expect(describeApiError(error, 'zh')).toEqual({ message: '输入内容不正确', fieldMessages: { mobile: '手机号不对' }, kind: 'validation' });
    expect(describeApiError(error, 'en').fieldMessages.mobile).toBe('Bad mobile');
  });

  it('names the field of a rule error (422) and keeps the rule’s own message', () => {
    const error = clientError({
      httpStatus: 422,
      messageCode: 'workflow.triage.claimRouteRequired',
      messageZh: '申诉求决类事项须确定处理途径',
      fieldErrors: { claimRoute: { code: 'workflow.triage.claimRouteRequired', zh: '申诉求决类事项须确定处理途径', en: 'A claim needs a handling route' } },
    });
    expect(describeApiError(error, 'zh')).toEqual({
      message: '申诉求决类事项须确定处理途径',
      fieldMessages: { claimRoute: '申诉求决类事项须确定处理途径' },
      kind: 'validation',
      messageCode: 'workflow.triage.claimRouteRequired',
    });
  });

  it.each([
    [422, 'validation'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [409, 'conflict'],
    [429, 'rateLimited'],
    [500, 'server'],
  ])('maps HTTP %i to %s', (httpStatus, kind) => {
    expect(describeApiError(clientError({ httpStatus }), 'en').kind).toBe(kind);
  });

  it('reports being rate-limited as such, with the message code and the seconds to wait, never as the network', () => {
    const described = describeApiError(clientError({ httpStatus: 429, messageCode: 'tracking.rateLimited', messageZh: '本终端查询次数过多，请42秒后再试', retryAfterSeconds: 42 }), 'zh');
    expect(described).toEqual({ message: '本终端查询次数过多，请42秒后再试', fieldMessages: {}, kind: 'rateLimited', messageCode: 'tracking.rateLimited', retryAfterSeconds: 42 });
  });

  it('treats anything else as a network failure', () => {
    expect(describeApiError(new TypeError('Failed to fetch'), 'zh')).toMatchObject({ kind: 'network', message: '网络连接中断，请稍后重试' });
  });
});
