package dev.haulout.marketplace.application.port;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.marketplace.domain.Viewer;
import dev.haulout.wire.SuiAddress;
import io.smallrye.mutiny.Uni;

/**
 * Each OIDC subject's wallet (docs/commerce.md): a managed wallet created (and on the localnet
 * funded) on first use, or an address the user linked by signing a challenge.
 */
public interface Wallets {
  /** The caller's wallet, creating a managed one on first use. */
  Uni<Wallet> walletOf(Viewer viewer);

  /**
   * The caller's managed wallet (with its signer) even when an own address is linked: the seller of
   * the listings it published, which only it can update or delist. Created on first use.
   */
  Uni<Wallet> managedWalletOf(Viewer viewer);

  /**
   * A fresh challenge for {@link #link}: the text the user signs as a Sui personal message. Single
   * use; a new one replaces the previous; valid for {@code haulout.wallet.challenge-ttl}.
   */
  Uni<String> challenge(Viewer viewer);

  /**
   * Links {@code address} to the viewer's account when {@code signature} (Sui serialized, base64)
   * signs the viewer's current challenge as a personal message by that address; from then on
   * {@link #walletOf} answers the linked wallet. Before the link is stored, the managed wallet's
   * passes and WAL move to {@code address} ({@link
   * dev.haulout.marketplace.application.WalletSweep}); a failed sweep links nothing. Fails with
   * {@code CHALLENGE_EXPIRED} (no current challenge) or {@code INVALID_SIGNATURE}.
   */
  Uni<Wallet> link(Viewer viewer, SuiAddress address, String signature);

  /**
   * A wallet: {@code signer} is the decrypted key of a managed wallet, null for a linked address
   * (whose owner signs their own transactions). Never log or serialise {@code signer}.
   */
  record Wallet(String subject, SuiAddress address, boolean managed, Ed25519KeyPair signer) {
    @Override
    public String toString() {
      return "Wallet[" + subject + ", " + address + (managed ? ", managed" : ", linked") + "]";
    }
  }
}
