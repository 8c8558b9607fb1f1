// The commerce journey in headless Chromium (issue 12 "Proof"): bob publishes a generated 3 MiB file
// through the browser with visible upload progress and follows its stages; alice finds it, buys it
// (quote, confirmation, receipt) and downloads it, and the file's SHA-256 equals the original's;
// carol, who did not buy, is refused. Screenshots of each step go to test/screenshots/.
//
// Needs the app on APP_URL (default http://127.0.0.1:8080) with the embedded network and Keycloak.
// The API must have every operation the web uses: one it lacks (GraphQL answers a validation error,
// the content route answers without a JSON error code, tus is not at /api/v1/uploads) fails the
// journey with a message naming it — a renamed field must not turn the proof into a skip.
// Prints "N passed, M failed" and exits non-zero on a failure.
import { chromium } from 'playwright-core';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APP = process.env.APP_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const SIZE = 3 * 1024 * 1024;
const TIMEOUT = 20000;
const PUBLISH_TIMEOUT = Number(process.env.PUBLISH_TIMEOUT_MS ?? 180000);
mkdirSync(SHOTS, { recursive: true });

function assert(cond, msg) { if (!cond) throw new Error(msg); }
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// ------------------------------------------------------------------ does the API have the parts?
const PROBES = {
  'publication(id)': '{ publication(id: "probe") { id stage state listingId errorCode errorMessage bytesDone bytesTotal } }',
  myListings: '{ myListings { id title status sizeBytes version price { buyPriceWal rentPricePerPeriodWal rentPeriodMs } } }',
  quote: '{ quote(listingId: "0x00", kind: BUY, periods: 1) { token priceFrost buyer expiresAtMs } }',
  purchase: 'mutation { purchase(quote: "probe", idempotencyKey: "probe") { listingId kind txDigest accessId expiresAtMs receipt } }',
  'me { library }': '{ me { library { listingId listing { id title } kind accessId expiresAtMs receipt } } }',
};

/** Names of the operations the API lacks: a GraphQL validation error means the schema does not have them (as the web uses them). */
async function missingParts() {
  const missing = [];
  for (const [name, query] of Object.entries(PROBES)) {
    const res = await fetch(APP + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = await res.json();
    const v = body.errors?.find((e) => e.extensions?.classification === 'ValidationError');
    if (v) missing.push(`${name} (${v.message})`);
  }
  const res = await fetch(`${APP}/api/v1/listings/0x${'0'.repeat(64)}/content`);
  const body = await res.text();
  let code = null;
  try { code = JSON.parse(body).code; } catch { /* not JSON: no such route */ }
  if (!code) missing.push(`GET /api/v1/listings/{id}/content (answered ${res.status} without a JSON error code)`);
  return missing;
}

// ------------------------------------------------------------------ browser helpers
async function signIn(page, user, password) {
  await page.goto(APP + '/');
  await page.locator('.listing-card').first().waitFor();
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.locator('#who', { hasText: user + ' (' }).waitFor();
}

const T0 = Date.now();
const shot = (page, name) => {
  console.log(`# ${((Date.now() - T0) / 1000).toFixed(1)} s: ${name}`);
  return page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: true });
};

async function accessToken(page) {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('haulout.auth.user:'));
    return key ? JSON.parse(sessionStorage.getItem(key)).access_token : null;
  });
}

// ------------------------------------------------------------------ the journey
async function journey(browser) {
  const work = mkdtempSync(join(tmpdir(), 'haulout-journey-'));
  try {
    const original = randomBytes(SIZE);
    const file = join(work, 'journey-sample.bin');
    writeFileSync(file, original);
    const title = `Journey sample ${Date.now()}`;

    // bob publishes, with the upload slowed to 1.5 MB/s so its progress can be seen
    const bob = await browser.newContext();
    const bobPage = await bob.newPage();
    bobPage.setDefaultTimeout(TIMEOUT);
    await signIn(bobPage, 'bob', 'bob-pw');
    await bobPage.getByRole('link', { name: 'Publish', exact: true }).click();
    await bobPage.getByLabel('Dataset file', { exact: true }).setInputFiles(file);
    await bobPage.getByLabel('Title', { exact: true }).fill(title);
    await bobPage.getByLabel('Description', { exact: true }).fill('Random bytes published by the browser journey test.');
    await bobPage.getByLabel('Tags (comma-separated)', { exact: true }).fill('journey,test');
    await bobPage.getByLabel('Buy price', { exact: true }).fill('2.5');
    await bobPage.getByLabel('Rent price per period', { exact: true }).fill('0.25');
    await bobPage.getByLabel('Rent period', { exact: true }).fill('30d');
    await shot(bobPage, '01-bob-publish-form');
    const cdp = await bob.newCDPSession(bobPage);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1.5e6 });
    await bobPage.evaluate(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const p = document.getElementById('upload-progress');
        if (p) window.__progress.push(Number(p.getAttribute('value')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await bobPage.getByRole('button', { name: 'Upload and publish' }).click();
    const bar = bobPage.getByRole('progressbar', { name: 'Upload progress' });
    await bar.waitFor();
    await bobPage.waitForFunction(() => window.__progress.some((v) => v > 0 && v < 100));
    await shot(bobPage, '02-bob-upload-progress');
    await bobPage.waitForURL(/#\/publications\//, { timeout: 60000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const seen = await bobPage.evaluate(() => window.__progress);
    assert(seen.some((v) => v > 0 && v < 100) && seen.includes(100), `the bar showed intermediate progress and 100%: ${JSON.stringify(seen)}`);
    const uploadId = new URL(bobPage.url()).hash.split('/')[2];
    const head = await fetch(`${APP}/api/v1/uploads/${uploadId}`, { method: 'HEAD',
      headers: { 'tus-resumable': '1.0.0', authorization: 'Bearer ' + await accessToken(bobPage) } });
    assert(head.status === 200 && head.headers.get('upload-offset') === String(SIZE),
      `the server acknowledged every byte: ${head.status} offset ${head.headers.get('upload-offset')} of ${SIZE}`);
    console.log(`ok - bob uploaded ${SIZE} bytes through tus-js-client with visible progress (${seen.length} bar updates)`);

    const stages = bobPage.getByRole('list', { name: 'Publication stages' });
    await stages.waitFor();
    const status = bobPage.locator('#publication-status');
    const deadline = Date.now() + PUBLISH_TIMEOUT;
    let text = '';
    while (Date.now() < deadline) {
      text = await status.textContent().catch(() => '');
      if (/^Listed|^Failed/.test(text)) break;
      await bobPage.waitForTimeout(250);
    }
    await shot(bobPage, '03-bob-publication-stages');
    if (!text.startsWith('Listed')) {
      const why = await bobPage.locator('.error').allTextContents();
      throw new Error(`publication not listed within ${PUBLISH_TIMEOUT} ms: "${text}" ${why.join(' ')}`);
    }
    const done = await stages.locator('li.done').count();
    assert(done === 7, `every stage shown done, got ${done}`);
    await bobPage.getByRole('link', { name: 'Open the listing' }).click();
    const listingId = (await bobPage.waitForURL(/#\/listing\/0x[0-9a-f]{64}/), new URL(bobPage.url()).hash.split('/')[2]);
    await bobPage.getByRole('link', { name: 'My listings', exact: true }).click();
    await bobPage.getByRole('cell', { name: title }).waitFor();
    await shot(bobPage, '04-bob-my-listings');
    await bob.close();

    // alice finds it, buys it and downloads it
    const alice = await browser.newContext({ acceptDownloads: true });
    const alicePage = await alice.newPage();
    alicePage.setDefaultTimeout(TIMEOUT);
    await signIn(alicePage, 'alice', 'alice-pw');
    await alicePage.getByRole('searchbox', { name: 'Search datasets' }).fill(title);
    await alicePage.getByRole('searchbox', { name: 'Search datasets' }).press('Enter');
    await alicePage.getByRole('link', { name: title }).click();
    await alicePage.locator('#listing-detail h1', { hasText: title }).waitFor();
    await shot(alicePage, '05-alice-listing');
    await alicePage.getByRole('button', { name: 'Get a quote to buy' }).click();
    const quote = alicePage.getByRole('region', { name: 'Quote' });
    await quote.waitFor();
    const quoteText = await quote.textContent();
    assert(quoteText.includes('2.5 WAL'), `the quote shows the price: ${quoteText}`);
    assert(/Quote valid until .* s left/.test(quoteText), `the quote shows its expiry: ${quoteText}`);
    await shot(alicePage, '06-alice-quote');
    await alicePage.getByRole('button', { name: 'Confirm purchase' }).click();
    const receipt = alicePage.getByRole('region', { name: 'Receipt' });
    await receipt.waitFor();
    const tx = await alicePage.locator('#receipt-tx').textContent();
    assert(tx.length > 0, 'the receipt names the transaction');
    await shot(alicePage, '07-alice-receipt');

    await alicePage.getByRole('link', { name: 'Library', exact: true }).click();
    const item = alicePage.locator('.library-item', { hasText: title });
    await item.waitFor();
    const [download] = await Promise.all([
      alicePage.waitForEvent('download', { timeout: 120000 }),
      item.getByRole('button', { name: `Download ${title}` }).click(),
    ]);
    const saved = join(work, 'downloaded.bin');
    await download.saveAs(saved);
    await item.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor();
    await shot(alicePage, '08-alice-library-download');
    const got = readFileSync(saved);
    assert(got.length === original.length, `downloaded ${got.length} bytes, published ${original.length}`);
    assert(sha256(got) === sha256(original), `SHA-256 of the download ${sha256(got)} equals the original's ${sha256(original)}`);
    await alice.close();

    // carol did not buy: the gateway refuses her, in the page and at the API
    const carol = await browser.newContext({ acceptDownloads: true });
    const carolPage = await carol.newPage();
    carolPage.setDefaultTimeout(TIMEOUT);
    await signIn(carolPage, 'carol', 'carol-pw');
    await carolPage.goto(`${APP}/#/listing/${listingId}`);
    await carolPage.getByRole('button', { name: `Download ${title}` }).click();
    const refusal = carolPage.getByRole('alert');
    await refusal.waitFor();
    const refusalText = await refusal.textContent();
    assert(refusalText.startsWith('NO_ACCESS'), `carol sees the refusal with its code: ${refusalText}`);
    await shot(carolPage, '09-carol-refused');
    const token = await accessToken(carolPage);
    const res = await fetch(`${APP}/api/v1/listings/${listingId}/content`, { headers: { authorization: 'Bearer ' + token } });
    const body = await res.json();
    assert(res.status === 403 && body.code === 'NO_ACCESS', `the API refuses carol: ${res.status} ${JSON.stringify(body)}`);
    await carol.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ run
const tus = await fetch(APP + '/api/v1/uploads', { method: 'OPTIONS' });
const missing = await missingParts();
if (tus.headers.get('tus-version') !== '1.0.0') missing.push(`tus at /api/v1/uploads (OPTIONS answered ${tus.status})`);
if (missing.length) {
  console.log([`not ok - commerce journey: the API at ${APP} lacks ${missing.length} part(s) the web uses:`,
    ...missing.map((m) => `  - ${m}`)].join('\n'));
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
let passed = 0; let failed = 0;
try {
  await journey(browser);
  passed = 2;
  console.log('ok - bob publishes, alice buys and downloads the same bytes, carol is refused');
} catch (e) {
  failed = 1;
  console.log(`not ok - commerce journey: ${e.message}`);
  for (const ctx of browser.contexts()) for (const p of ctx.pages()) await shot(p, `failure-${Date.now()}`).catch(() => {});
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed);
