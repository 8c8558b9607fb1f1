// Regenerates chain/src/test/resources/sui-vectors.json from @mysten/sui (deterministic Ed25519).
// Usage: node gen-vectors.mjs > ../src/test/resources/sui-vectors.json
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519';

const seeds = [
  new Uint8Array(32),
  Uint8Array.from({ length: 32 }, (_, i) => i + 1),
  Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff),
];
const messages = [
  new Uint8Array(0),
  new TextEncoder().encode('hello'),
  new TextEncoder().encode('Accessing keys of package 0x0000c457b42d48924087ea3f22d35fd2fe9afdf5bdfe38cc51c0f14f3282f6d5 for 30 mins from 1970-01-19 18:42:28 UTC, session key DX2rNYyNrapO+gBJp1sHQ2VVsQo2ghm7aA9wVxNJ13U='),
  Uint8Array.from({ length: 300 }, (_, i) => i & 0xff),
];
const out = { producer: '@mysten/sui 2.33.1 Ed25519Keypair (chain/interop/gen-vectors.mjs)', keys: [] };
for (const seed of seeds) {
  const kp = Ed25519Keypair.fromSecretKey(seed);
  const entry = {
    seedHex: Buffer.from(seed).toString('hex'),
    suiPrivateKey: kp.getSecretKey(),
    publicKeyB64: kp.getPublicKey().toBase64(),
    suiPublicKey: kp.getPublicKey().toSuiPublicKey(),
    address: kp.toSuiAddress(),
    personal: [],
    transaction: [],
  };
  for (const m of messages) {
    entry.personal.push({ messageB64: Buffer.from(m).toString('base64'),
                          signature: (await kp.signPersonalMessage(m)).signature });
    entry.transaction.push({ txB64: Buffer.from(m).toString('base64'),
                             signature: (await kp.signTransaction(m)).signature });
  }
  out.keys.push(entry);
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
