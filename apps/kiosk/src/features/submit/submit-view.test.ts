import { flushPromises, mount } from '@vue/test-utils';
import { VueQueryPlugin } from '@tanstack/vue-query';
import { createRouter, createMemoryHistory } from 'vue-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n.ts';
import { draft, resetDraft } from './submission-store.ts';
import SubmitView from './submit-view.vue';

async function mountSubmitView() {
  const router = createRouter({ history: createMemoryHistory('/kiosk/'), routes: [{ path: '/:any(.*)*', component: SubmitView }] });
  await router.push('/submit');
  return mount(SubmitView, { global: { plugins: [i18n, router, VueQueryPlugin] } });
}

beforeEach(() => resetDraft());

describe('the kiosk submit form', () => {
  it('explains each bad field of the first step in Chinese, next to the field, and stays on the step', async () => {
    const wrapper = await mountSubmitView();
    await wrapper.get('[data-testid="field-mobile"] input').setValue('12345');
    await wrapper.get('[data-testid="field-id-number"] input').setValue('110105194912310021');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const text = wrapper.text();
    expect(text).toContain('请输入正确的手机号码（11位，以1开头）');
    expect(text).toContain('身份证号码校验位不正确，请核对');
    expect(text).toContain('此项为必填项');
    expect(draft.step).toBe(0);
    expect(wrapper.find('[data-testid="form-error"]').exists()).toBe(false);
  });

  it('moves to the next step once the first is right, and keeps the draft', async () => {
    const wrapper = await mountSubmitView();
    await wrapper.get('[data-testid="field-name"] input').setValue('演示用户');
    await wrapper.get('[data-testid="field-id-number"] input').setValue('11010519491231002x');
    await wrapper.get('[data-testid="field-mobile"] input').setValue('199 0000 0001');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(draft.step).toBe(1);
    expect(JSON.parse(sessionStorage.getItem('xinfang.kiosk.draft') ?? '{}')).toMatchObject({ name: '演示用户', step: 1 });
  });

  it('asks for the representatives of a collective matter', async () => {
    const wrapper = await mountSubmitView();
    await wrapper.get('[data-testid="collective-yes"]').trigger('click');
    await wrapper.get('[data-testid="field-headcount"] input').setValue('1');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('集体反映的人数应为2至10000人');
    expect(wrapper.text()).toContain('集体反映请至少填写1名代表');
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
