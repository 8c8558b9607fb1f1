package dev.haulout.chain.adapter.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.SignedTransaction;
import dev.haulout.chain.TestLedgers;
import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.chain.crypto.NodeOracle;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.TxCodec;
import dev.haulout.chain.tx.TxKind;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A key made by @mysten/sui signs a ledger transaction that the ledger accepts unchanged. */
class SdkSignedTransactionTest {
  @Test
  void ledgerAcceptsTransactionSignedBySuiSdkKey() throws Exception {
    PgOptions pg = TestLedgers.freshSchema("ledger_sdk");
    try (PgLedger ledger = PgLedger.open(pg, LedgerConfig.localnet())) {
      JsonNode key = NodeOracle.call(LedgerJson.tree("[{\"op\":\"keys\",\"count\":1}]")).get(0).get(0);
      SuiAddress sender = SuiAddress.parse(key.get("address").asText());
      ledger.faucet(sender, 1_000);
      byte[] bytes = TxCodec.encode(new TransactionData(sender.toString(), 1, 0,
          new TxKind.Transfer(SuiAddress.ZERO.toString(), 400)));
      ArrayNode req = LedgerJson.MAPPER.createArrayNode();
      req.addObject().put("op", "signTx").put("secretKey", key.get("secretKey").asText())
          .put("txB64", Base64.getEncoder().encodeToString(bytes));
      String sig = NodeOracle.call(req).get(0).get("signature").asText();
      ledger.submit(new SignedTransaction(bytes, sig));
      assertEquals(600, ledger.balance(sender));
    } finally {
      TestLedgers.dropSchema(pg);
    }
  }
}
