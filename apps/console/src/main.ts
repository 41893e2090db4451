import { installVueQuery } from '@xinfang/client/vue-query';
import 'element-plus/theme-chalk/el-message.css';
import { createApp } from 'vue';
import App from './app.vue';
import { i18n } from './i18n.ts';
import { createConsoleRouter } from './router.ts';
import './styles.css';

const app = createApp(App);
app.use(i18n);
const queryClient = installVueQuery(app);
app.use(createConsoleRouter(queryClient));
app.mount('#app');
