import { periodText } from './format.js';

export function Price({ price }) {
  const parts = [];
  if (price.buyPriceWal != null) parts.push(<span key="b"><span className="price">{price.buyPriceWal} WAL</span> <small>to buy</small></span>);
  if (price.rentPricePerPeriodWal != null) {
    parts.push(<span key="r"><span className="price">{price.rentPricePerPeriodWal} WAL</span> <small>per {periodText(price.rentPeriodMs)}</small></span>);
  }
  // neither price: a free listing (the ledger gives its pass for 0)
  if (!parts.length || price.free) return <span className="price">Free</span>;
  return parts.flatMap((p, i) => (i ? [' · ', p] : [p]));
}
