// Haulout browser app: entry point. Reads /config.json, completes a Keycloak redirect if this page
// is one, then renders the app.
import { createRoot } from 'react-dom/client';
import { App } from './App.jsx';
import { Auth } from './auth.js';
import './style.css';

async function start() {
  const config = await (await fetch('/config.json')).json();
  const auth = new Auth(config);
  let startupError = null;
  try { await auth.handleRedirect(); } catch (e) { startupError = e.message; }
  await auth.load();
  createRoot(document.getElementById('root')).render(<App auth={auth} startupError={startupError} />);
}
start();
