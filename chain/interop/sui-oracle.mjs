// Interop oracle for haulout-chain's Java crypto: reads one JSON request on stdin, answers with
// @mysten/sui (the official TypeScript SDK) on stdout. Written for this project; ops:
//   {"op":"keys","count":n[,"scheme":"ed25519"|"secp256k1"|"secp256r1"]} -> fresh SDK keys with address/pubkey
//   {"op":"derive","secretKey":"suiprivkey1..."}             -> address, publicKey
//   {"op":"signPersonal","secretKey":..,"messageB64":..}     -> serialized signature
//   {"op":"signTx","secretKey":..,"txB64":..}                -> serialized signature
//   {"op":"verifyPersonal","messageB64":..,"signature":..,"address":..} -> {"ok":bool}
//   {"op":"verifyTx","txB64":..,"signature":..,"address":..}            -> {"ok":bool}
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519';
import { Secp256k1Keypair } from '@mysten/sui/keypairs/secp256k1';
import { Secp256r1Keypair } from '@mysten/sui/keypairs/secp256r1';
import { decodeSuiPrivateKey } from '@mysten/sui/cryptography';
import { verifyPersonalMessageSignature, verifyTransactionSignature } from '@mysten/sui/verify';

const b64 = (s) => Uint8Array.from(Buffer.from(s, 'base64'));
const CLASSES = { ed25519: Ed25519Keypair, secp256k1: Secp256k1Keypair, secp256r1: Secp256r1Keypair };
const BY_SCHEMA = { ED25519: Ed25519Keypair, Secp256k1: Secp256k1Keypair, Secp256r1: Secp256r1Keypair };

// the keypair of a bech32 suiprivkey of any of the three single-key schemes
function keypair(secretKey) {
  const { scheme, secretKey: raw } = decodeSuiPrivateKey(secretKey);
  return BY_SCHEMA[scheme].fromSecretKey(raw);
}

async function handle(req) {
  switch (req.op) {
    case 'keys': {
      const out = [];
      for (let i = 0; i < req.count; i++) {
        const kp = new CLASSES[req.scheme || 'ed25519']();
        out.push({ secretKey: kp.getSecretKey(), address: kp.toSuiAddress(),
                   publicKey: kp.getPublicKey().toBase64(), suiPublicKey: kp.getPublicKey().toSuiPublicKey() });
      }
      return out;
    }
    case 'derive': {
      const kp = keypair(req.secretKey);
      return { address: kp.toSuiAddress(), publicKey: kp.getPublicKey().toBase64(), secretKey: kp.getSecretKey() };
    }
    case 'signPersonal': {
      const kp = keypair(req.secretKey);
      return { signature: (await kp.signPersonalMessage(b64(req.messageB64))).signature };
    }
    case 'signTx': {
      const kp = keypair(req.secretKey);
      return { signature: (await kp.signTransaction(b64(req.txB64))).signature };
    }
    case 'verifyPersonal':
      try {
        await verifyPersonalMessageSignature(b64(req.messageB64), req.signature, { address: req.address });
        return { ok: true };
      } catch (e) {
        return { ok: false, reason: String(e.message || e) };
      }
    case 'verifyTx':
      try {
        await verifyTransactionSignature(b64(req.txB64), req.signature, { address: req.address });
        return { ok: true };
      } catch (e) {
        return { ok: false, reason: String(e.message || e) };
      }
    default:
      throw new Error('unknown op ' + req.op);
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const reqs = JSON.parse(input);
  const out = [];
  for (const r of reqs) out.push(await handle(r));
  process.stdout.write(JSON.stringify(out));
});
