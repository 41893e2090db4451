import { installVueQuery } from '@xinfang/client/vue-query';
import { Locale } from 'vant';
import enUS from 'vant/es/locale/lang/en-US';
import zhCN from 'vant/es/locale/lang/zh-CN';
import 'vant/es/toast/style';
import { createApp, watch } from 'vue';
import App from './app.vue';
import { i18n } from './i18n.ts';
import { router } from './router.ts';
import './styles.css';

watch(
  i18n.global.locale,
  (locale) => {
    if (locale === 'en') Locale.use('en-US', enUS);
    else Locale.use('zh-CN', zhCN);
    document.documentElement.lang = locale;
  },
  { immediate: true },
);

const app = createApp(App);
app.use(i18n);
installVueQuery(app);
app.use(router);
app.mount('#app');
