// Drives the official @mysten/seal SealClient + SessionKey against Haulout's Java key servers
// over loopback HTTP. Everything Sui-side is answered by a small in-memory client (below): key
// server objects are served as V2 "Independent" objects built from the plan, packages are at
// version 1. Input: a JSON plan file (argv[2]); output: one JSON document on stdout.
//
// plan = { packageId, servers: [{objectId, url, publicKey /* hex G2 */}],
//          cases: [{ name, userKey /* suiprivkey */, positions /* server indices, repeats = weight */,
//                    threshold, plaintext /* base64 */, object /* optional base64 EncryptedObject */,
//                    module, verifyKeyServers, checkShareConsistency, ttlMin, dem: 'aes'|'hmac',
//                    ids /* optional: several inner ids fetched with ONE multi-call PTB */ }],
//          javaSessions: [{ address, creationTimeMs, ttlMin, signature, sessionSecretKey /* suiprivkey */ }] }
import { readFileSync } from 'node:fs';
import { DemType, EncryptedObject, SealClient, SessionKey } from '@mysten/seal';
import { bcs } from '@mysten/sui/bcs';
import { decodeSuiPrivateKey } from '@mysten/sui/cryptography';
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519';
import { Secp256k1Keypair } from '@mysten/sui/keypairs/secp256k1';
import { Secp256r1Keypair } from '@mysten/sui/keypairs/secp256r1';
import { Transaction } from '@mysten/sui/transactions';
import { fromHex } from '@mysten/sui/utils';
import { verifyPersonalMessageSignature } from '@mysten/sui/verify';

/** The user's wallet key of any single-key scheme, from a bech32 suiprivkey. */
function userKeypair(secretKey) {
  const { scheme, secretKey: raw } = decodeSuiPrivateKey(secretKey);
  const cls = { ED25519: Ed25519Keypair, Secp256k1: Secp256k1Keypair, Secp256r1: Secp256r1Keypair }[scheme];
  return cls.fromSecretKey(raw);
}

const KeyServerObject = bcs.struct('KeyServer', {
  id: bcs.Address,
  firstVersion: bcs.u64(),
  lastVersion: bcs.u64(),
});
const KeyServerV2 = bcs.struct('KeyServerV2', {
  name: bcs.string(),
  keyType: bcs.u8(),
  pk: bcs.byteVector(),
  // variant 0 of the on-chain enum; the Committee variant (1) is never produced here
  serverType: bcs.enum('ServerType', { Independent: bcs.struct('Independent', { url: bcs.string() }) }),
});

/** The subset of the Sui core API that SealClient and SessionKey call. */
function inMemorySuiClient(servers) {
  const byId = new Map(servers.map((s, i) => [s.objectId, { ...s, name: `haulout-ks-${i}` }]));
  return {
    core: {
      async getObject({ objectId }) {
        const ks = byId.get(objectId);
        const content = ks
          ? KeyServerObject.serialize({ id: objectId, firstVersion: 2, lastVersion: 2 }).toBytes()
          : new Uint8Array();
        return { object: { objectId, version: '1', digest: '', content } };
      },
      async getDynamicField({ parentId }) {
        const ks = byId.get(parentId);
        if (!ks) throw new Error(`unknown key server object ${parentId}`);
        const value = KeyServerV2.serialize({
          name: ks.name,
          keyType: 0,
          pk: fromHex(ks.publicKey),
          serverType: { Independent: { url: ks.url } },
        }).toBytes();
        return { dynamicField: { value: { bcs: value } } };
      },
    },
  };
}

async function runCase(plan, c) {
  const suiClient = inMemorySuiClient(plan.servers);
  const weights = new Map();
  for (const i of c.positions) weights.set(plan.servers[i].objectId, (weights.get(plan.servers[i].objectId) ?? 0) + 1);
  const serverConfigs = [...weights].map(([objectId, weight]) => ({ objectId, weight }));
  const client = new SealClient({
    suiClient,
    serverConfigs,
    verifyKeyServers: c.verifyKeyServers ?? true,
    timeout: 5000,
  });
  if (c.ids) return runMultiIdCase(plan, c, suiClient, client);
  const id = c.id ?? '0x48617568';
  let data;
  if (c.object) {
    data = new Uint8Array(Buffer.from(c.object, 'base64'));
  } else {
    const enc = await client.encrypt({
      threshold: c.threshold,
      packageId: plan.packageId,
      id,
      data: new Uint8Array(Buffer.from(c.plaintext, 'base64')),
      demType: c.dem === 'hmac' ? DemType.Hmac256Ctr : DemType.AesGcm256,
    });
    data = enc.encryptedObject;
  }
  const user = userKeypair(c.userKey);
  const sessionKey = await SessionKey.create({
    address: user.toSuiAddress(),
    packageId: plan.packageId,
    ttlMin: c.ttlMin ?? 10,
    signer: user,
    suiClient,
  });
  const parsed = EncryptedObject.parse(data);
  const tx = new Transaction();
  tx.moveCall({
    target: `${plan.packageId}::${c.module ?? 'harness'}::seal_approve`,
    arguments: [tx.pure.vector('u8', fromHex(parsed.id))],
  });
  const txBytes = await tx.build({ onlyTransactionKind: true });
  const plaintext = await client.decrypt({
    data,
    sessionKey,
    txBytes,
    checkShareConsistency: c.checkShareConsistency ?? true,
  });
  return {
    ok: true,
    plaintext: Buffer.from(plaintext).toString('base64'),
    object: Buffer.from(data).toString('base64'),
    user: user.toSuiAddress(),
  };
}

/** Encrypts one object per id, fetches all keys with one PTB of several seal_approve calls, decrypts each. */
async function runMultiIdCase(plan, c, suiClient, client) {
  const plaintext = new Uint8Array(Buffer.from(c.plaintext, 'base64'));
  const objects = [];
  for (const id of c.ids) {
    objects.push((await client.encrypt({ threshold: c.threshold, packageId: plan.packageId, id, data: plaintext })).encryptedObject);
  }
  const user = userKeypair(c.userKey);
  const sessionKey = await SessionKey.create({ address: user.toSuiAddress(), packageId: plan.packageId, ttlMin: 10, signer: user, suiClient });
  const tx = new Transaction();
  for (const id of c.ids) {
    tx.moveCall({ target: `${plan.packageId}::${c.module ?? 'harness'}::seal_approve`, arguments: [tx.pure.vector('u8', fromHex(id))] });
  }
  const txBytes = await tx.build({ onlyTransactionKind: true });
  await client.fetchKeys({ ids: c.ids, txBytes, sessionKey, threshold: c.threshold });
  const out = [];
  for (const data of objects) {
    out.push(Buffer.from(await client.decrypt({ data, sessionKey, txBytes })).toString('base64'));
  }
  return { ok: out.every((p) => p === c.plaintext), plaintext: out[0], count: out.length, user: user.toSuiAddress() };
}

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const c of plan.cases) {
  try {
    results.push({ name: c.name, ...(await runCase(plan, c)) });
  } catch (e) {
    results.push({ name: c.name, ok: false, error: e?.constructor?.name ?? 'Error', message: String(e?.message ?? e) });
  }
}
// Java-made session certificates, checked by the SDK's own SessionKey: same personal message
// bytes, and a signature the SDK accepts for the claimed address.
const sessions = [];
for (const j of plan.javaSessions ?? []) {
  try {
    const sk = SessionKey.import(
      {
        address: j.address,
        packageId: plan.packageId,
        creationTimeMs: j.creationTimeMs,
        ttlMin: j.ttlMin,
        personalMessageSignature: j.signature,
        sessionKey: j.sessionSecretKey,
      },
      inMemorySuiClient(plan.servers),
    );
    const message = new TextDecoder().decode(sk.getPersonalMessage());
    let verified = true;
    try {
      await verifyPersonalMessageSignature(sk.getPersonalMessage(), j.signature, { address: j.address });
    } catch {
      verified = false;
    }
    const cert = await sk.getCertificate();
    sessions.push({ ok: true, message, verified, sessionVk: cert.session_vk });
  } catch (e) {
    sessions.push({ ok: false, error: e?.constructor?.name ?? 'Error', message: String(e?.message ?? e) });
  }
}
process.stdout.write(JSON.stringify({ results, sessions }) + '\n');
