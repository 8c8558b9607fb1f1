// The library: the wallet, and everything the user may read (passes and rentals) with a download
// button that streams the content from the gateway with the bearer token.
import { useEffect, useMemo, useState } from 'react';
import { receiptUrl } from './Purchase.jsx';
import { bytes, dateText, frostToWal } from '../format.js';
import { ErrorText } from '../ErrorText.jsx';

const WALLET = '{ me { wallet { address managed balanceFrost } } }';
const LIBRARY = '{ me { library { listingId listing { id title } kind accessId expiresAtMs receipt } } }';

function filenameOf(res, fallback) {
  const cd = res.headers.get('content-disposition') || '';
  const m = cd.match(/filename\*=UTF-8''([^;]+)/i) || cd.match(/filename="?([^";]+)"?/i);
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** Streams a listing's content into a file the browser saves, reporting progress. */
export async function download(api, listingId, onProgress) {
  const res = await api.content(listingId);
  const total = Number(res.headers.get('content-length')) || null;
  const reader = res.body.getReader();
  const parts = []; let done = 0;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    parts.push(value); done += value.byteLength;
    onProgress(done, total);
  }
  if (total != null && done !== total) throw Object.assign(new Error(`the download stopped at ${done} of ${total} bytes`), { code: 'CONTENT_INCOMPLETE' });
  const url = URL.createObjectURL(new Blob(parts, { type: res.headers.get('content-type') || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url; a.download = filenameOf(res, `${listingId}.bin`);
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return done;
}

/** A download button with a progress bar and the gateway's refusal shown as a sentence with its code. */
export function DownloadButton({ api, listingId, title }) {
  const [progress, setProgress] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function go() {
    setBusy(true); setError(null); setProgress({ done: 0, total: null });
    try {
      const n = await download(api, listingId, (done, total) => setProgress({ done, total }));
      setProgress({ done: n, total: n, finished: true });
    } catch (e) { setError(e); setProgress(null); } finally { setBusy(false); }
  }
  const pct = progress?.total ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <>
      <button type="button" disabled={busy} onClick={go} aria-label={`Download ${title}`}>Download</button>
      {progress && (
        <div className="progress">
          <progress aria-label={`Download progress of ${title}`} max={100} value={progress.total ? pct : undefined} />
          <span role="status">{progress.finished ? `Downloaded ${bytes(progress.done)}` : `${bytes(progress.done)}${progress.total ? ` of ${bytes(progress.total)}` : ''}`}</span>
        </div>
      )}
      <ErrorText error={error} />
    </>
  );
}

function Item({ item, api }) {
  const receipt = useMemo(() => (item.receipt ? receiptUrl(item.receipt) : null), [item.receipt]);
  const expired = item.expiresAtMs != null && Date.now() > Number(item.expiresAtMs);
  // the listing is null while the catalog has not applied the ledger's event yet
  const id = item.listingId;
  const title = item.listing?.title ?? id;
  return (
    <li className="card library-item" data-id={id}>
      <h3><a href={`#/listing/${id}`}>{title}</a></h3>
      <p>{item.kind === 'RENT' ? `Rental ${expired ? 'expired' : 'until'} ${dateText(item.expiresAtMs)}` : 'Perpetual pass'} · access <code>{item.accessId}</code></p>
      {receipt && <p><a download={`receipt-${id}.json`} href={receipt}>Save the signed receipt</a></p>}
      <DownloadButton api={api} listingId={id} title={title} />
    </li>
  );
}

export function Library({ api, signedIn }) {
  const [wallet, setWallet] = useState(undefined);
  const [library, setLibrary] = useState(undefined);
  const [errors, setErrors] = useState({});
  useEffect(() => {
    if (!signedIn) return;
    api.gql(WALLET).then((d) => setWallet(d.me.wallet), (e) => setErrors((x) => ({ ...x, wallet: e })));
    api.gql(LIBRARY).then((d) => setLibrary(d.me.library), (e) => setErrors((x) => ({ ...x, library: e })));
  }, [api, signedIn]);

  if (!signedIn) return <p className="summary">Log in to see your library.</p>;
  return (
    <section aria-labelledby="library-heading">
      <h1 id="library-heading">Library</h1>
      <div className="card" role="region" aria-label="Wallet">
        {wallet && <p>Wallet <code id="wallet-address">{wallet.address}</code> ({wallet.managed ? 'managed' : 'linked'}) · balance <strong id="wallet-balance">{frostToWal(wallet.balanceFrost)} WAL</strong></p>}
        {wallet === undefined && !errors.wallet && <p className="summary">Loading the wallet…</p>}
        <ErrorText error={errors.wallet} />
      </div>
      {library === undefined && !errors.library && <p className="summary">Loading…</p>}
      {library && library.length === 0 && <p className="summary">Nothing here yet: datasets you buy or rent appear here.</p>}
      {library && <ul className="grid plain" aria-label="Datasets you can read">{library.map((i) => <Item key={i.accessId} item={i} api={api} />)}</ul>}
      <ErrorText error={errors.library} />
    </section>
  );
}
