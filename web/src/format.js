// Display helpers shared by the pages.
export function bytes(n) {
  if (n == null) return '—';
  const u = ['B', 'KB', 'MB', 'GB', 'TB']; let i = 0; let v = Number(n);
  while (v >= 1000 && i < u.length - 1) { v /= 1000; i++; }
  return `${v.toFixed(v < 10 && i ? 1 : 0)} ${u[i]}`;
}

/** FROST (integer, number or string) as a WAL decimal string, exact: 1 WAL = 10^9 FROST. */
export function frostToWal(frost) {
  const f = BigInt(String(frost));
  const whole = f / 1000000000n; const frac = (f % 1000000000n).toString().padStart(9, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export const WAL_DECIMAL = /^\d{1,12}(\.\d{1,9})?$/;
export const RENT_PERIOD = /^(\d{1,5}[dh]|P(?=\d|T\d)(\d+D)?(T\d+H)?)$/;

export function periodText(ms) {
  const days = ms / 86400000;
  return Number.isInteger(days) ? `${days} days` : `${Math.round(ms / 3600000)} hours`;
}

export function dateText(ms) { return ms == null ? '—' : new Date(Number(ms)).toUTCString(); }

export function browseHash(q, tags) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (tags.length) p.set('tags', tags.join(','));
  const s = p.toString();
  return '#/' + (s ? '?' + s : '');
}

/** A free listing: the catalog's `free` flag, or (a selection without it) neither a buy nor a rent price. */
export function isFree(price) {
  return price.free ?? (price.buyPriceWal == null && price.rentPricePerPeriodWal == null);
}
