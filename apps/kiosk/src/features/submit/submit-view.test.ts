import { flushPromises, mount } from '@vue/test-utils';
import { createRouter, createMemoryHistory } from 'vue-router';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n.ts';
import SubmitView from './submit-view.vue';

async function mountSubmitView() {
  const router = createRouter({ history: createMemoryHistory('/kiosk/'), routes: [{ path: '/:any(.*)*', component: SubmitView }] });
  await router.push('/submit');
  return mount(SubmitView, { global: { plugins: [i18n, router] } });
}

describe('the kiosk submit form', () => {
  it('explains each bad field in Chinese, next to the field, without calling the server', async () => {
    const wrapper = await mountSubmitView();
    await wrapper.get('[data-testid="field-mobile"] input').setValue('12345');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('请输入正确的手机号码（11位，以1开头）');
    expect(text).toContain('此项为必填项');
    expect(wrapper.find('[data-testid="form-error"]').exists()).toBe(false);
  });

  it('clears a field message once the field is corrected', async () => {
    const wrapper = await mountSubmitView();
    const mobile = wrapper.get('[data-testid="field-mobile"] input');
    await mobile.setValue('12345');
    await mobile.trigger('blur');
    expect(wrapper.text()).toContain('请输入正确的手机号码');
    await mobile.setValue('138 0013 8000');
    await mobile.trigger('blur');
    expect(wrapper.text()).not.toContain('请输入正确的手机号码');
  });
});
