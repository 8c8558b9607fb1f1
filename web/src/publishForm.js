// The publish form's fields as tus Upload-Metadata (docs/commerce.md "Publish"); plain JS so node tests it.
import { RENT_PERIOD, WAL_DECIMAL } from './format.js';

/** The tus Upload-Metadata of docs/commerce.md "Publish", or an error naming the bad field. */
export function uploadMetadata(file, f) {
  const title = f.title.trim();
  if (!title) throw new Error('a title is required');
  if (title.length > 200) throw new Error('the title is at most 200 characters');
  for (const [name, v] of [['buy price', f.buyPrice], ['rent price', f.rentPrice]]) {
    if (v.trim() && !WAL_DECIMAL.test(v.trim())) throw new Error(`the ${name} is a WAL amount such as 12 or 0.5 (up to 9 decimals)`);
  }
  if (f.rentPrice.trim() && !RENT_PERIOD.test(f.rentPeriod.trim())) throw new Error('the rent period is like 30d, 12h or P30D');
  const m = { filename: file.name, filetype: file.type || 'application/octet-stream', title,
    commercialUse: String(f.commercialUse), aiTraining: String(f.aiTraining), redistribution: String(f.redistribution) };
  const optional = { description: f.description.trim(), tags: f.tags.split(',').map((t) => t.trim()).filter(Boolean).join(','),
    license: f.license.trim(), buyPrice: f.buyPrice.trim(), rentPrice: f.rentPrice.trim(),
    rentPeriod: f.rentPrice.trim() ? f.rentPeriod.trim() : '' };
  for (const [k, v] of Object.entries(optional)) if (v) m[k] = v;
  return m;
}
