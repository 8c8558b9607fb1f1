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

const tests = {
  async 'searches the seeded catalog and opens a listing'(page) {
    await page.goto(APP + '/');
    await page.waitForSelector('.listing-card');
    const all = await page.locator('.listing-card').count();
    assert(all === 12, `first page shows 12 cards, got ${all}`);

    await page.fill('#search', 'weather stations');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent.includes('weather stations'));
    const titles = await page.locator('.listing-card h3').allTextContents();
    assert(titles[0] === 'Global weather stations, hourly 1990-2025', `best match first, got ${JSON.stringify(titles)}`);
    await page.screenshot({ path: join(OUT, 'search.png'), fullPage: true });

    await page.click('.listing-card h3 a >> nth=0');
    await page.waitForSelector('#listing-detail h1');
    const h1 = await page.textContent('#listing-detail h1');
    assert(h1 === 'Global weather stations, hourly 1990-2025', `detail title, got ${h1}`);
    const price = await page.textContent('#price');
    assert(price.includes('120 WAL') && price.includes('8 WAL'), `detail price, got ${price}`);
    await page.screenshot({ path: join(OUT, 'detail.png'), fullPage: true });
  },

  async 'filters by tag and pages through results'(page) {
    await page.goto(APP + '/#/');
    await page.waitForSelector('.listing-card');
    await page.click('#tag-filter [data-tag="time-series"]');
    await page.waitForFunction(() => document.querySelector('#tag-filter [data-tag="time-series"]')?.classList.contains('active'));
    const tagged = await page.locator('.listing-card').evaluateAll((cards) => cards.map((c) => c.textContent));
    assert(tagged.length > 0 && tagged.every((t) => t.includes('time-series')), 'every card carries the tag');

    await page.goto(APP + '/#/');
    await page.waitForSelector('.listing-card');
    const first = await page.locator('.listing-card h3').allTextContents();
    await page.click('#next');
    await page.waitForFunction(() => document.querySelector('.pager .summary')?.textContent === 'Page 2');
    const second = await page.locator('.listing-card h3').allTextContents();
    assert(second.length > 0 && second.every((t) => !first.includes(t)), 'page 2 repeats nothing of page 1');
    await page.click('#prev');
    await page.waitForFunction(() => document.querySelector('.pager .summary')?.textContent === 'Page 1');
  },

  async 'logs in with Keycloak and out again'(page) {
    await page.goto(APP + '/');
    await page.waitForSelector('.listing-card');
    await page.click('#login');
    await page.waitForSelector('#username');
    await page.fill('#username', 'alice');
    await page.fill('#password', 'alice-pw');
    await page.click('#kc-login');
    await page.waitForFunction(() => document.querySelector('#who')?.textContent.startsWith('alice'));
    const who = await page.textContent('#who');
    assert(who === 'alice (buyer)', `signed-in user shown, got ${who}`);
    await page.screenshot({ path: join(OUT, 'signed-in.png'), fullPage: true });
    await page.click('#logout');
    await page.waitForSelector('#login:not([hidden])');
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
    page.setDefaultTimeout(20000);
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
