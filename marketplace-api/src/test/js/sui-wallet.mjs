// Links a marketplace account to a wallet made by the official @mysten/sui SDK and pays a quote with
// a transaction that wallet signs, through marketplace-api's GraphQL; prints one JSON object with
// what each step answered (SuiSdkWalletInteropTest checks it against the ledger).
//
//   node sui-wallet.mjs GRAPHQL_URL TOKEN LISTING_ID
//
// Steps: a challenge signed by another SDK key (must be refused), the challenge signed with
// Ed25519Keypair.signPersonalMessage → linkWallet, me.wallet, quote → purchaseTransaction →
// Ed25519Keypair.signTransaction over the returned bytes → submitPurchase, and the same submit again.
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519';
import { verifyTransactionSignature } from '@mysten/sui/verify';

const [url, token, listingId] = process.argv.slice(2);

async function gql(query, variables = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return res.json();
}
const code = (r) => r.errors?.[0]?.extensions?.code ?? null;
const LINK = 'mutation($a: String!, $s: String!) { linkWallet(address: $a, signature: $s) { address managed } }';
const challenge = async () => {
  const r = await gql('{ walletChallenge }');
  if (!r.data?.walletChallenge) throw new Error('no challenge: ' + JSON.stringify(r));
  return new TextEncoder().encode(r.data.walletChallenge);
};

const keypair = new Ed25519Keypair();
const address = keypair.toSuiAddress();
const out = { address };

// another key's signature over the challenge, claimed for this address
const other = new Ed25519Keypair();
const foreign = await other.signPersonalMessage(await challenge());
out.foreignCode = code(await gql(LINK, { a: address, s: foreign.signature }));

const { signature } = await keypair.signPersonalMessage(await challenge());
const linked = await gql(LINK, { a: address, s: signature });
out.linked = linked.data?.linkWallet ?? null;
out.linkCode = code(linked);
out.me = (await gql('{ me { wallet { address managed balanceFrost } } }')).data?.me?.wallet ?? null;

const q = await gql('query($l: String!) { quote(listingId: $l, kind: BUY, periods: 1) { token buyer priceFrost } }',
  { l: listingId });
out.quote = q.data?.quote ?? { code: code(q) };
const key = `sdk-${Date.now()}`;
const t = await gql('query($q: String!, $i: String!) { purchaseTransaction(quote: $q, idempotencyKey: $i) { txBytes digest } }',
  { q: out.quote.token, i: key });
out.transaction = t.data?.purchaseTransaction ?? { code: code(t) };
const bytes = Uint8Array.from(Buffer.from(out.transaction.txBytes, 'base64'));
const signed = await keypair.signTransaction(bytes);
// the SDK itself accepts the signature for the bytes (same intent scheme: TransactionData)
await verifyTransactionSignature(bytes, signed.signature, { address });
out.sdkVerified = true;
const SUBMIT = 'mutation($s: String!, $q: String!, $i: String!) { submitPurchase(signedTransaction: $s, quote: $q,'
  + ' idempotencyKey: $i) { listingId txDigest accessId receipt } }';
const body = JSON.stringify({ txBytes: signed.bytes, signature: signed.signature });
const p = await gql(SUBMIT, { s: body, q: out.quote.token, i: key });
out.purchase = p.data?.submitPurchase ?? { code: code(p), message: p.errors?.[0]?.message };
const again = await gql(SUBMIT, { s: body, q: out.quote.token, i: key });
out.again = again.data?.submitPurchase ?? { code: code(again) };
process.stdout.write(JSON.stringify(out));
