// Throughput of the official Walrus wasm encoder, for side-by-side comparison with the Java JMH
// numbers (erasure/bench.sh). Single-threaded, best of --runs, random input.
//   node --max-old-space-size=8192 walrus-bench.mjs --shards 1000,100 --bytes 1,67108864 --runs 3 [--encode]
// Prints one JSON object per line: {"op","shards","bytes","bestMs","mibPerS"}.
import { BlobEncoder } from '@mysten/walrus-wasm';
import { randomFillSync } from 'node:crypto';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const shards = opt('--shards', '1000').split(',').map(Number);
const sizes = opt('--bytes', '1,67108864').split(',').map(Number);
const runs = Number(opt('--runs', '3'));
const withEncode = args.includes('--encode');

function params(n, len) {
  const f = Math.floor((n - 1) / 3);
  const k1 = n - 2 * f;
  const k2 = n - f;
  let s = Math.ceil(Math.max(len, 1) / (k1 * k2));
  if (s % 2) s++;
  return { k1, k2, s };
}
const bcsLen = (len) => {
  let u = 1;
  for (let v = len; v >= 128; v = Math.floor(v / 128)) u++;
  return u + len + 4;
};

function best(fn) {
  let b = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    fn();
    b = Math.min(b, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return b;
}

for (const n of shards) {
  for (const bytes of sizes) {
    const data = new Uint8Array(bytes);
    for (let off = 0; off < bytes; off += 65536) randomFillSync(data, off, Math.min(65536, bytes - off));
    const report = (op, ms) =>
      console.log(JSON.stringify({ op, shards: n, bytes, bestMs: +ms.toFixed(1), mibPerS: +(bytes / 1048576 / (ms / 1000)).toFixed(2) }));
    report('blobId', best(() => {
      const enc = new BlobEncoder(n);
      try { enc.compute_metadata(data); } finally { enc.free(); }
    }));
    if (withEncode) {
      const { k1, k2, s } = params(n, bytes);
      report('encode', best(() => {
        const p = Array.from({ length: n }, () => new Uint8Array(bcsLen(k2 * s)));
        const q = Array.from({ length: n }, () => new Uint8Array(bcsLen(k1 * s)));
        const enc = new BlobEncoder(n);
        try { enc.encode(data, p, q); } finally { enc.free(); }
      }));
    }
  }
}
