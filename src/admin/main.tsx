import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('admin/index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <main>
      <h1>Kiosk administration</h1>
    </main>
  </StrictMode>,
);
