// A seller's own listings, drafts included.
import { useEffect, useState } from 'react';
import { bytes } from '../format.js';
import { Price } from '../Price.jsx';
import { ErrorText } from '../ErrorText.jsx';

const MY_LISTINGS = `{ myListings { id title status sizeBytes version
  price { buyPriceWal rentPricePerPeriodWal rentPeriodMs } } }`;

export function MyListings({ api, signedIn }) {
  const [listings, setListings] = useState(undefined);
  const [error, setError] = useState(null);
  useEffect(() => { if (signedIn) api.gql(MY_LISTINGS).then((d) => setListings(d.myListings), setError); }, [api, signedIn]);
  if (!signedIn) return <p className="summary">Log in as a seller to see your listings.</p>;
  return (
    <section aria-labelledby="my-listings-heading">
      <h1 id="my-listings-heading">My listings</h1>
      <p><a className="button" href="#/publish">Publish a dataset</a></p>
      {listings === undefined && !error && <p className="summary">Loading…</p>}
      {listings && listings.length === 0 && <p className="summary">You have not published anything yet.</p>}
      {listings && listings.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Your listings</caption>
          <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Price</th><th scope="col">Size</th><th scope="col">Version</th></tr></thead>
          <tbody>
            {listings.map((l) => (
              <tr key={l.id}>
                <td>{l.status === 'ACTIVE' ? <a href={`#/listing/${l.id}`}>{l.title}</a> : l.title}</td>
                <td>{l.status}</td><td><Price price={l.price} /></td><td>{bytes(l.sizeBytes)}</td><td>{l.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorText error={error} />
    </section>
  );
}
