import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import './i18n';
import { App } from './App';
import { preloadStatePage } from './pages/StatePage';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** How long the first render waits for a State page's preloaded reads (they are usually here already). */
const FIRST_READS_AT_MOST_MS = 500;

const render = (): void =>
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  );

const firstReads = preloadStatePage(window.location.pathname, window.location.search);
if (firstReads === null) render();
else void Promise.race([firstReads, new Promise((wait) => setTimeout(wait, FIRST_READS_AT_MOST_MS))]).then(render);
