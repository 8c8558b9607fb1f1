// The official Walrus wasm (@mysten/walrus-wasm) as a whole process: the blob ID of each FILE, one
// line "<blobId base64url> <file>" like `haulout blob-id`, so erasure/bench.sh process can time
// both commands and compare their output.
//   node blob-id.mjs [--shards N] FILE...      (default 1000 shards, Walrus Mainnet/Testnet)
import { BlobEncoder } from '@mysten/walrus-wasm';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let shards = 1000;
const i = args.indexOf('--shards');
if (i >= 0) {
  shards = Number(args[i + 1]);
  args.splice(i, 2);
}
if (args.length === 0 || !Number.isInteger(shards)) {
  console.error('usage: node blob-id.mjs [--shards N] FILE...');
  process.exit(2);
}
for (const file of args) {
  const encoder = new BlobEncoder(shards);
  try {
    const [blobId] = encoder.compute_metadata(new Uint8Array(readFileSync(file)));
    console.log(`${Buffer.from(blobId).toString('base64url')} ${file}`);
  } finally {
    encoder.free();
  }
}
