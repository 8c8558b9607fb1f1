// The marketplace API: GraphQL at /graphql and the REST content route, with the signed-in user's
// bearer token. Errors become ApiError { code, message } with the server's stable code.
export class ApiError extends Error {
  constructor(code, message) { super(message); this.code = code; }
  /** The server does not have this field or mutation (a part of the API that has not landed). */
  get missingFromApi() { return this.code === 'ValidationError' && /FieldUndefined|UnknownArgument|undefined/.test(this.message); }
  toString() { return `${this.code}: ${this.message}`; }
}

export function createApi(auth) {
  async function gql(query, variables = {}) {
    const headers = { 'content-type': 'application/json' };
    if (auth.token) headers.authorization = 'Bearer ' + auth.token;
    const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    if (res.status === 401) { auth.clear(); throw new ApiError('UNAUTHENTICATED', 'your session expired; please log in again'); }
    let body;
    try { body = await res.json(); } catch { throw new ApiError('HTTP_' + res.status, `the API answered ${res.status}`); }
    if (body.errors?.length) {
      const e = body.errors[0];
      throw new ApiError(e.extensions?.code || e.extensions?.classification || 'ERROR', e.message);
    }
    return body.data;
  }

  /** GET a listing's content with the bearer token; the Response (body unread) or an ApiError. */
  async function content(listingId) {
    const headers = auth.token ? { authorization: 'Bearer ' + auth.token } : {};
    const res = await fetch(`/api/v1/listings/${encodeURIComponent(listingId)}/content`, { headers });
    if (!res.ok) {
      let code = 'HTTP_' + res.status; let message = `the download was refused (${res.status})`;
      try { const b = await res.json(); code = b.code || code; message = b.message || message; } catch { /* not JSON */ }
      throw new ApiError(code, message);
    }
    return res;
  }

  return { gql, content, auth };
}
