// Buy or rent: ask for a signed quote, show its price and expiry, and purchase only on an explicit
// confirmation. One idempotency key per quote, so a double click or a retry never charges twice.
import { useEffect, useMemo, useState } from 'react';
import { dateText, frostToWal, isFree } from '../format.js';
import { ErrorText } from '../ErrorText.jsx';

// kind and periods are literals (checked here), so the query does not depend on the server's type names.
const quoteQuery = (kind, periods) => `query Quote($listingId: String!) {
  quote(listingId: $listingId, kind: ${kind === 'RENT' ? 'RENT' : 'BUY'}, periods: ${Math.trunc(periods)}) {
    token listingId kind periods priceFrost buyer expiresAtMs }
}`;
const PURCHASE = `mutation Purchase($quote: String!, $idempotencyKey: String!) {
  purchase(quote: $quote, idempotencyKey: $idempotencyKey) { listingId kind txDigest accessId expiresAtMs receipt }
}`;

function useNow(active) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function Purchase({ listing, api, signedIn }) {
  const [periods, setPeriods] = useState(1);
  const [quote, setQuote] = useState(null);
  const [purchase, setPurchase] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const now = useNow(!!quote && !purchase);
  const p = listing.price;
  // a free listing (public, neither price) is bought for 0: the ledger issues the pass without a payment
  const free = isFree(p);
  const canBuy = p.buyPriceWal != null || free;
  const canRent = p.rentPricePerPeriodWal != null;

  if (!canBuy && !canRent) return null;
  if (!signedIn) return <p className="summary">Log in to buy or rent this dataset.</p>;

  async function ask(kind) {
    setBusy(true); setError(null); setPurchase(null);
    try {
      const n = kind === 'RENT' ? Number(periods) : 1;
      if (!Number.isInteger(n) || n < 1 || n > 120) throw Object.assign(new Error('the number of periods is a whole number from 1 to 120'), { code: 'INVALID_ARGUMENT' });
      const d = await api.gql(quoteQuery(kind, n), { listingId: listing.id });
      setQuote({ ...d.quote, idempotencyKey: crypto.randomUUID() });
    } catch (e) { setError(e); setQuote(null); } finally { setBusy(false); }
  }
  async function confirm() {
    setBusy(true); setError(null);
    try {
      const d = await api.gql(PURCHASE, { quote: quote.token, idempotencyKey: quote.idempotencyKey });
      setPurchase(d.purchase);
    } catch (e) { setError(e); } finally { setBusy(false); }
  }

  const expired = quote && now >= Number(quote.expiresAtMs);
  return (
    <section className="purchase" aria-labelledby="purchase-heading">
      <h2 id="purchase-heading">Buy or rent</h2>
      {!quote && (
        <div className="row">
          {canBuy && <button type="button" disabled={busy} onClick={() => ask('BUY')}>
            {free ? 'Free — get access' : 'Get a quote to buy'}</button>}
          {canRent && (
            <>
              <label>Rental periods <input type="number" min="1" max="120" value={periods}
                onChange={(e) => setPeriods(e.target.value)} /></label>
              <button type="button" disabled={busy} onClick={() => ask('RENT')}>Get a quote to rent</button>
            </>
          )}
        </div>
      )}
      {quote && !purchase && (
        <div className="quote" role="region" aria-label="Quote">
          {BigInt(quote.priceFrost) === 0n ? (
            <p>
              Free: <strong id="quote-price">0 WAL</strong>. A perpetual pass goes to your wallet <code>{quote.buyer}</code>; nothing is paid.
            </p>
          ) : (
            <p>
              {quote.kind === 'BUY' ? 'Buy' : `Rent for ${quote.periods} period${quote.periods === 1 ? '' : 's'}`} for{' '}
              <strong id="quote-price">{frostToWal(quote.priceFrost)} WAL</strong>, paid from your wallet <code>{quote.buyer}</code>.
            </p>
          )}
          <p id="quote-expiry">
            {expired ? 'This quote has expired; ask for a new one.'
              : `Quote valid until ${dateText(quote.expiresAtMs)} (${Math.ceil((Number(quote.expiresAtMs) - now) / 1000)} s left).`}
          </p>
          <div className="row">
            <button type="button" disabled={busy || expired} onClick={confirm}>Confirm purchase</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => { setQuote(null); setError(null); }}>Cancel</button>
          </div>
        </div>
      )}
      {purchase && <Receipt purchase={purchase} />}
      <ErrorText error={error} />
    </section>
  );
}

/** An object URL for saving a receipt as the JSON document it is (an object is serialised). */
export function receiptUrl(receipt) {
  const text = typeof receipt === 'string' ? receipt : JSON.stringify(receipt, null, 2);
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

export function Receipt({ purchase }) {
  const href = useMemo(() => (purchase.receipt ? receiptUrl(purchase.receipt) : null), [purchase.receipt]);
  return (
    <div className="receipt" role="region" aria-label="Receipt">
      <p><strong>{purchase.kind === 'BUY' ? 'Purchased' : 'Rented'}.</strong> It is in your <a href="#/library">library</a>.</p>
      <dl>
        <dt>Transaction</dt><dd><code id="receipt-tx">{purchase.txDigest}</code></dd>
        <dt>Access object</dt><dd><code>{purchase.accessId}</code></dd>
        {purchase.expiresAtMs != null && <><dt>Expires</dt><dd>{dateText(purchase.expiresAtMs)}</dd></>}
      </dl>
      {href && <a className="button" href={href} download={`receipt-${purchase.txDigest}.json`}>Save the signed receipt</a>}
    </div>
  );
}
