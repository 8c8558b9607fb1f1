// Interop oracle for haulout-seal-service (written for this project; run by SdkInteropTest).
// The official @mysten/seal SDK encrypts or decrypts a batch of cases given as JSON.
//
//   node seal-sdk.mjs encrypt cases.json   -> [{object, key}]          (hex)
//   node seal-sdk.mjs decrypt cases.json   -> [{plaintext} | {error}]  (hex)
//
// encrypt case: {packageId, id, threshold, dem: "aes"|"hmac", plaintext, aad?,
//                servers: [{objectId, publicKey}]}   (repeat a server for weight)
// decrypt case: {object, usks: [{objectId, usk}], publicKeys?: [{objectId, publicKey}]}
// The SDK package exports only SealClient/SessionKey/EncryptedObject, so the low-level
// encrypt/decrypt functions are loaded from its dist/ directory by file URL.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = dirname(createRequire(import.meta.url).resolve('@mysten/seal'));
const load = (f) => import(pathToFileURL(join(dist, f)).href);
const { encrypt, KemType } = await load('encrypt.mjs');
const { decrypt } = await load('decrypt.mjs');
const { AesGcm256, Hmac256Ctr } = await load('dem.mjs');
const { EncryptedObject } = await load('bcs.mjs');
const { G1Element, G2Element } = await load('bls12381.mjs');
const { createFullId } = await load('utils.mjs');

const fromHex = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
const toHex = (b) => Buffer.from(b).toString('hex');
const normId = (h) => '0x' + h.replace(/^0x/, '').padStart(64, '0');

async function encryptCase(c) {
  const input = c.dem === 'hmac'
    ? new Hmac256Ctr(fromHex(c.plaintext), c.aad != null ? fromHex(c.aad) : new Uint8Array())
    : new AesGcm256(fromHex(c.plaintext), c.aad != null ? fromHex(c.aad) : new Uint8Array());
  const { encryptedObject, key } = await encrypt({
    keyServers: c.servers.map((s) => ({ objectId: normId(s.objectId), pk: fromHex(s.publicKey) })),
    kemType: KemType.BonehFranklinBLS12381DemCCA,
    threshold: c.threshold,
    packageId: normId(c.packageId),
    id: c.id.replace(/^0x/, ''),
    encryptionInput: input,
  });
  return { object: toHex(encryptedObject), key: toHex(key) };
}

async function decryptCase(c) {
  const parsed = EncryptedObject.parse(fromHex(c.object));
  const fullId = createFullId(parsed.packageId, parsed.id);
  const keys = new Map(c.usks.map((u) => [`${fullId}:${normId(u.objectId)}`, G1Element.fromBytes(fromHex(u.usk))]));
  let publicKeys;
  if (c.publicKeys) {
    const byId = new Map(c.publicKeys.map((p) => [normId(p.objectId), G2Element.fromBytes(fromHex(p.publicKey))]));
    publicKeys = parsed.services.map(([oid]) => byId.get(normId(oid)));
  }
  const plaintext = await decrypt({ encryptedObject: parsed, keys, publicKeys });
  return { plaintext: toHex(plaintext) };
}

const [op, file] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(file, 'utf8'));
const run = op === 'encrypt' ? encryptCase : op === 'decrypt' ? decryptCase : null;
if (!run) {
  console.error('usage: node seal-sdk.mjs encrypt|decrypt cases.json');
  process.exit(64);
}
const out = [];
for (const c of cases) {
  try {
    out.push(await run(c));
  } catch (e) {
    out.push({ error: String(e && e.message ? e.message : e) });
  }
}
process.stdout.write(JSON.stringify(out));
