package dev.haulout.marketplace;

import static dev.haulout.marketplace.PurchaseTest.marketplaceKey;
import static dev.haulout.marketplace.TestSupport.agentToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.haulout.chain.Wal;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.dataset.Receipt;
import dev.haulout.marketplace.adapter.embedded.EmbeddedNetwork;
import dev.haulout.storage.ProgressListener;
import dev.haulout.wire.SuiAddress;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official {@code @mysten/sui} SDK (src/test/js/sui-wallet.mjs, Node 20) as a user's own
 * wallet: the agent links an SDK Ed25519 key by signing walletChallenge with signPersonalMessage
 * (another key's signature is refused), and pays a quote with signTransaction over the bytes
 * purchaseTransaction returned. Skips, naming the reason, without node or the npm packages.
 */
@QuarkusTest
@TestProfile(EmbeddedNetworkProfile.class)
@WithTestResource(value = ServicesTestResource.class, scope = TestResourceScope.GLOBAL)
class SuiSdkWalletInteropTest {
  static final long WAL = Wal.FROST_PER_WAL;
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedNetwork network;

  @Test
  void anSdkWalletLinksBySigningTheChallengeAndSignsItsOwnPurchase() throws Exception {
    NodeInterop.unavailable().ifPresent(reason -> Assumptions.abort("@mysten/sui interop skipped: " + reason));
    Ed25519KeyPair seller = Ed25519KeyPair.generate();
    network.ledger().faucet(seller.address(), 10 * WAL);
    byte[] data = ("sdk dataset " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String blobId;
    try (var store = network.storage().blobStore(seller)) {
      blobId = store.store(new ByteArrayInputStream(data), data.length, 3, ProgressListener.NONE).blobId();
    }
    String listingId = network.ledger().submit(Transactions.sign(seller, new TransactionData(seller.address().toString(),
        System.nanoTime(), 0, new TxKind.CreateListing(new ListingSpec(blobId, null, "SDK " + UUID.randomUUID(), "",
            List.of(), "CC0-1.0", data.length, "txt", null, null, 3 * WAL, 0, 0, null))))).createdObjects().get(0);

    String agent = agentToken();
    String managed = TestSupport.graphql("{ me { wallet { address managed } } }", Map.of(), agent).then().statusCode(200)
        .extract().path("data.me.wallet.address");
    long managedBalance = network.ledger().balance(SuiAddress.parse(managed));
    JsonNode out = JSON.readTree(NodeInterop.run(List.of("node", "sui-wallet.mjs",
        "http://127.0.0.1:" + RestAssured.port + "/graphql", agent, listingId), 120));
    String address = out.get("address").asText();
    try {
      assertEquals("INVALID_SIGNATURE", out.get("foreignCode").asText(), out.toString());
      assertTrue(out.get("linkCode").isNull(), out.toString());
      assertEquals(address, out.get("linked").get("address").asText());
      assertFalse(out.get("linked").get("managed").asBoolean());
      assertEquals(address, out.get("me").get("address").asText(), "me.wallet is the SDK's address");
      assertFalse(out.get("me").get("managed").asBoolean());
      assertEquals(managedBalance, out.get("me").get("balanceFrost").asLong(), "the managed WAL moved to it");
      assertEquals(address, out.get("quote").get("buyer").asText());
      assertTrue(out.get("sdkVerified").asBoolean());

      JsonNode p = out.get("purchase");
      assertTrue(p.hasNonNull("txDigest"), out.toString());
      assertEquals(out.get("transaction").get("digest").asText(), p.get("txDigest").asText());
      AccessPass pass = (AccessPass) network.ledger().object(p.get("accessId").asText()).orElseThrow().object();
      assertEquals(address, pass.owner(), "the pass belongs to the SDK wallet");
      assertEquals(listingId, pass.listingId());
      assertEquals(managedBalance - 3 * WAL, network.ledger().balance(SuiAddress.parse(address)), "charged once");
      Receipt r = Receipt.verify(p.get("receipt").asText(), marketplaceKey());
      assertEquals(address, r.buyer());
      assertEquals(p.get("txDigest").asText(), out.get("again").get("txDigest").asText(), "a resubmit is the same purchase");
    } finally {
      // other test classes of this profile use the agent's managed wallet
      WalletTest.exec("UPDATE wallet SET linked_address = NULL, linked_ms = NULL WHERE linked_address = '" + address + "'");
    }
  }
}
