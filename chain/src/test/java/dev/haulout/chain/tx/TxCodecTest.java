package dev.haulout.chain.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.haulout.chain.TestLedgers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxCodecTest {
  private static final String A = "0x" + "11".repeat(32);
  private static final String B = "0x" + "22".repeat(32);

  @Test
  void everyKindRoundTripsToIdenticalBytes() {
    List<TxKind> kinds = List.of(
        new TxKind.Transfer(B, 5),
        new TxKind.CreateListing(TestLedgers.spec(10, 2, 1000, null)),
        new TxKind.UpdateListing(B, TestLedgers.spec(10, 2, 1000, List.of(A, B))),
        new TxKind.Delist(B), new TxKind.Buy(B, 10), new TxKind.Rent(B, 3, 30), new TxKind.ExtendRental(B, 1, 9),
        new TxKind.AllowlistAdd(B, A), new TxKind.AllowlistRemove(B, A), new TxKind.TransferObject(B, A),
        new TxKind.BuyStorage(1 << 20, 5), new TxKind.RegisterBlob(B, new byte[32], new byte[32], 17, 1, true),
        new TxKind.CertifyBlob(B, List.of(0, 2, 5), new byte[48]),
        new TxKind.RegisterNode("node-0", "pk", 1000, 5, 6), new TxKind.Stake(B, 7), new TxKind.Unstake(B), new TxKind.WithdrawStake(B),
        new TxKind.VotePrices(B, 1, 2), new TxKind.InvalidateBlobId(new byte[32], List.of(1, 3), new byte[96]));
    for (TxKind k : kinds) {
      TransactionData tx = new TransactionData(A, -1L, 99, k);
      byte[] bytes = TxCodec.encode(tx);
      TransactionData back = TxCodec.decode(bytes);
      assertArrayEquals(bytes, TxCodec.encode(back), k.getClass().getSimpleName());
      assertEquals(k.tag(), bytes[49], "tag follows version, sender, nonce, expiration");
    }
  }

  @Test
  void transferLayoutIsDocumentedBcs() {
    byte[] b = TxCodec.encode(new TransactionData(A, 1, 0, new TxKind.Transfer(B, 258)));
    assertEquals(1 + 32 + 8 + 8 + 1 + 32 + 8, b.length);
    assertEquals(1, b[0]);
    assertEquals(0x11, b[1]);
    assertEquals(1, b[33]);
    assertEquals(0x22, b[50]);
    assertEquals(2, b[82]);
    assertEquals(1, b[83]);
  }

  @Test
  void rejectsTrailingTruncatedAndUnknownInput() {
    byte[] b = TxCodec.encode(new TransactionData(A, 1, 0, new TxKind.Delist(B)));
    byte[] longer = Arrays.copyOf(b, b.length + 1);
    assertThrows(IllegalArgumentException.class, () -> TxCodec.decode(longer));
    assertThrows(IllegalArgumentException.class, () -> TxCodec.decode(Arrays.copyOf(b, b.length - 1)));
    byte[] unknown = b.clone();
    unknown[49] = 99;
    assertThrows(IllegalArgumentException.class, () -> TxCodec.decode(unknown));
    byte[] version = b.clone();
    version[0] = 2;
    assertThrows(IllegalArgumentException.class, () -> TxCodec.decode(version));
  }
}
