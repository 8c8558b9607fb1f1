// Haulout erasure interop: runs the official Walrus wasm encoder on the cases the Java test wrote.
//   node walrus-oracle.mjs CASES.json > RESULTS.json
// CASES.json: [{ "n": 10, "file": "/tmp/x.bin", "full": true, "primaryBcsLength": 19, "secondaryBcsLength": 13 }, ...]
// For every case: blob ID and root (hex); with "full": SHA-256 of every BCS sliver buffer the wasm
// writes (pair order) and the sliver hashes of every pair from the returned metadata.
import { BlobEncoder } from '@mysten/walrus-wasm';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const hex = (bytes) => Buffer.from(Uint8Array.from(bytes)).toString('hex');
const digest = (node) => (node && node.Digest ? hex(node.Digest) : null);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = cases.map((c) => {
  const data = new Uint8Array(readFileSync(c.file));
  const encoder = new BlobEncoder(c.n);
  try {
    if (!c.full) {
      const [blobId, root] = encoder.compute_metadata(data);
      return { blobIdHex: hex(blobId), rootHex: digest(root) };
    }
    const primary = Array.from({ length: c.n }, () => new Uint8Array(c.primaryBcsLength));
    const secondary = Array.from({ length: c.n }, () => new Uint8Array(c.secondaryBcsLength));
    const [meta, root] = encoder.encode(data, primary, secondary);
    const v1 = meta.metadata.V1;
    return {
      blobIdHex: hex(meta.blob_id),
      rootHex: digest(root),
      primaryBcsSha256: primary.map(sha256),
      secondaryBcsSha256: secondary.map(sha256),
      pairPrimaryHashHex: v1.hashes.map((h) => digest(h.primary_hash)),
      pairSecondaryHashHex: v1.hashes.map((h) => digest(h.secondary_hash)),
    };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  } finally {
    encoder.free();
  }
});
process.stdout.write(JSON.stringify(results));
