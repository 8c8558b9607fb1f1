// The catalog: full-text search, tag filter, cursor paging.
import { useEffect, useState } from 'react';
import { browseHash, bytes } from '../format.js';
import { Price } from '../Price.jsx';
import { ErrorText } from '../ErrorText.jsx';

export const LISTING_FIELDS = `id title description tags seller license sizeBytes format status blobId createdAt
  price { buyPriceFrost buyPriceWal rentPricePerPeriodWal rentPeriodMs feeBps }`;
const SEARCH = `query Browse($q: String, $tags: [String], $after: String) {
  listings(query: $q, tags: $tags, first: 12, after: $after) {
    totalCount
    edges { node { ${LISTING_FIELDS} } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const POPULAR_TAGS = ['climate', 'weather', 'time-series', 'geospatial', 'ml', 'nlp', 'energy', 'transport', 'imagery'];

export function Browse({ q, tags, api }) {
  const [pageIndex, setPageIndex] = useState(0);
  const [cursors, setCursors] = useState([null]);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    let live = true;
    setResult(null); setError(null);
    api.gql(SEARCH, { q: q || null, tags: tags.length ? tags : null, after: cursors[pageIndex] })
      .then((d) => {
        if (!live) return;
        setCursors((c) => { const n = c.slice(0, pageIndex + 1); n[pageIndex + 1] = d.listings.pageInfo.endCursor; return n; });
        setResult({ ...d.listings, pageIndex });
      }, (e) => live && setError(e));
    return () => { live = false; };
  }, [pageIndex]); // eslint-disable-line react-hooks/exhaustive-deps -- q and tags re-key the page

  if (error) return <ErrorText error={error} />;
  if (!result) return <p className="summary">Loading…</p>;
  const { edges, pageInfo, totalCount } = result;
  const toggle = (t) => { location.hash = browseHash(q, tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t]); };
  return (
    <>
      <div className="filters" id="tag-filter" role="group" aria-label="Filter by tag">
        <span className="summary">Tags:</span>{' '}
        {POPULAR_TAGS.map((t) => (
          <button key={t} type="button" className={'tag' + (tags.includes(t) ? ' active' : '')} data-tag={t}
            aria-pressed={tags.includes(t)} onClick={() => toggle(t)}>{t}</button>
        ))}
      </div>
      <p className="summary" id="result-count">
        {totalCount} dataset{totalCount === 1 ? '' : 's'}{q ? ` matching “${q}”` : ''}
      </p>
      <div className="grid" id="results">
        {edges.map(({ node: l }) => (
          <article className="card listing-card" data-id={l.id} key={l.id}>
            <h3><a href={`#/listing/${l.id}`}>{l.title}</a></h3>
            <p>{l.description.length > 140 ? l.description.slice(0, 137) + '…' : l.description}</p>
            <div>{l.tags.map((t) => <span className="tag" key={t}>{t}</span>).flatMap((x, i) => (i ? [' ', x] : [x]))}</div>
            <div><Price price={l.price} /></div>
            <p>{l.format || ''} · {bytes(l.sizeBytes)}</p>
          </article>
        ))}
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" id="prev" disabled={pageIndex === 0} onClick={() => setPageIndex(pageIndex - 1)}>← Previous</button>
        <span className="summary">Page {pageIndex + 1}</span>
        <button type="button" className="secondary" id="next" disabled={!pageInfo.hasNextPage} onClick={() => setPageIndex(pageIndex + 1)}>Next →</button>
      </nav>
    </>
  );
}
