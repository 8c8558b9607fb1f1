// A publication's stages (docs/commerce.md "Publish"), polled from GraphQL publication(id) until it
// is listed or failed; a failed one can be retried at its stage.
import { useEffect, useState } from 'react';
import { bytes } from '../format.js';
import { ErrorText } from '../ErrorText.jsx';

export const STAGES = ['UPLOADED', 'DRAFTED', 'ENCRYPTED', 'ENCODED', 'STORED', 'CERTIFIED', 'LISTED'];
const LABELS = { UPLOADED: 'Uploaded', DRAFTED: 'Draft listed', ENCRYPTED: 'Encrypted', ENCODED: 'Erasure-coded',
  STORED: 'Stored', CERTIFIED: 'Certified', LISTED: 'Listed' };
const FIELDS = 'id stage state listingId revision errorCode errorMessage bytesDone bytesTotal';
const POLL_MS = 1000;

export function PublicationPage({ id, api }) {
  const [pub, setPub] = useState(undefined);
  const [error, setError] = useState(null);
  const [tick, setTick] = useState(0);
  const finished = pub && (pub.state === 'DONE' || pub.state === 'FAILED' || pub.stage === 'LISTED');

  useEffect(() => {
    let live = true;
    api.gql(`query P($id: String!) { publication(id: $id) { ${FIELDS} } }`, { id })
      .then((d) => { if (live) { setPub(d.publication); setError(null); } }, (e) => live && setError(e));
    return () => { live = false; };
  }, [api, id, tick]);
  useEffect(() => {
    if (finished || error?.missingFromApi) return undefined;
    const t = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(t);
  }, [finished, error, tick]);

  async function retry() {
    try { await api.gql(`mutation R($id: String!) { retryPublication(id: $id) { ${FIELDS} } }`, { id }); setTick((n) => n + 1); } catch (e) { setError(e); }
  }

  const reached = pub ? STAGES.indexOf(pub.stage) : -1;
  const failed = pub?.state === 'FAILED';
  return (
    <section className="detail" aria-labelledby="publication-heading">
      <h1 id="publication-heading">Publication <code>{id}</code></h1>
      {pub === undefined && !error && <p className="summary">Loading…</p>}
      {pub === null && !error && <p className="error">No such publication.</p>}
      {pub && (
        <>
          <ol className="stepper" aria-label="Publication stages">
            {STAGES.map((s, i) => {
              const state = i <= reached ? 'done' : (i === reached + 1 && !failed ? 'active' : (i === reached + 1 ? 'failed' : 'todo'));
              return (
                <li key={s} className={'step ' + state} data-stage={s} aria-current={i === reached ? 'step' : undefined}>
                  {LABELS[s]}<span className="visually-hidden"> ({state})</span>
                </li>
              );
            })}
          </ol>
          <p id="publication-status" role="status">
            {failed ? `Failed after ${LABELS[pub.stage] || pub.stage}.`
              : pub.state === 'DONE' || pub.stage === 'LISTED' ? 'Listed: the dataset is in the catalog.'
                : `Working: ${LABELS[STAGES[reached + 1]] || pub.stage}…`}
            {!failed && pub.bytesTotal > 0 && pub.state !== 'DONE' && ` ${bytes(pub.bytesDone)} of ${bytes(pub.bytesTotal)}`}
          </p>
          {failed && <ErrorText error={{ code: pub.errorCode, message: pub.errorMessage || 'the publication stopped' }} />}
          {failed && <button type="button" onClick={retry}>Retry publication</button>}
          {pub.listingId && pub.stage === 'LISTED' && <p><a id="open-listing" href={`#/listing/${pub.listingId}`}>Open the listing</a></p>}
        </>
      )}
      <ErrorText error={error} />
    </section>
  );
}
