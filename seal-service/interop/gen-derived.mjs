#!/usr/bin/env node
// Writes (or, with --check, compares) seal-service/src/test/resources/vectors/derived.json.
//
//   npm ci && node gen-derived.mjs ../src/test/resources/vectors/derived.json
//   node gen-derived.mjs --check ../src/test/resources/vectors/derived.json   # exit 1 if it differs
//
// Every object and every intermediate value in the file is computed by the official
// @mysten/seal SDK (pinned by package-lock.json), not by Haulout's Java code: the three
// objects come from the SDK's own low-level encrypt(), with the randomness it draws
// (Shamir coefficients through crypto.getRandomValues, the IBE scalar through noble's
// randomSecretKey) replaced by the fixed values that "inputs" describes, and the base key
// supplied by the encryption input. The per-server values use the SDK's primitives
// (hashToG1, kdf, G1/G2/GT elements, split); master keys and object ids follow the rules
// in "inputs" (HKDF-SHA3-256 and SHA3-256 from @noble/hashes). The SDK's decrypt() then
// checks the AES and HMAC objects, with its share-consistency check.
//
// The package's "exports" map only exposes SealClient/SessionKey/EncryptedObject, so the
// low-level modules are imported from its dist/ folder by file URL.

import { readFileSync, writeFileSync } from 'node:fs';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';

const dist = new URL('./node_modules/@mysten/seal/dist/', import.meta.url);
const load = (f) => import(new URL(f, dist).href);
const sealVersion = JSON.parse(readFileSync(new URL('../package.json', dist), 'utf8')).version;
const { encrypt, KemType } = await load('encrypt.mjs');
const { AesGcm256, Hmac256Ctr } = await load('dem.mjs');
const { G1Element, G2Element, Scalar } = await load('bls12381.mjs');
const { EncryptedObject } = await load('bcs.mjs');
const { BonehFranklinBLS12381Services } = await load('ibe.mjs');
const { hashToG1, kdf, deriveKey, KeyPurpose } = await load('kdf.mjs');
const { split, combine } = await load('shamir.mjs');
const { decrypt } = await load('decrypt.mjs');
const { createFullId } = await load('utils.mjs');

// ------------------------------------------------------------------ helpers
const enc = (s) => new TextEncoder().encode(s);
const utf8 = (b) => new TextDecoder().decode(b);
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (h) => Uint8Array.from((h.startsWith('0x') ? h.slice(2) : h).match(/../g) ?? [], (x) => parseInt(x, 16));
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};
const sha3 = (...parts) => sha3_256(concat(...parts));
const u64be = (n) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt(n)); return b; };
const bigBE = (b) => BigInt('0x' + (hex(b) || '0'));
const bytesBE = (v, len) => unhex(v.toString(16).padStart(2 * len, '0'));
const R_ORDER = bls12_381.fields.Fr.ORDER;
const DST_POP = enc('SUI-SEAL-IBE-BLS12381-POP-00');
function check(ok, what) {
  if (!ok) throw new Error('check failed: ' + what);
  return true;
}

// ------------------------------------------------------------------ fixed randomness
// The SDK draws randomness only through crypto.getRandomValues (Shamir coefficients: one
// call of t-1 bytes per base-key byte; the IBE scalar: 48 bytes for noble's randomSecretKey,
// which maps them to (x mod (r-1)) + 1). Serve planned values and fail on anything unplanned.
// noble also draws random blinding for secret scalar multiplications (mulCTBlinded): a
// side-channel counter-measure that does not change any result, so those come from the system.
const planned = [];
const systemGetRandomValues = crypto.getRandomValues.bind(crypto);
crypto.getRandomValues = (arr) => {
  if (/mulCTBlinded/.test(new Error().stack)) return systemGetRandomValues(arr);
  const next = planned.shift();
  if (!next) throw new Error(`SDK drew ${arr.length} unplanned random bytes`);
  if (next.bytes.length !== arr.length) throw new Error(`SDK drew ${arr.length} bytes where ${next.what} (${next.bytes.length}) was planned`);
  new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength).set(next.bytes);
  return arr;
};
function planShamir(count, threshold) {
  for (let j = 0; j < count; j++) planned.push({ what: `coefficients of byte ${j}`, bytes: coeffsFor(j, threshold - 1) });
}
function planScalar(v) {
  check(v >= 1n && v < R_ORDER, 'scalar in [1, r)');
  planned.push({ what: 'IBE randomness', bytes: bytesBE(v - 1n, 48) });
}
function allConsumed() {
  check(planned.length === 0, `all planned randomness drawn (${planned.length} left)`);
}

// ------------------------------------------------------------------ inputs (the rules stated in the file)
const seed = unhex('5e'.repeat(32));
const packageId = '0x' + hex(sha3(enc('seal-conformance/package-id'), seed));
const innerId = unhex('0102030405');
const threshold = 2;
const baseKey = sha3(enc('seal-conformance/base-key'));
const r = bigBE(sha3(enc('seal-conformance/r'))) % R_ORDER;
const coeffsFor = (j, k) => sha3(enc('seal-conformance/coeff'), Uint8Array.of(j)).slice(0, k);
const data = enc('Seal conformance vector: hello Java!');
const aad = enc('aad-bytes');
const masterKeyFromSeed = (i) => bigBE(hkdf(sha3_256, seed, new Uint8Array(0), u64be(i), 64)) % R_ORDER;

const fullIdHex = createFullId(packageId, hex(innerId));
const fullId = unhex(fullIdHex);
const gid = hashToG1(fullId);
const nonce = G2Element.generator().multiply(Scalar.fromBigint(r));
const gidR = gid.multiply(Scalar.fromBigint(r));

planShamir(baseKey.length, threshold);
const shares = split(baseKey, threshold, 3);
allConsumed();

const servers = [0, 1, 2].map((i) => {
  const msk = masterKeyFromSeed(i);
  const s = Scalar.fromBigint(msk);
  const objectId = '0x' + hex(sha3(enc('seal-conformance/object-id'), seed, u64be(i)));
  return { objectId, msk, s, pk: G2Element.generator().multiply(s), usk: gid.multiply(s) };
});

const perServer = servers.map((sv, i) => {
  const gt = gidR.pairing(sv.pk);
  const pop = G1Element.hashToCurve(concat(DST_POP, sv.pk.toBytes(), unhex(sv.objectId))).multiply(sv.s);
  return {
    objectId: sv.objectId,
    masterKey: '0x' + hex(bytesBE(sv.msk, 32)),
    publicKey: '0x' + hex(sv.pk.toBytes()),
    usk: hex(sv.usk.toBytes()),
    shareIndex: shares[i].index,
    share: hex(shares[i].share),
    gtBytes: hex(gt.toBytes()),
    gtEqualsDecapsulation: gt.equals(sv.usk.pairing(nonce)),
    kdfKey: hex(kdf(gt, nonce, fullId, sv.objectId, shares[i].index)),
    pop: hex(pop.toBytes()),
    // exactly the check the SDK's verifyKeyServer applies to a /v1/service answer
    popVerifiesLikeSdk: bls12_381.shortSignatures.verify(
      pop.toBytes(), bls12_381.shortSignatures.hash(concat(DST_POP, sv.pk.toBytes(), unhex(sv.objectId))), sv.pk.toBytes()),
  };
});

const out = {
  comment: `Deterministic Seal vectors produced by the official @mysten/seal ${sealVersion} (its own encrypt() with the randomness fixed as "inputs" says) by seal-service/interop/gen-derived.mjs.`,
  inputs: {
    derivationSeed: hex(seed),
    serverObjectIdRule: 'sha3_256("seal-conformance/object-id" || seed || u64_be(i))',
    packageId,
    innerId: hex(innerId),
    threshold,
    baseKey: hex(baseKey),
    r: '0x' + r.toString(16).padStart(64, '0'),
    baseKeyRule: 'sha3_256("seal-conformance/base-key")',
    rRule: 'sha3_256("seal-conformance/r") as BE integer mod r',
    polynomialCoefficientsRule: 'byte j of the base key: p_j(x) = baseKey[j] + c1*x + ... + c_{t-1}*x^{t-1} with (c1..c_{t-1}) = first t-1 bytes of sha3_256("seal-conformance/coeff" || u8 j)',
    plaintextUtf8: utf8(data),
    aadUtf8: utf8(aad),
  },
  intermediate: {
    fullId: fullIdHex,
    gid: hex(gid.toBytes()),
    nonce: hex(nonce.toBytes()),
    gtGenerator: hex(G1Element.generator().pairing(G2Element.generator()).toBytes()),
    servers: perServer,
  },
  objects: {},
};

const keyServers = servers.map((s) => ({ objectId: s.objectId, pk: s.pk.toBytes() }));
const objectIds = servers.map((s) => s.objectId);
const usksOf = (idx) => new Map(idx.map((i) => [`${fullIdHex}:${servers[i].objectId}`, servers[i].usk]));
const inputs = {
  aes: () => new AesGcm256(data, aad),
  hmac: () => new Hmac256Ctr(data, aad),
  // the SDK has no Plain encryption input (Rust-only mode); its BCS has the Plain variant
  plain: () => ({ encrypt: async () => ({ Plain: {} }) }),
};
for (const dem of ['aes', 'hmac', 'plain']) {
  const inner = inputs[dem]();
  planShamir(baseKey.length, threshold);
  planScalar(r);
  const { encryptedObject: bytes, key: demKey } = await encrypt({
    keyServers,
    kemType: KemType.BonehFranklinBLS12381DemCCA,
    threshold,
    packageId,
    id: hex(innerId),
    encryptionInput: { generateKey: async () => baseKey, encrypt: (k) => inner.encrypt(k) },
  });
  allConsumed();
  const o = EncryptedObject.parse(bytes);
  const kem = o.encryptedShares.BonehFranklinBLS12381;
  const encShares = kem.encryptedShares.map((s) => Uint8Array.from(s));
  check(hex(Uint8Array.from(kem.nonce)) === hex(nonce.toBytes()), `${dem}: nonce = g2^r`);
  o.services.forEach(([oid, index], i) => {
    const share = BonehFranklinBLS12381Services.decrypt(nonce, servers[i].usk, encShares[i], fullId, [oid, index]);
    check(index === shares[i].index && hex(share) === hex(shares[i].share), `${dem}: share ${i} in the object = split() share`);
  });
  const entry = {
    bytes: hex(bytes),
    randomnessKey: hex(deriveKey(KeyPurpose.EncryptedRandomness, baseKey, encShares, threshold, objectIds)),
    demKey: hex(demKey),
    encryptedShares: encShares.map(hex),
    encryptedRandomness: hex(Uint8Array.from(kem.encryptedRandomness)),
  };
  if (dem !== 'plain') {
    const plain = await decrypt({ encryptedObject: o, keys: usksOf([0, 1]), publicKeys: servers.map((s) => s.pk) });
    entry.sdkDecrypts = utf8(plain) === utf8(data);
  } else {
    // what decrypting a Plain object yields: the DEM key, from the shares of servers 1 and 2
    const got = combine([1, 2].map((i) => ({
      index: o.services[i][1],
      share: BonehFranklinBLS12381Services.decrypt(nonce, servers[i].usk, encShares[i], fullId, o.services[i]),
    })));
    entry.sdkRecoversDemKey = hex(deriveKey(KeyPurpose.DEM, got, encShares, threshold, objectIds)) === entry.demKey;
  }
  out.objects[dem] = entry;
}
crypto.getRandomValues = systemGetRandomValues;

const text = JSON.stringify(out, null, 1) + '\n';
const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
const file = checkOnly ? args[1] : args[0];
if (!file) {
  process.stdout.write(text);
} else if (checkOnly) {
  const have = readFileSync(file, 'utf8');
  if (have !== text) {
    const a = have.split('\n'), b = text.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    console.error(`${file} differs from what @mysten/seal ${sealVersion} produces, first at line ${i + 1}:\n  file:      ${a[i]}\n  generated: ${b[i]}`);
    process.exit(1);
  }
  console.log(`${file}: identical to what @mysten/seal ${sealVersion} produces`);
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file} (@mysten/seal ${sealVersion})`);
}
