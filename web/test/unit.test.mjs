// Unit tests of the app's plain modules (node's test runner; no browser): price and period parsing,
// the tus metadata the publish form sends, and how API errors are classified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frostToWal, RENT_PERIOD, WAL_DECIMAL, browseHash, periodText, isFree } from '../src/format.js';
import { uploadMetadata } from '../src/publishForm.js';
import { ApiError } from '../src/api.js';

const FORM = { title: ' Weather ', description: '', tags: ' a, b ,,c ', license: 'CC-BY-4.0', commercialUse: true,
  aiTraining: false, redistribution: false, buyPrice: '2.5', rentPrice: '', rentPeriod: '30d' };
const FILE = { name: 'w.csv', type: 'text/csv' };

test('frostToWal is exact for values past 2^53 and drops trailing zeros', () => {
  assert.equal(frostToWal(0), '0');
  assert.equal(frostToWal(2500000000), '2.5');
  assert.equal(frostToWal('1'), '0.000000001');
  assert.equal(frostToWal('123456789012345678901'), '123456789012.345678901');
});

test('WAL amounts take up to 9 decimals; rent periods are days, hours or ISO-8601', () => {
  for (const ok of ['0', '12', '0.5', '1.123456789']) assert.ok(WAL_DECIMAL.test(ok), ok);
  for (const bad of ['', '-1', '1.', '.5', '1.1234567890', '1e3', '1,5']) assert.ok(!WAL_DECIMAL.test(bad), bad);
  for (const ok of ['30d', '12h', 'P30D', 'PT12H', 'P1DT2H']) assert.ok(RENT_PERIOD.test(ok), ok);
  for (const bad of ['30', 'd', '30m', 'P', '30 d']) assert.ok(!RENT_PERIOD.test(bad), bad);
});

test('the publish form becomes the documented tus metadata, empty fields left out', () => {
  assert.deepEqual(uploadMetadata(FILE, FORM), { filename: 'w.csv', filetype: 'text/csv', title: 'Weather', commercialUse: 'true',
    aiTraining: 'false', redistribution: 'false', tags: 'a,b,c', license: 'CC-BY-4.0', buyPrice: '2.5' });
  const rent = uploadMetadata({ name: 'x' }, { ...FORM, buyPrice: '', rentPrice: '0.25', rentPeriod: '12h' });
  assert.equal(rent.filetype, 'application/octet-stream');
  assert.equal(rent.rentPrice, '0.25');
  assert.equal(rent.rentPeriod, '12h');
  assert.equal(rent.buyPrice, undefined);
});

test('the publish form refuses a missing title, a bad price and a bad period, naming the field', () => {
  assert.throws(() => uploadMetadata(FILE, { ...FORM, title: '  ' }), /title is required/);
  assert.throws(() => uploadMetadata(FILE, { ...FORM, buyPrice: '1.0000000001' }), /buy price/);
  assert.throws(() => uploadMetadata(FILE, { ...FORM, rentPrice: 'abc' }), /rent price/);
  assert.throws(() => uploadMetadata(FILE, { ...FORM, rentPrice: '1', rentPeriod: 'monthly' }), /rent period/);
});

test('a validation error naming an undefined field means the API part is missing; other errors do not', () => {
  assert.ok(new ApiError('ValidationError', "Validation error (FieldUndefined@[quote]) : Field 'quote' in type 'Query' is undefined").missingFromApi);
  assert.ok(!new ApiError('QUOTE_EXPIRED', 'the quote expired').missingFromApi);
  assert.ok(!new ApiError('ValidationError', 'Variable periods has an invalid value').missingFromApi);
});

test('browse URLs carry the query and tags; periods read as days or hours', () => {
  assert.equal(browseHash('', []), '#/');
  assert.equal(browseHash('rain fall', ['weather', 'ml']), '#/?q=rain+fall&tags=weather%2Cml');
  assert.equal(periodText(30 * 86400000), '30 days');
  assert.equal(periodText(12 * 3600000), '12 hours');
});

test('a listing with neither price (or the catalog\'s free flag) is free; one price makes it paid', () => {
  assert.ok(isFree({ buyPriceWal: null, rentPricePerPeriodWal: null }));
  assert.ok(isFree({ free: true, buyPriceWal: null, rentPricePerPeriodWal: null }));
  assert.ok(!isFree({ buyPriceWal: '1.5', rentPricePerPeriodWal: null }));
  assert.ok(!isFree({ buyPriceWal: null, rentPricePerPeriodWal: '0.25' }));
  assert.ok(!isFree({ free: false, buyPriceWal: null, rentPricePerPeriodWal: null }), 'the flag wins when selected');
});
