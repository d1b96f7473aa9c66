import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { registerServiceWorker } from './kiosk/update/sw-update';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// After the first screen: the updater is not needed to take a punch, so it does not delay the idle screen.
const SW_REGISTER_DELAY_MS = 1_500;
if (import.meta.env.PROD) {
  window.addEventListener(
    'load',
    () => setTimeout(() => void registerServiceWorker(), SW_REGISTER_DELAY_MS),
    {
      once: true,
    },
  );
}
