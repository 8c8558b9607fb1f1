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
        new TxKind.VotePrices(B, 1, 2), new TxKind.InvalidateBlobId(new byte[32], List.of(1, 3), new byte[96]),
        new TxKind.RegisterKeyServer("ks-0", "http://127.0.0.1:9500", "ab".repeat(96), 2),
        new TxKind.UpdateKeyServer(B, "https://ks.example.org/"));
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
  void keyServerKindsHaveTheirOwnTagsAndDocumentedLayout() {
    byte[] reg = TxCodec.encode(new TransactionData(A, 1, 0, new TxKind.RegisterKeyServer("ks", "http://h", "cd", 258)));
    // tag 19, then string "ks", string "http://h", string "cd", u32le 258
    byte[] tail = Arrays.copyOfRange(reg, 49, reg.length);
    assertArrayEquals(new byte[] {19, 2, 'k', 's', 8, 'h', 't', 't', 'p', ':', '/', '/', 'h', 2, 'c', 'd', 2, 1, 0, 0},
        tail);
    byte[] upd = TxCodec.encode(new TransactionData(A, 1, 0, new TxKind.UpdateKeyServer(B, "http://h")));
    assertEquals(20, upd[49]);
    assertEquals(0x22, upd[50]);
    assertEquals(1 + 32 + 8 + 8 + 1 + 32 + 1 + 8, upd.length);
    assertEquals(new TxKind.UpdateKeyServer(B, "http://h"), TxCodec.decode(upd).kind());
  }

  @Test
  void keyServerWeightAboveIntRangeDoesNotDecode() {
    byte[] reg = TxCodec.encode(new TransactionData(A, 1, 0, new TxKind.RegisterKeyServer("ks", "http://h", "cd", 1)));
    reg[reg.length - 1] = (byte) 0x80; // u32le 0x80000001
    assertThrows(IllegalArgumentException.class, () -> TxCodec.decode(reg));
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
