import '@adal/shared/web/styles.css';
import { WebRoot } from '@adal/shared/web';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <WebRoot>
    <BrowserRouter basename="/proctor">
      <App />
    </BrowserRouter>
  </WebRoot>,
);
