// Kill-and-resume proof (issue 12 "Proof"): bob starts a tus upload of a generated 256 MiB file with
// the official tus-js-client; marketplace-api is killed with SIGKILL in the middle of a PATCH and
// started again over the same database and state; a new tus.Upload of the same file finds the
// first one by its stored fingerprint (FileUrlStorage), resumes at the server's offset without
// creating another upload, and completes. The publication then reaches LISTED, alice buys the
// listing, downloads it through the gateway, and the SHA-256 of what she gets equals the file's.
//
// This script starts and kills the app itself: APP_JAR (the packaged quarkus-run.jar), with the
// environment it is given (database, state, ports: see `./dev resume-test`, which sets them), on
// APP_URL's port, with HAULOUT_JAVA_OPTS (default -Xmx1536m: publishing encodes the blob in memory,
// about 3x its size). Knobs: SIZE_MIB (256), CHUNK_MIB (8), KILL_AT_MIB (128: the kill comes
// KILL_DELAY_MS = 40 ms after the first PATCH at or past it starts, while a PATCH is unanswered),
// PUBLISH_TIMEOUT_MS (900000), APP_LOG_DIR (the app's logs, default a temporary directory).
// Prints "ok - …" per step, then "N passed, M failed"; exits non-zero on a failure.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';

const APP = process.env.APP_URL ?? 'http://127.0.0.1:18480';
const APP_JAR = process.env.APP_JAR;
const OIDC = process.env.HAULOUT_OIDC_URL ?? 'http://127.0.0.1:8180/realms/haulout';
const MIB = 1 << 20;
const SIZE = Number(process.env.SIZE_MIB ?? 256) * MIB;
const CHUNK = Number(process.env.CHUNK_MIB ?? 8) * MIB;
const KILL_AT = Number(process.env.KILL_AT_MIB ?? 128) * MIB;
const KILL_DELAY = Number(process.env.KILL_DELAY_MS ?? 40);
const PUBLISH_TIMEOUT = Number(process.env.PUBLISH_TIMEOUT_MS ?? 900000);
const work = mkdtempSync(join(tmpdir(), 'haulout-resume-'));
const LOGS = process.env.APP_LOG_DIR ?? work;
mkdirSync(LOGS, { recursive: true });

function assert(cond, msg) { if (!cond) throw new Error(msg); }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const T0 = Date.now();
const secs = () => ((Date.now() - T0) / 1000).toFixed(1);
const note = (msg) => console.log(`# ${secs()} s: ${msg}`);

// ------------------------------------------------------------------ the app, as a real process
let app = null;
async function startApp(n) {
  assert(APP_JAR, 'APP_JAR must name the packaged app (marketplace-api/target/quarkus-app/quarkus-run.jar)');
  const port = new URL(APP).port;
  const log = openSync(join(LOGS, `resume-app-${n}.log`), 'w');
  const opts = (process.env.HAULOUT_JAVA_OPTS ?? '-Xmx1536m').split(/\s+/).filter(Boolean);
  const child = spawn('java', ['--add-modules', 'jdk.incubator.vector', ...opts, '-jar', APP_JAR], {
    env: { ...process.env, HAULOUT_HTTP_PORT: port },
    stdio: ['ignore', log, log],
    detached: true, // its own process group: the kill reaches the JVM and nothing else
  });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  app = { child, exited };
  const deadline = Date.now() + 300000;
  while (Date.now() < deadline) {
    if (child.exitCode != null || child.signalCode != null) throw new Error(`app ${n} exited; see ${LOGS}/resume-app-${n}.log`);
    try {
      if ((await fetch(APP + '/q/health/ready', { signal: AbortSignal.timeout(3000) })).ok) return;
    } catch { /* not listening yet */ }
    await sleep(500);
  }
  throw new Error(`app ${n} not ready in 300 s; see ${LOGS}/resume-app-${n}.log`);
}

async function killApp(signal) {
  if (!app) return null;
  const { child, exited } = app;
  app = null;
  try { process.kill(-child.pid, signal); } catch { return exited; }
  if (signal !== 'SIGKILL') {
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 20000);
    const r = await exited;
    clearTimeout(t);
    return r;
  }
  return exited;
}

// ------------------------------------------------------------------ tokens and API calls
const tokens = new Map();
async function token(user, password) {
  const cached = tokens.get(user);
  if (cached && cached.until > Date.now()) return cached.token;
  const res = await fetch(`${OIDC}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'haulout-marketplace', client_secret: 'marketplace-secret',
      username: user, password }),
  });
  const body = await res.json();
  assert(res.ok && body.access_token, `token for ${user}: ${res.status} ${body.error ?? ''}`);
  tokens.set(user, { token: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 });
  return body.access_token;
}
const bob = () => token('bob', 'bob-pw');
const alice = () => token('alice', 'alice-pw');

async function graphql(tok, query, variables = {}) {
  const res = await fetch(APP + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + tok },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new Error(`GraphQL ${e.extensions?.code ?? e.extensions?.classification ?? ''}: ${e.message}`);
  }
  return body.data;
}

async function headOffset(url) {
  const res = await fetch(new URL(url, APP), { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', authorization: 'Bearer ' + await bob() } });
  assert(res.status === 200, `HEAD ${url}: ${res.status} ${res.headers.get('haulout-error-code') ?? ''}`);
  return Number(res.headers.get('upload-offset'));
}

// ------------------------------------------------------------------ the file
async function generate(path, size) {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let done = 0; done < size;) {
    const n = Math.min(4 * MIB, size - done);
    const b = randomBytes(n);
    hash.update(b);
    if (!out.write(b)) await new Promise((r) => out.once('drain', r));
    done += n;
  }
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
  return hash.digest('hex');
}

/** tus options shared by both Upload objects: the same file, endpoint, fingerprint store and metadata. */
function uploadOptions(file, storage, title, log, extra) {
  return {
    endpoint: APP + '/api/v1/uploads',
    chunkSize: CHUNK,
    retryDelays: [0, 500, 1500],
    urlStorage: storage,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    metadata: { filename: 'resume-sample.bin', filetype: 'application/octet-stream', title,
      description: 'Random bytes uploaded across a SIGKILL of marketplace-api.', tags: 'resume,test', buyPrice: '1.5' },
    async onBeforeRequest(req) {
      req.setHeader('Authorization', 'Bearer ' + await bob()); // a fresh token: the upload outlives one
      log.push([req.getMethod(), req.getMethod() === 'PATCH' ? Number(req.getHeader('Upload-Offset')) : null]);
    },
    ...extra,
  };
}

// ------------------------------------------------------------------ the proof
const results = [];
async function step(name, fn) {
  const r = await fn();
  results.push(name);
  console.log(`ok - ${name}`);
  return r;
}

async function proof() {
  const file = join(work, 'resume-sample.bin');
  const storage = new tus.FileUrlStorage(join(work, 'tus-fingerprints.json'));
  const title = `Resume sample ${Date.now()}`;
  const digest = await generate(file, SIZE);
  note(`generated ${SIZE} bytes, SHA-256 ${digest}`);
  await startApp(1);
  note('app 1 ready');

  // 1. the first Upload object; the app is killed while a PATCH is in flight
  const log1 = [];
  let acked = 0;
  let killed = null;
  const first = new tus.Upload(createReadStream(file), uploadOptions(file, storage, title, log1, {
    onChunkComplete(_size, accepted) { acked = accepted; },
  }));
  // the kill: KILL_DELAY_MS after the PATCH at or past KILL_AT starts, while a PATCH is unanswered
  let inFlight = null;
  const onBefore = first.options.onBeforeRequest;
  first.options.onBeforeRequest = async (req) => {
    await onBefore(req);
    if (req.getMethod() !== 'PATCH') return;
    const offset = Number(req.getHeader('Upload-Offset'));
    inFlight = offset;
    if (killed || offset < KILL_AT) return;
    killed = {};
    setTimeout(() => {
      Object.assign(killed, { acked, inFlight });
      note(`SIGKILL ${KILL_DELAY} ms after the PATCH at ${offset} began; PATCH at ${inFlight} unanswered, ${acked} bytes acknowledged`);
      killed.exit = killApp('SIGKILL');
    }, KILL_DELAY);
  };
  first.options.onAfterResponse = (req) => { if (req.getMethod() === 'PATCH') inFlight = null; };
  const firstError = await new Promise((resolve, reject) => {
    first.options.onError = resolve;
    first.options.onSuccess = () => reject(new Error('the first upload finished: the kill came too late'));
    first.start();
  });
  const exit = await killed.exit;
  assert(exit.signal === 'SIGKILL', `the app died of SIGKILL: ${JSON.stringify(exit)}`);
  const uploadUrl = first.url;
  assert(uploadUrl && killed.inFlight != null && killed.acked === killed.inFlight && killed.acked < SIZE,
    `killed while a PATCH was unanswered: url ${uploadUrl}, in flight ${killed.inFlight}, acknowledged ${killed.acked}`);
  await step(`app killed (SIGKILL) during the PATCH at ${killed.inFlight / MIB} MiB (${killed.acked / MIB} MiB acknowledged); the client gave up: ${String(firstError.message ?? firstError).split('\n')[0].slice(0, 90)}`, () => {});

  // 2. the same state, the app again
  await startApp(2);
  note('app 2 ready');
  const serverOffset = await headOffset(uploadUrl);
  // the PATCH in flight was never answered: its bytes are either all recorded (it ended before the
  // kill) or not at all — a SIGKILL leaves no chance to record a part
  assert(serverOffset === killed.acked || serverOffset === Math.min(killed.acked + CHUNK, SIZE),
    `the server kept what it acknowledged and nothing half-written: HEAD ${serverOffset}, acknowledged ${killed.acked}`);

  // 3. a new Upload of the same file finds the first by its fingerprint and resumes it
  const log2 = [];
  const second = new tus.Upload(createReadStream(file), uploadOptions(file, storage, title, log2, {}));
  const previous = await second.findPreviousUploads();
  assert(previous.length === 1 && new URL(previous[0].uploadUrl, APP).href === new URL(uploadUrl, APP).href,
    `the fingerprint store names the first upload: ${JSON.stringify(previous.map((p) => p.uploadUrl))} vs ${uploadUrl}`);
  second.resumeFromPreviousUpload(previous[0]);
  const t1 = Date.now();
  await new Promise((resolve, reject) => {
    second.options.onSuccess = resolve;
    second.options.onError = reject;
    second.start();
  });
  assert(!log2.some(([m]) => m === 'POST'), `no new upload was created: ${JSON.stringify(log2)}`);
  const patches = log2.filter(([m]) => m === 'PATCH').map(([, o]) => o);
  assert(patches[0] === serverOffset, `the first PATCH resumed at the server's offset ${serverOffset}: ${patches.slice(0, 3)}`);
  assert(second.url && new URL(second.url, APP).href === new URL(uploadUrl, APP).href, `the same upload URL: ${second.url}`);
  assert(await headOffset(uploadUrl).catch(() => SIZE) === SIZE, 'the server holds every byte');
  assert((await storage.findAllUploads()).length === 0, 'the fingerprint is removed once complete');
  await step(`the same file resumed by fingerprint at ${serverOffset} (${(serverOffset / MIB).toFixed(1)} MiB) with ${patches.length} PATCHes in ${((Date.now() - t1) / 1000).toFixed(1)} s, no new upload`, () => {});

  // 4. the publication of that upload reaches LISTED
  const id = uploadUrl.split('/').pop();
  const deadline = Date.now() + PUBLISH_TIMEOUT;
  let pub = null;
  const t2 = Date.now();
  while (Date.now() < deadline) {
    pub = (await graphql(await bob(), 'query($id: String!) { publication(id: $id) { id stage state listingId errorCode errorMessage bytesDone bytesTotal } }', { id })).publication;
    if (pub && (pub.state !== 'RUNNING' || pub.stage === 'LISTED')) break;
    await sleep(1000);
  }
  assert(pub && pub.stage === 'LISTED' && pub.state === 'DONE' && pub.listingId,
    `publication ${id} listed within ${PUBLISH_TIMEOUT} ms: ${JSON.stringify(pub)}`);
  await step(`publication ${id} LISTED as ${pub.listingId} ${((Date.now() - t2) / 1000).toFixed(1)} s after the last byte`, () => {});

  // 5. alice buys it and downloads it through the gateway: the same bytes
  const q = (await graphql(await alice(), `{ quote(listingId: "${pub.listingId}", kind: BUY, periods: 1) { token priceFrost } }`)).quote;
  assert(String(q.priceFrost) === '1500000000', `the quote asks the listed 1.5 WAL: ${q.priceFrost}`);
  const p = (await graphql(await alice(), 'mutation($q: String!, $k: String!) { purchase(quote: $q, idempotencyKey: $k) { txDigest accessId } }',
    { q: q.token, k: `resume-${Date.now()}` })).purchase;
  assert(p.txDigest && p.accessId, `alice's purchase: ${JSON.stringify(p)}`);
  const t3 = Date.now();
  const res = await fetch(`${APP}/api/v1/listings/${pub.listingId}/content`, { headers: { authorization: 'Bearer ' + await alice() } });
  assert(res.status === 200, `the gateway answers alice 200: ${res.status} ${res.status === 200 ? '' : await res.text()}`);
  assert(Number(res.headers.get('content-length')) === SIZE, `Content-Length ${res.headers.get('content-length')} = ${SIZE}`);
  const hash = createHash('sha256');
  let got = 0;
  for await (const part of res.body) { hash.update(part); got += part.length; }
  const gotDigest = hash.digest('hex');
  assert(got === SIZE, `downloaded ${got} bytes of ${SIZE}`);
  assert(gotDigest === digest, `SHA-256 of the download ${gotDigest} equals the original's ${digest}`);
  await step(`alice bought it (tx ${p.txDigest.slice(0, 12)}…) and downloaded ${SIZE} bytes through the gateway in ${((Date.now() - t3) / 1000).toFixed(1)} s, SHA-256 equal`, () => {});
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => { await killApp('SIGTERM'); process.exit(130); });
}
let failed = 0;
try {
  await proof();
} catch (e) {
  failed = 1;
  console.log(`not ok - kill-and-resume: ${e.message}`);
  console.log(`# app logs in ${LOGS}`);
} finally {
  await killApp('SIGTERM');
  rmSync(join(work, 'resume-sample.bin'), { force: true });
  if (!failed) rmSync(work, { recursive: true, force: true });
}
console.log(`${results.length} passed, ${failed} failed (${secs()} s)`);
process.exit(failed);
