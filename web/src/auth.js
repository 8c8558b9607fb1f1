// Sign-in with the Keycloak realm through oidc-client-ts: authorization code flow with PKCE (S256)
// for the public client `haulout-web`. The user (tokens) and the pending sign-in state live in
// sessionStorage under `haulout.auth.` (this tab only); the access token goes out as a bearer token.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

function redirectUri() { return location.origin + location.pathname; }

export class Auth {
  constructor(config) {
    this.user = null;
    this.listeners = new Set();
    this.manager = new UserManager({
      authority: config.oidcUrl,
      client_id: config.oidcClientId,
      redirect_uri: redirectUri(),
      post_logout_redirect_uri: redirectUri(),
      response_type: 'code',
      scope: 'openid profile email',
      loadUserInfo: false,
      automaticSilentRenew: false,
      userStore: new WebStorageStateStore({ store: sessionStorage, prefix: 'haulout.auth.' }),
      stateStore: new WebStorageStateStore({ store: sessionStorage, prefix: 'haulout.auth.pending.' }),
    });
  }

  async load() {
    const user = await this.manager.getUser();
    this.user = user && !user.expired ? user : null;
    if (user && user.expired) await this.manager.removeUser();
    await this.manager.clearStaleState();
  }

  get token() {
    if (!this.user) return null;
    if (this.user.expired) { this.clear(); return null; }
    return this.user.access_token;
  }

  onChange(fn) { this.listeners.add(fn); return () => this.listeners.delete(fn); }

  clear() {
    this.user = null;
    this.manager.removeUser();
    for (const fn of this.listeners) fn();
  }

  login() { return this.manager.signinRedirect({ state: { hash: location.hash } }); }

  logout() { return this.manager.signoutRedirect(); }

  /** Completes a sign-in (?code=…&state=…) or a sign-out (?state=…) when the page is the redirect target. */
  async handleRedirect() {
    const params = new URLSearchParams(location.search);
    if (!params.has('state') && !params.has('error')) return;
    const url = location.href;
    try {
      if (params.has('code') || params.has('error')) {
        const user = await this.manager.signinRedirectCallback(url);
        history.replaceState(null, '', redirectUri() + (user.state?.hash || '#/'));
      } else {
        await this.manager.signoutRedirectCallback(url);
        history.replaceState(null, '', redirectUri() + location.hash);
      }
    } catch (e) {
      history.replaceState(null, '', redirectUri() + '#/');
      throw new Error('sign-in failed: ' + e.message);
    }
  }
}
