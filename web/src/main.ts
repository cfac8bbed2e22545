import { createApp, h } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import App from './App.vue';
import { loadConfig } from './config';
import { Session } from './auth/session';
import { SESSION } from './auth/useSession';
import { createGraphClient } from './graphql/client';
import { createConsoleI18n } from './i18n';
import { createConsoleRouter } from './router';
import './styles.css';

/** Start-up: configuration, session, graph client, router; then the app. */
async function start() {
  const config = await loadConfig();
  const session = new Session(config);
  const router = createConsoleRouter(session);
  const graph = createGraphClient(config, session, () => {
    void session.signIn(router.currentRoute.value.fullPath);
  });
  createApp({ setup: () => () => h(App) })
    .provide(DefaultApolloClient, graph.apollo)
    .provide(SESSION, session)
    .use(createConsoleI18n())
    .use(router)
    .mount('#app');
}

start().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = `The console could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
});
