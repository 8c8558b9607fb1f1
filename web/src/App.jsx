// The shell: header (search, account), navigation and the hash routes.
import { useEffect, useMemo, useState } from 'react';
import { createApi } from './api.js';
import { browseHash } from './format.js';
import { Browse } from './pages/Browse.jsx';
import { Listing } from './pages/Listing.jsx';
import { Publish } from './pages/Publish.jsx';
import { PublicationPage } from './pages/Publication.jsx';
import { Library } from './pages/Library.jsx';
import { MyListings } from './pages/MyListings.jsx';

const LISTING_ROUTE = /^#\/listing\/(0x[0-9a-fA-F]{64})/;
const PUBLICATION_ROUTE = /^#\/publications\/([A-Za-z0-9_-]{1,128})$/;

function useHash() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

export function parseBrowse(hash) {
  const params = new URLSearchParams(hash.split('?')[1] || '');
  return { q: params.get('q') || '', tags: (params.get('tags') || '').split(',').filter(Boolean) };
}

export function App({ auth, startupError }) {
  const api = useMemo(() => createApi(auth), [auth]);
  const hash = useHash();
  const [me, setMe] = useState(null);
  const [meError, setMeError] = useState(null);
  const [signedIn, setSignedIn] = useState(!!auth.token);
  const browse = parseBrowse(hash);
  const [search, setSearch] = useState(browse.q);

  useEffect(() => auth.onChange(() => setSignedIn(!!auth.token)), [auth]);
  useEffect(() => { if (!LISTING_ROUTE.test(hash)) setSearch(parseBrowse(hash).q); }, [hash]);
  useEffect(() => {
    if (!signedIn) { setMe(null); return; }
    api.gql('{ me { username roles } }').then((d) => setMe(d.me), (e) => setMeError(e.message));
  }, [api, signedIn]);

  const roles = me?.roles || [];
  const who = signedIn ? (me ? `${me.username} (${roles.join(', ') || 'no roles'})` : meError || '') : '';

  let page;
  let m;
  if ((m = hash.match(LISTING_ROUTE))) page = <Listing key={m[1]} id={m[1]} api={api} signedIn={signedIn} />;
  else if (hash.startsWith('#/publish')) page = <Publish api={api} signedIn={signedIn} roles={roles} me={me} />;
  else if ((m = hash.match(PUBLICATION_ROUTE))) page = <PublicationPage id={m[1]} api={api} />;
  else if (hash.startsWith('#/library')) page = <Library api={api} signedIn={signedIn} />;
  else if (hash.startsWith('#/my-listings')) page = <MyListings api={api} signedIn={signedIn} />;
  else page = <Browse key={hash} q={browse.q} tags={browse.tags} api={api} />;

  return (
    <>
      <header className="top">
        <a className="brand" href="#/">Haulout</a>
        <form id="search-form" className="search" role="search"
          onSubmit={(ev) => { ev.preventDefault(); location.hash = browseHash(search.trim(), browse.tags); }}>
          <input id="search" type="search" name="q" placeholder="Search datasets (e.g. weather, taxi, embeddings)"
            autoComplete="off" aria-label="Search datasets" value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit">Search</button>
        </form>
        <div className="account">
          <span id="who" className="who">{who}</span>
          <button id="login" type="button" hidden={signedIn} onClick={() => auth.login()}>Log in</button>
          <button id="logout" type="button" hidden={!signedIn} onClick={() => auth.logout()}>Log out</button>
        </div>
      </header>
      <nav className="nav" aria-label="Main">
        <a href="#/">Catalog</a>
        {signedIn && <a href="#/library">Library</a>}
        {roles.includes('seller') && <a href="#/publish">Publish</a>}
        {roles.includes('seller') && <a href="#/my-listings">My listings</a>}
      </nav>
      <main id="view" aria-live="polite">
        {startupError && <p className="error" role="alert">{startupError}</p>}
        {page}
      </main>
      <footer className="foot">Haulout · build {__BUILD_ID__} · prices in WAL (1 WAL = 10<sup>9</sup> FROST)</footer>
    </>
  );
}
