// End-to-end tests of the web app in headless Chromium (Debian's /usr/bin/chromium via playwright-core).
// Needs the app running on APP_URL (default http://127.0.0.1:8080) with the demo catalog seeded, and
// Keycloak with the haulout realm. Prints "N passed, M failed" and exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APP = process.env.APP_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = new URL('../test-results/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

function assert(cond, msg) { if (!cond) throw new Error(msg); }

// Every read below polls until its condition holds or the page's timeout passes (the app re-renders
// after each fetch, so an immediate read may see the previous view).
const TIMEOUT = 20000;
async function eventually(read, check, what) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  for (;;) {
    last = await read().catch((e) => e);
    if (!(last instanceof Error) && check(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}; last seen ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const cardTitles = (page) => page.locator('.listing-card h3').allTextContents();
const cardTags = (page) => page.locator('.listing-card').evaluateAll((cards) =>
  cards.map((c) => ({ title: c.querySelector('h3').textContent, tags: [...c.querySelectorAll('.tag')].map((t) => t.textContent) })));
const resultCount = async (page) => Number.parseInt(await page.locator('#result-count').textContent(), 10);

const tests = {
  async 'searches the seeded catalog and opens a listing'(page) {
    await page.goto(APP + '/');
    await eventually(() => page.locator('.listing-card').count(), (n) => n === 12, 'first page shows 12 cards');

    await page.fill('#search', 'weather stations');
    await page.press('#search', 'Enter');
    const titles = await eventually(async () => {
      await page.locator('#result-count', { hasText: 'weather stations' }).waitFor({ timeout: TIMEOUT });
      return cardTitles(page);
    }, (t) => t[0] === 'Global weather stations, hourly 1990-2025', 'best match first');
    assert(titles.length < 12, `the search narrows the catalog, got ${titles.length} cards`);
    await page.screenshot({ path: join(OUT, 'search.png'), fullPage: true });

    await page.locator('.listing-card h3 a').first().click();
    await eventually(() => page.locator('#listing-detail h1').textContent(),
      (h1) => h1 === 'Global weather stations, hourly 1990-2025', 'detail title');
    const price = await page.locator('#price').textContent();
    assert(price.includes('120 WAL') && price.includes('8 WAL'), `detail price, got ${price}`);
    await page.screenshot({ path: join(OUT, 'detail.png'), fullPage: true });
  },

  async 'filters by tag and pages through results'(page) {
    await page.goto(APP + '/#/');
    const total = await eventually(() => resultCount(page), (n) => n > 0, 'unfiltered count');
    const untagged = await eventually(() => cardTags(page), (cards) => cards.length === 12, 'unfiltered first page')
      .then((cards) => cards.filter((c) => !c.tags.includes('time-series')).map((c) => c.title));
    assert(untagged.length > 0, 'the unfiltered first page has listings without the tag (else the filter test proves nothing)');

    await page.click('#tag-filter [data-tag="time-series"]');
    await page.locator('#tag-filter [data-tag="time-series"].active').waitFor();
    const tagged = await eventually(() => resultCount(page), (n) => n > 0 && n < total, `fewer than ${total} with the tag`);
    const cards = await eventually(() => cardTags(page), (cs) => cs.length === Math.min(tagged, 12), `${Math.min(tagged, 12)} tagged cards`);
    assert(cards.every((c) => c.tags.includes('time-series')), `every card carries the tag: ${JSON.stringify(cards)}`);
    assert(untagged.every((t) => !cards.some((c) => c.title === t)), `untagged listings excluded: ${JSON.stringify(untagged)}`);
    assert(new URL(page.url()).hash.includes('tags=time-series'), `the filter is in the URL: ${page.url()}`);

    await page.goto(APP + '/#/');
    const first = await eventually(() => cardTitles(page), (t) => t.length === 12, 'page 1 of the unfiltered catalog');
    await page.click('#next');
    await page.locator('.pager .summary', { hasText: 'Page 2' }).waitFor();
    const second = await eventually(() => cardTitles(page), (t) => t.length > 0 && t.every((x) => !first.includes(x)),
      'page 2 repeats nothing of page 1');
    await page.click('#prev');
    await page.locator('.pager .summary', { hasText: 'Page 1' }).waitFor();
    await eventually(() => cardTitles(page), (t) => JSON.stringify(t) === JSON.stringify(first), 'page 1 again, same listings');
    assert(second.length > 0, 'page 2 had listings');
  },

  async 'logs in with Keycloak and out again'(page) {
    await page.goto(APP + '/');
    await page.locator('.listing-card').first().waitFor();
    await page.click('#login');
    await page.fill('#username', 'alice');
    await page.fill('#password', 'alice-pw');
    await page.click('#kc-login');
    await eventually(() => page.locator('#who').textContent(), (w) => w === 'alice (buyer)', 'signed-in user shown');
    await page.screenshot({ path: join(OUT, 'signed-in.png'), fullPage: true });

    await page.click('#logout');
    await page.locator('#login:not([hidden])').waitFor();
    // the session is really gone: no token in the tab, nobody shown after a reload, the API sees an
    // anonymous caller, and Keycloak's own session ended (logging in asks for the password again)
    await page.reload();
    await page.locator('.listing-card').first().waitFor();
    await eventually(async () => ({ who: await page.locator('#who').textContent(), login: await page.locator('#login').isVisible(),
      logout: await page.locator('#logout').isVisible() }), (s) => s.who === '' && s.login && !s.logout, 'signed out after a reload');
    const stored = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('haulout.auth')));
    assert(stored.length === 0, `no session left in sessionStorage: ${JSON.stringify(stored)}`);
    const me = await page.evaluate(async () => (await (await fetch('/graphql', { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { username } }' }) })).json()));
    assert(me.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', `the API sees no one: ${JSON.stringify(me)}`);
    await page.click('#login');
    await page.locator('#username').waitFor();
    assert(new URL(page.url()).pathname.includes('/protocol/openid-connect/auth'), `Keycloak asks again: ${page.url()}`);
  },
};

const profile = mkdtempSync(join(tmpdir(), 'haulout-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let passed = 0; let failed = 0;
try {
  for (const [name, fn] of Object.entries(tests)) {
    const page = await ctx.newPage();
    page.setDefaultTimeout(TIMEOUT);
    try {
      await fn(page);
      passed++; console.log(`ok - ${name}`);
    } catch (e) {
      failed++; console.log(`not ok - ${name}: ${e.message}`);
      await page.screenshot({ path: join(OUT, 'failure-' + passed + failed + '.png'), fullPage: true }).catch(() => {});
    } finally {
      await page.close();
    }
  }
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
