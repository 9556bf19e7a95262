import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import { App, queryClient } from './app/App';
import { prefetchRoute } from './app/prefetch';
import { startSession } from './shared/session';

// the session is resumed (refresh cookie) while React renders its first frame, not after it; then what the
// addressed page shows first is asked for at once
void startSession().then((signedIn) => {
  if (signedIn) prefetchRoute(queryClient, window.location);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
