// One listing: details, price, and buying or renting it (quote → explicit confirmation → receipt).
import { useEffect, useState } from 'react';
import { browseHash, bytes, dateText } from '../format.js';
import { Price } from '../Price.jsx';
import { ErrorText } from '../ErrorText.jsx';
import { LISTING_FIELDS } from './Browse.jsx';
import { Purchase } from './Purchase.jsx';
import { DownloadButton } from './Library.jsx';

export function Listing({ id, api, signedIn }) {
  const [listing, setListing] = useState(undefined);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.gql(`query One($id: String!) { listing(id: $id) { ${LISTING_FIELDS} version updatedAt } }`, { id })
      .then((d) => setListing(d.listing), setError);
  }, [api, id]);

  if (error) return <ErrorText error={error} />;
  if (listing === undefined) return <p className="summary">Loading…</p>;
  if (listing === null) return <p className="error">No such listing.</p>;
  const l = listing;
  return (
    <>
      <p><a href="#/">← Back to the catalog</a></p>
      <article className="detail" id="listing-detail">
        <h1>{l.title}</h1>
        <p>{l.description}</p>
        <div>{l.tags.map((t) => <a className="tag" key={t} href={browseHash('', [t])}>{t}</a>).flatMap((x, i) => (i ? [' ', x] : [x]))}</div>
        <h2>Price</h2>
        <p id="price"><Price price={l.price} /> <small>(marketplace fee {(l.price.feeBps / 100).toFixed(2)}%)</small></p>
        <Purchase listing={l} api={api} signedIn={signedIn} />
        {signedIn && (
          <section aria-labelledby="content-heading">
            <h2 id="content-heading">Content</h2>
            <p className="summary">Buyers and renters download the decrypted dataset here or from their library.</p>
            <DownloadButton api={api} listingId={l.id} title={l.title} />
          </section>
        )}
        <h2>Details</h2>
        <dl>
          <dt>Status</dt><dd>{l.status}</dd>
          <dt>Format</dt><dd>{l.format || '—'}</dd>
          <dt>Size</dt><dd>{bytes(l.sizeBytes)}</dd>
          <dt>License</dt><dd>{l.license || '—'}</dd>
          <dt>Seller</dt><dd><code>{l.seller}</code></dd>
          <dt>Listing id</dt><dd><code>{l.id}</code> (version {l.version})</dd>
          <dt>Blob ID</dt><dd><code>{l.blobId || '—'}</code></dd>
          <dt>Listed</dt><dd>{dateText(Date.parse(l.createdAt))}</dd>
        </dl>
      </article>
    </>
  );
}
