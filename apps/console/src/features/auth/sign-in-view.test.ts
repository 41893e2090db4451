import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n.ts';
import SignInView from './sign-in-view.vue';

describe('the sign-in screen', () => {
  it('marks both fields invalid before calling the server', async () => {
    const router = createRouter({ history: createMemoryHistory('/console/'), routes: [{ path: '/:any(.*)*', component: SignInView }] });
    await router.push('/sign-in');
    const wrapper = mount(SignInView, {
      global: { plugins: [i18n, router, [VueQueryPlugin, { queryClient: new QueryClient() }]] },
      attachTo: document.body,
    });
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await new Promise((done) => setTimeout(done, 50));
    // both fields are marked invalid; the message text itself appears after Element Plus's transition (see e2e)
    const invalid = wrapper.findAll('.el-form-item.is-error .el-form-item__label').map((label) => label.text());
    expect(invalid).toEqual(['用户名', '密码']);
    expect(wrapper.find('[data-testid="sign-in-error"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
