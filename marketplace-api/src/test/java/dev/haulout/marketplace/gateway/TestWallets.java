package dev.haulout.marketplace.gateway;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.marketplace.application.port.Wallets;
import dev.haulout.marketplace.domain.Viewer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Managed wallets held in memory, one fresh Ed25519 key per OIDC subject, for the gateway test
 * until the real {@code Wallets} adapter (encrypted keys in PostgreSQL) is on main; the gateway
 * only needs the port's contract: a subject's managed wallet with its signer.
 */
@Alternative
@ApplicationScoped
public class TestWallets implements Wallets {
  private final Map<String, Ed25519KeyPair> keys = new ConcurrentHashMap<>();

  @Override
  public Uni<Wallet> walletOf(Viewer viewer) {
    return Uni.createFrom().item(() -> {
      Ed25519KeyPair k = keyOf(viewer.subject());
      return new Wallet(viewer.subject(), k.address(), true, k);
    });
  }

  public Ed25519KeyPair keyOf(String subject) {
    return keys.computeIfAbsent(subject, s -> Ed25519KeyPair.generate());
  }
}
