package dev.haulout.dataset;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.KeyServer;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.wire.Hex;
import dev.haulout.wire.SuiAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts an operator's key servers on the ledger, once. The ledger assigns a {@code KeyServer}'s
 * object id from the registering transaction's digest, and that id is what the server serves in
 * {@code /v1/service} and what every {@code EncryptedObject} sealed to it names — so registration
 * comes first and the server starts with the id the ledger gave it. The ledger itself is the
 * record: a master key already registered by this operator ({@code owner} = the operator's
 * address, same public key) keeps its object, so a restart with the same state (same master keys,
 * same operator key) gets the same ids and creates no second object.
 */
public final class KeyServerRegistration {
  private static final SecureRandom NONCES = new SecureRandom();

  private KeyServerRegistration() {}

  /** A key server to register: its name, public key (96-byte compressed G2), first URL and weight. */
  public record Spec(String name, byte[] publicKey, String url, int weight) {
    public Spec {
      publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }
  }

  /**
   * The object id of each spec's key server, in order: the existing {@code KeyServer} object the
   * operator owns for that public key, else a new one registered now. Throws {@code
   * LedgerException} as the ledger refuses (e.g. {@code INVALID_URL}).
   */
  public static List<SuiAddress> ensureRegistered(Ledger ledger, Ed25519KeyPair operator, List<Spec> specs) {
    List<KeyServer> existing = ledger.keyServers();
    List<SuiAddress> ids = new ArrayList<>(specs.size());
    for (Spec s : specs) {
      String pk = Hex.encode(s.publicKey());
      Optional<KeyServer> mine = existing.stream()
          .filter(k -> operator.address().toString().equals(k.owner()) && pk.equals(k.publicKey())).findFirst();
      if (mine.isPresent()) {
        ids.add(SuiAddress.parse(mine.get().id()));
        continue;
      }
      String id = submit(ledger, operator, new TxKind.RegisterKeyServer(s.name(), s.url(), pk, s.weight()))
          .createdObjects().get(0);
      ids.add(SuiAddress.parse(id));
    }
    return ids;
  }

  /**
   * Moves each of the operator's key servers to the URL it listens on now (ports can change from
   * one start to the next); one {@code UpdateKeyServer} per server whose ledger URL differs.
   * Returns how many were updated.
   */
  public static int publishUrls(Ledger ledger, Ed25519KeyPair operator, Map<SuiAddress, String> urls) {
    int n = 0;
    for (KeyServer k : ledger.keyServers()) {
      if (k.id() == null || !SuiAddress.isValid(k.id())) {
        continue;
      }
      String url = urls.get(SuiAddress.parse(k.id()));
      if (url != null && operator.address().toString().equals(k.owner()) && !url.equals(k.url())) {
        submit(ledger, operator, new TxKind.UpdateKeyServer(k.id(), url));
        n++;
      }
    }
    return n;
  }

  private static dev.haulout.chain.TxReceipt submit(Ledger ledger, Ed25519KeyPair operator, TxKind kind) {
    long nonce = NONCES.nextLong();
    return ledger.submit(Transactions.sign(operator, new TransactionData(operator.address().toString(), nonce, 0, kind)));
  }
}
