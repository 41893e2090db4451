import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../i18n.ts';
import TrackView from './track-view.vue';

/** What the fake server answers each call with, and what it was asked: through the kiosk's real API client. */
const server = {
  answers: [] as { status: number; body: unknown }[],
  requests: [] as { url: string; headers: Headers; body: unknown }[],
};

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : input.toString();
  server.requests.push({ url, headers: new Headers(init?.headers), body: JSON.parse(typeof init?.body === 'string' ? init.body : 'null') });
  const answer = server.answers.shift()!;
  return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } }));
}

/** A refusal exactly as the server's tRPC error formatter shapes it, in a batch of one. */
function refusal(httpStatus: number, messageCode: string, message: string, messageZh: string, retryAfterSeconds: number | null) {
  return { status: httpStatus, body: [{ error: { message, code: -32029, data: { code: 'TOO_MANY_REQUESTS', httpStatus, messageCode, messageZh, fieldErrors: null, retryAfterSeconds } } }] };
}

async function mountTrackView() {
  const router = createRouter({ history: createMemoryHistory('/kiosk/'), routes: [{ path: '/:any(.*)*', component: TrackView }] });
  await router.push('/track');
  return mount(TrackView, { global: { plugins: [i18n, router] } });
}

async function lookUp(wrapper: Awaited<ReturnType<typeof mountTrackView>>, code: string, last4: string) {
  await wrapper.get('[data-testid="field-tracking-code"] input').setValue(code);
  await wrapper.get('[data-testid="field-last4"] input').setValue(last4);
  await wrapper.get('form').trigger('submit');
  await settled(wrapper);
}

/** Waits until the page has the answer (the client batches on a timer, then parses the response). */
async function settled(wrapper: Awaited<ReturnType<typeof mountTrackView>>) {
  await flushPromises();
  await vi.waitFor(() => expect(wrapper.find('[data-testid="track-submit"]').classes()).not.toContain('van-button--loading'));
}

const code = 'BBBB-BBBB-B8';

beforeEach(() => {
  server.answers.length = 0;
  server.requests.length = 0;
  vi.stubGlobal('fetch', fakeFetch);
  setLocale('zh-CN');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the kiosk tracking page when limits apply', () => {
  it('says the terminal made too many lookups and how long to wait — never that the network is down (zh and en)', async () => {
    server.answers.push(refusal(429, 'tracking.rateLimited', 'Too many lookups from this terminal; try again in 42 seconds', '本终端查询次数过多，请42秒后再试', 42));
    const wrapper = await mountTrackView();
    await lookUp(wrapper, code, '1234');
    const error = wrapper.get('[data-testid="track-error"]').text();
    expect(error).toBe('本终端查询次数过多，请 42 秒后再试。');
    expect(error).not.toContain('网络');
    setLocale('en');
    server.answers.push(refusal(429, 'request.rateLimitedFor', 'Too many requests; try again in 7 seconds', '请求过于频繁，请7秒后再试', 7));
    await wrapper.get('form').trigger('submit');
    await settled(wrapper);
    expect(wrapper.get('[data-testid="track-error"]').text()).toBe('Too many lookups from this terminal; try again in 7 seconds.');
  });

  it('names this terminal in every call, so the hall’s other kiosks keep their own limit', async () => {
    server.answers.push(refusal(404, 'tracking.notFound', 'no match', '不匹配', null));
    const wrapper = await mountTrackView();
    await lookUp(wrapper, code, '1234');
    expect(server.requests[0]!.headers.get('x-kiosk-terminal')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('asks for the full mobile number when strangers used up the code’s guesses, then sends it', async () => {
    server.answers.push(refusal(403, 'tracking.fullMobileRequired', 'enter the full mobile number', '请输入完整手机号码', null));
    const wrapper = await mountTrackView();
    await lookUp(wrapper, code, '8000');
    expect(wrapper.get('[data-testid="track-error"]').text()).toContain('请再输入提交时填写的完整手机号码');
    await wrapper.get('[data-testid="field-full-mobile"] input').setValue('138 0013 8000');
    server.answers.push(refusal(404, 'tracking.notFound', 'no match', '不匹配', null));
    await wrapper.get('form').trigger('submit');
    await settled(wrapper);
    expect(server.requests[1]!.body).toEqual({ 0: { trackingCode: code, mobileLast4: '8000', mobile: '138 0013 8000' } });
  });
});
