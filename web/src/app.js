// Haulout browser app: browse and search the catalog, open a listing, sign in with Keycloak.
import { Auth } from './auth.js';

const $ = (sel) => document.querySelector(sel);
const view = $('#view');
let auth;

const LISTING_FIELDS = `id title description tags seller license sizeBytes format status blobId createdAt
  price { buyPriceFrost buyPriceWal rentPricePerPeriodWal rentPeriodMs feeBps }`;
const SEARCH = `query Browse($q: String, $tags: [String], $after: String) {
  listings(query: $q, tags: $tags, first: 12, after: $after) {
    totalCount
    edges { node { ${LISTING_FIELDS} } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const POPULAR_TAGS = ['climate', 'weather', 'time-series', 'geospatial', 'ml', 'nlp', 'energy', 'transport', 'imagery'];

async function gql(query, variables = {}) {
  const headers = { 'content-type': 'application/json' };
  if (auth?.token) headers.authorization = 'Bearer ' + auth.token;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  if (res.status === 401) { auth?.clear(); throw new Error('your session expired; please log in again'); }
  const body = await res.json();
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new Error(`${e.extensions?.code || e.extensions?.classification || 'ERROR'}: ${e.message}`);
  }
  return body.data;
}

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
function bytes(n) {
  if (n == null) return '—';
  const u = ['B', 'KB', 'MB', 'GB', 'TB']; let i = 0; let v = n;
  while (v >= 1000 && i < u.length - 1) { v /= 1000; i++; }
  return `${v.toFixed(v < 10 && i ? 1 : 0)} ${u[i]}`;
}
function priceHtml(p) {
  const parts = [];
  if (p.buyPriceWal != null) parts.push(`<span class="price">${esc(p.buyPriceWal)} WAL</span> <small>to buy</small>`);
  if (p.rentPricePerPeriodWal != null) {
    const days = Math.round(p.rentPeriodMs / 86400000);
    parts.push(`<span class="price">${esc(p.rentPricePerPeriodWal)} WAL</span> <small>per ${days} days</small>`);
  }
  return parts.join(' · ') || '<small>not for sale</small>';
}

// ------------------------------------------------------------------ browse
const state = { q: '', tags: [], cursors: [null] };

function readQuery() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  state.q = params.get('q') || '';
  state.tags = (params.get('tags') || '').split(',').filter(Boolean);
  $('#search').value = state.q;
}
function browseHash(q, tags) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (tags.length) p.set('tags', tags.join(','));
  const s = p.toString();
  return '#/' + (s ? '?' + s : '');
}

async function renderBrowse(pageIndex = 0) {
  readQuery();
  if (pageIndex === 0) state.cursors = [null];
  view.innerHTML = '<p class="summary">Loading…</p>';
  try {
    const data = await gql(SEARCH, { q: state.q || null, tags: state.tags.length ? state.tags : null, after: state.cursors[pageIndex] });
    const { edges, pageInfo, totalCount } = data.listings;
    state.cursors[pageIndex + 1] = pageInfo.endCursor;
    const tagChips = POPULAR_TAGS.map((t) =>
      `<button type="button" class="tag ${state.tags.includes(t) ? 'active' : ''}" data-tag="${t}">${t}</button>`).join(' ');
    view.innerHTML = `
      <div class="filters" id="tag-filter"><span class="summary">Tags:</span> ${tagChips}</div>
      <p class="summary" id="result-count">${totalCount} dataset${totalCount === 1 ? '' : 's'}${state.q ? ` matching “${esc(state.q)}”` : ''}</p>
      <div class="grid" id="results">
        ${edges.map(({ node: l }) => `
          <article class="card listing-card" data-id="${esc(l.id)}">
            <h3><a href="#/listing/${esc(l.id)}">${esc(l.title)}</a></h3>
            <p>${esc(l.description.length > 140 ? l.description.slice(0, 137) + '…' : l.description)}</p>
            <div>${l.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join(' ')}</div>
            <div>${priceHtml(l.price)}</div>
            <p>${esc(l.format || '')} · ${bytes(l.sizeBytes)}</p>
          </article>`).join('')}
      </div>
      <nav class="pager">
        <button type="button" class="secondary" id="prev" ${pageIndex === 0 ? 'disabled' : ''}>← Previous</button>
        <span class="summary">Page ${pageIndex + 1}</span>
        <button type="button" class="secondary" id="next" ${pageInfo.hasNextPage ? '' : 'disabled'}>Next →</button>
      </nav>`;
    $('#prev').onclick = () => renderBrowse(pageIndex - 1);
    $('#next').onclick = () => renderBrowse(pageIndex + 1);
    for (const b of view.querySelectorAll('#tag-filter .tag')) {
      b.onclick = () => {
        const t = b.dataset.tag;
        const tags = state.tags.includes(t) ? state.tags.filter((x) => x !== t) : [...state.tags, t];
        location.hash = browseHash(state.q, tags);
      };
    }
  } catch (e) {
    view.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

// ------------------------------------------------------------------ detail
async function renderListing(id) {
  view.innerHTML = '<p class="summary">Loading…</p>';
  try {
    const { listing: l } = await gql(`query One($id: String!) { listing(id: $id) { ${LISTING_FIELDS} version updatedAt } }`, { id });
    if (!l) { view.innerHTML = '<p class="error">No such listing.</p>'; return; }
    view.innerHTML = `
      <p><a href="#/">← Back to the catalog</a></p>
      <article class="detail" id="listing-detail">
        <h1>${esc(l.title)}</h1>
        <p>${esc(l.description)}</p>
        <div>${l.tags.map((t) => `<a class="tag" href="${browseHash('', [t])}">${esc(t)}</a>`).join(' ')}</div>
        <h2>Price</h2><p id="price">${priceHtml(l.price)} <small>(marketplace fee ${(l.price.feeBps / 100).toFixed(2)}%)</small></p>
        <h2>Details</h2>
        <dl>
          <dt>Status</dt><dd>${esc(l.status)}</dd>
          <dt>Format</dt><dd>${esc(l.format || '—')}</dd>
          <dt>Size</dt><dd>${bytes(l.sizeBytes)}</dd>
          <dt>License</dt><dd>${esc(l.license || '—')}</dd>
          <dt>Seller</dt><dd><code>${esc(l.seller)}</code></dd>
          <dt>Listing id</dt><dd><code>${esc(l.id)}</code> (version ${esc(l.version)})</dd>
          <dt>Blob ID</dt><dd><code>${esc(l.blobId || '—')}</code></dd>
          <dt>Listed</dt><dd>${new Date(l.createdAt).toUTCString()}</dd>
        </dl>
      </article>`;
  } catch (e) {
    view.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

// ------------------------------------------------------------------ shell
function route() {
  const m = location.hash.match(/^#\/listing\/(0x[0-9a-fA-F]{64})/);
  if (m) renderListing(m[1]); else renderBrowse(0);
}

async function showAccount() {
  const signedIn = !!auth.token;
  $('#login').hidden = signedIn;
  $('#logout').hidden = !signedIn;
  $('#who').textContent = '';
  if (signedIn) {
    try {
      const { me } = await gql('{ me { username roles } }');
      $('#who').textContent = `${me.username} (${me.roles.join(', ') || 'no roles'})`;
    } catch (e) {
      $('#who').textContent = e.message;
    }
  }
}

async function main() {
  const config = await (await fetch('/config.json')).json();
  auth = new Auth(config);
  try { await auth.handleRedirect(); } catch (e) { view.innerHTML = `<p class="error">${esc(e.message)}</p>`; }
  $('#login').onclick = () => auth.login();
  $('#logout').onclick = () => auth.logout();
  $('#search-form').onsubmit = (ev) => { ev.preventDefault(); location.hash = browseHash($('#search').value.trim(), state.tags); };
  window.addEventListener('hashchange', route);
  await showAccount();
  route();
}
main();
