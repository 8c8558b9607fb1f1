#!/usr/bin/env node
// Writes (or, with --check, compares) the static vectors in erasure/src/test/resources/vectors/:
//
//   npm ci && node gen-vectors.mjs ../src/test/resources/vectors            # rewrite all three files
//   node gen-vectors.mjs --check ../src/test/resources/vectors              # exit 1 if any differs
//   node gen-vectors.mjs --check ../src/test/resources/vectors blob-ids     # one file only
//
// Every blob ID, root hash, sliver and sliver hash comes from the official Walrus wasm encoder
// (@mysten/walrus-wasm, pinned by package-lock.json): compute_metadata() for blob-ids.json,
// encode() for the other two. Nothing here encodes. What this script computes itself:
//   * the inputs (pattern / seededBytes / stream, defined below and in the erasure README);
//   * size arithmetic: f = (n-1) div 3, k1 = n-2f, k2 = n-f, symbol size
//     S = ceil(max(len,1) / (k1*k2)) rounded up to even, sliver lengths, the "too large" limit
//     k1*k2*65534 (S is also checked against the symbol size the wasm writes into each sliver);
//   * formatting: base64url, hex, blob_id_u256 (the blob ID bytes as a little-endian integer),
//     rotation_offset (the blob ID bytes as a big-endian integer, mod n);
//   * rs-vectors.json reads single Reed-Solomon codewords out of the wasm's slivers (see
//     rsVectors below) and labels each with a "rate" by the rule in rate().
import { BlobEncoder } from '@mysten/walrus-wasm';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_SYMBOL_SIZE = 65534;
const hex = (b) => Buffer.from(Uint8Array.from(b)).toString('hex');
const sha256 = (b) => createHash('sha256').update(b).digest();
const digest = (node) => hex(node.Digest);

// ------------------------------------------------------------------ inputs
const pattern = (len) => Uint8Array.from({ length: len }, (_, i) => i % 251);
function seededBytes(seed, len) {
  const out = new Uint8Array(len);
  const s = Buffer.from(seed, 'utf8');
  for (let i = 0; i * 32 < len; i++) {
    const ctr = Buffer.alloc(8);
    ctr.writeBigUInt64LE(BigInt(i));
    out.set(sha256(Buffer.concat([s, ctr])).subarray(0, Math.min(32, len - i * 32)), i * 32);
  }
  return out;
}
const stream = (len) => seededBytes('walrus-conformance-v1', len);

// ------------------------------------------------------------------ parameters
function params(n, len) {
  const f = Math.floor((n - 1) / 3);
  const k1 = n - 2 * f, k2 = n - f;
  let S = Math.ceil(Math.max(len, 1) / (k1 * k2));
  S += S % 2;
  return { n, f, k1, k2, S, primarySliverLen: k2 * S, secondarySliverLen: k1 * S };
}
const tooLarge = (n, len) => { const p = params(n, len); return len > p.k1 * p.k2 * MAX_SYMBOL_SIZE; };
const ulebLength = (v) => { let k = 1; for (; v >= 128; v = Math.floor(v / 128)) k++; return k; };

/** Runs the wasm's encode(); returns slivers by sliver index (raw + BCS) and the metadata. */
function encode(n, data) {
  const p = params(n, data.length);
  const primary = Array.from({ length: n }, () => new Uint8Array(ulebLength(p.primarySliverLen) + p.primarySliverLen + 4));
  const secondary = Array.from({ length: n }, () => new Uint8Array(ulebLength(p.secondarySliverLen) + p.secondarySliverLen + 4));
  const enc = new BlobEncoder(n);
  try {
    const [meta, root] = enc.encode(data, primary, secondary);
    const parse = (bcs, len, what) => {
      const o = ulebLength(len);
      const view = new DataView(bcs.buffer, bcs.byteOffset + o + len, 4);
      const S = view.getUint16(0, true), index = view.getUint16(2, true);
      if (S !== p.S) throw new Error(`${what}: wasm symbol size ${S}, formula ${p.S}`);
      return { index, raw: bcs.subarray(o, o + len), bcs };
    };
    const prim = [], sec = [];
    primary.forEach((b, k) => { const s = parse(b, p.primarySliverLen, `primary buffer ${k}`); prim[s.index] = s; });
    secondary.forEach((b, k) => { const s = parse(b, p.secondarySliverLen, `secondary buffer ${k}`); sec[s.index] = s; });
    return { p, prim, sec, blobId: Uint8Array.from(meta.blob_id), root: digest(root), hashes: meta.metadata.V1.hashes };
  } finally {
    enc.free();
  }
}

// ------------------------------------------------------------------ blob-ids.json
function blobIds() {
  const inputs = [
    ['empty.bin', new Uint8Array(0)],
    ['one-byte.bin', Uint8Array.of(0x2a)],
    ['some-other-string.txt', Buffer.from('some other string', 'ascii')],
    ['regression.txt', Buffer.from('walrus blob id v1 regression test', 'ascii')],
    ['pattern-1MiB.bin', pattern(1048576)],
    ['stream-10MiB.bin', stream(10485760)],
  ];
  const out = [];
  for (const [name, data] of inputs) {
    for (const n of [4, 7, 10, 13, 100, 301, 1000]) {
      if (tooLarge(n, data.length)) {
        out.push({ input: name, length: data.length, n_shards: n, error: 'too large' });
        continue;
      }
      const enc = new BlobEncoder(n);
      let blobId, root;
      try {
        [blobId, root] = enc.compute_metadata(data);
      } finally {
        enc.free();
      }
      const id = Uint8Array.from(blobId);
      const be = BigInt('0x' + hex(id));
      out.push({
        input: name,
        length: data.length,
        input_sha256: hex(sha256(data)),
        n_shards: n,
        symbol_size: params(n, data.length).S,
        root_hash_hex: digest(root),
        blob_id: Buffer.from(id).toString('base64url'),
        blob_id_hex: hex(id),
        blob_id_u256: BigInt('0x' + hex(Uint8Array.from(id).reverse())).toString(),
        rotation_offset: Number(be % BigInt(n)),
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------ small-encodings.json
function smallEncodings() {
  const cases = [
    ['regression.txt', 10, Buffer.from('walrus blob id v1 regression test', 'ascii')],
    ['pattern(40)', 4, pattern(40)],
    ['stream(100)', 7, stream(100)],
  ];
  return cases.map(([name, n, data]) => {
    const e = encode(n, data);
    return {
      input: name,
      input_hex: hex(data),
      n_shards: n,
      params: e.p,
      blob_id: Buffer.from(e.blobId).toString('base64url'),
      root_hash_hex: e.root,
      sliver_pairs: Array.from({ length: n }, (_, pair) => {
        const pr = e.prim[pair], se = e.sec[n - 1 - pair];
        return {
          pair_index: pair,
          primary_sliver_index: pr.index,
          primary_hex: hex(pr.raw),
          primary_bcs_hex: hex(pr.bcs),
          primary_merkle_root_hex: digest(e.hashes[pair].primary_hash),
          secondary_sliver_index: se.index,
          secondary_hex: hex(se.raw),
          secondary_bcs_hex: hex(se.bcs),
          secondary_merkle_root_hex: digest(e.hashes[pair].secondary_hash),
        };
      }),
    };
  });
}

// ------------------------------------------------------------------ rs-vectors.json
// The message matrix of stream(k1*k2*S) is k1 rows x k2 columns of S-byte symbols, row-major.
// Primary sliver i is row i of the column-extended matrix (n rows), secondary sliver j column j
// of the row-extended matrix (n columns). So, read out of the wasm's slivers:
//   row 0 (secondary code, k2 originals, n-k2 recovery): originals = primary sliver 0,
//     recovery r = symbol 0 of secondary sliver k2+r;
//   column 0 (primary code, k1 originals, n-k1 recovery): originals = secondary sliver 0,
//     recovery r = symbol 0 of primary sliver k1+r.
// "rate" names which of reed-solomon-simd's two encoders (high/low rate) the entry is meant for;
// the wasm does not report it: this script's rule, which gives every committed label, is
// high rate when recovery <= min(next_pow2(originals), next_pow2(recovery)), else low rate.
const nextPow2 = (x) => 2 ** Math.ceil(Math.log2(x));
const rate = (o, r) => (r <= Math.min(nextPow2(o), nextPow2(r)) ? 'high' : 'low');
const HEX_LIMIT = 2048; // originals and recovery are written as hex too while both are at most this many bytes

function rsVectors() {
  const out = [];
  for (const n of [4, 7, 10, 13, 100, 1000]) {
    for (const S of [2, 66]) {
      const { k1, k2 } = params(n, 0);
      const len = k1 * k2 * S;
      const e = encode(n, stream(len));
      if (e.p.S !== S) throw new Error(`n=${n}: stream(${len}) has symbol size ${e.p.S}, not ${S}`);
      const sym0 = (s) => s.raw.subarray(0, S);
      const codes = [
        ['secondary (row) code', k2, e.prim[0].raw, e.sec.slice(k2).map(sym0), 'row 0'],
        ['primary (column) code', k1, e.sec[0].raw, e.prim.slice(k1).map(sym0), 'column 0'],
      ];
      for (const [code, k, originals, recoveryParts, where] of codes) {
        const recovery = Buffer.concat(recoveryParts);
        const entry = {
          n_shards: n,
          code,
          original_count: k,
          recovery_count: n - k,
          rate: rate(k, n - k),
          symbol_size: S,
          originals_sha256: hex(sha256(originals)),
          recovery_sha256: hex(sha256(recovery)),
        };
        if (originals.length <= HEX_LIMIT && recovery.length <= HEX_LIMIT) {
          entry.originals_hex = hex(originals);
          entry.recovery_hex = hex(recovery);
        }
        entry.originals_source = `message matrix of stream(${len}) (${where})`;
        out.push(entry);
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------ main
const generators = { 'blob-ids': blobIds, 'small-encodings': smallEncodings, 'rs-vectors': rsVectors };
const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
if (checkOnly) args.shift();
const [dir, only] = args;
if (!dir || (only && !generators[only])) {
  console.error('usage: node gen-vectors.mjs [--check] DIR [blob-ids|small-encodings|rs-vectors]');
  process.exit(2);
}
let differ = 0;
for (const [name, gen] of Object.entries(generators)) {
  if (only && only !== name) continue;
  const file = join(dir, name + '.json');
  const text = JSON.stringify(gen(), null, 1) + '\n';
  if (!checkOnly) {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
    continue;
  }
  const have = readFileSync(file, 'utf8');
  if (have === text) {
    console.log(`${file}: identical to what the wasm produces`);
  } else {
    differ++;
    const a = have.split('\n'), b = text.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    console.error(`${file} differs, first at line ${i + 1}:\n  file:      ${a[i]}\n  generated: ${b[i]}`);
  }
}
process.exit(differ ? 1 : 0);
