// Sign-in with the Keycloak realm: OpenID Connect authorization code flow with PKCE (S256), for a
// public client. Tokens live in sessionStorage (this tab only) and are sent as bearer tokens.
const KEY = 'haulout.auth';
const PENDING = 'haulout.auth.pending';

function b64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function randomString(n = 32) { return b64url(crypto.getRandomValues(new Uint8Array(n))); }
async function challenge(verifier) {
  return b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}
function redirectUri() { return location.origin + location.pathname; }

export class Auth {
  constructor(config) {
    this.issuer = config.oidcUrl;
    this.clientId = config.oidcClientId;
    this.session = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  }

  get token() {
    if (!this.session) return null;
    if (Date.now() > this.session.expiresAt) { this.clear(); return null; }
    return this.session.accessToken;
  }

  clear() { this.session = null; sessionStorage.removeItem(KEY); }

  async login() {
    const verifier = randomString(48);
    const state = randomString(16);
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
    const url = new URL(this.issuer + '/protocol/openid-connect/auth');
    url.search = new URLSearchParams({
      client_id: this.clientId, response_type: 'code', scope: 'openid profile email',
      redirect_uri: redirectUri(), state, code_challenge: await challenge(verifier), code_challenge_method: 'S256',
    });
    location.assign(url.toString());
  }

  /** Completes a sign-in when the page is the redirect target (?code=...&state=...). */
  async handleRedirect() {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    if (!code) return;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', redirectUri() + (pending?.hash || '#/'));
    if (!pending || pending.state !== params.get('state')) throw new Error('sign-in failed: state mismatch');
    const res = await fetch(this.issuer + '/protocol/openid-connect/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: this.clientId, code,
        redirect_uri: redirectUri(), code_verifier: pending.verifier }),
    });
    if (!res.ok) throw new Error('sign-in failed: token endpoint answered ' + res.status);
    const t = await res.json();
    this.session = { accessToken: t.access_token, idToken: t.id_token, expiresAt: Date.now() + (t.expires_in - 10) * 1000 };
    sessionStorage.setItem(KEY, JSON.stringify(this.session));
  }

  logout() {
    const idToken = this.session?.idToken;
    this.clear();
    const url = new URL(this.issuer + '/protocol/openid-connect/logout');
    url.search = new URLSearchParams({ client_id: this.clientId, post_logout_redirect_uri: redirectUri(),
      ...(idToken ? { id_token_hint: idToken } : {}) });
    location.assign(url.toString());
  }
}
