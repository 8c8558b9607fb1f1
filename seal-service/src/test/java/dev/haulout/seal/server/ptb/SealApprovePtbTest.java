package dev.haulout.seal.server.ptb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.client.SealApproveTransactions;
import dev.haulout.seal.server.KeyServerErrorCode;
import dev.haulout.seal.server.KeyServerException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealApprovePtbTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SuiAddress PKG = SuiAddress.parse("0x" + "ab".repeat(32));

  /** SPEC §7.3's example: one harness::seal_approve call with id 01020304. */
  private static final String SPEC_EXAMPLE =
      "0100050401020304" + "0100" + "ab".repeat(32) + "07" + HEX.formatHex("harness".getBytes())
          + "0c" + HEX.formatHex("seal_approve".getBytes()) + "0001010000";

  @Test
  void parsesTheSpecExampleIntoOneCallWithItsInnerId() {
    SealApprovePtb ptb = SealApprovePtb.validate(HEX.parseHex(SPEC_EXAMPLE));
    assertEquals(PKG, ptb.packageId());
    assertEquals(1, ptb.calls().size());
    assertEquals("harness", ptb.calls().get(0).module());
    assertEquals("seal_approve", ptb.calls().get(0).function());
    assertArrayEquals(HEX.parseHex("01020304"), ptb.calls().get(0).innerId());
  }

  @Test
  void builderProducesTheSpecExampleBytes() {
    byte[] built = SealApproveTransactions.sealApprove(PKG, "harness", HEX.parseHex("01020304"));
    assertEquals(SPEC_EXAMPLE, HEX.formatHex(built));
  }

  @Test
  void returnsOneCallPerCommandInOrder() {
    byte[] ptb =
        SealApproveTransactions.build(
            PKG, "m", "seal_approve_x", List.of(new byte[] {1}, new byte[] {2, 3}, new byte[0]));
    SealApprovePtb v = SealApprovePtb.validate(ptb);
    assertEquals(3, v.calls().size());
    assertArrayEquals(new byte[] {2, 3}, v.calls().get(1).innerId());
    assertArrayEquals(new byte[0], v.calls().get(2).innerId());
  }

  @Test
  void rejectsFunctionsNotNamedSealApprove() {
    byte[] ptb = SealApproveTransactions.build(PKG, "harness", "approve", List.of(new byte[] {1}));
    assertInvalid(ptb);
  }

  @Test
  void rejectsCallsToTwoPackages() {
    String s = "0100050401020304" + "02" + call("ab".repeat(32)) + call("00".repeat(31) + "02");
    assertInvalid(HEX.parseHex(s));
  }

  @Test
  void acceptsTwoCallsToTheSamePackage() {
    String s = "0100050401020304" + "02" + call("ab".repeat(32)) + call("ab".repeat(32));
    assertEquals(2, SealApprovePtb.validate(HEX.parseHex(s)).calls().size());
  }

  private static String call(String pkgHex) {
    return "00" + pkgHex + "07" + HEX.formatHex("harness".getBytes()) + "0c"
        + HEX.formatHex("seal_approve".getBytes()) + "0001010000";
  }

  @Test
  void rejectsTrailingBytes() {
    assertInvalid(HEX.parseHex(SPEC_EXAMPLE + "00"));
  }

  @Test
  void rejectsTruncatedBytes() {
    assertInvalid(HEX.parseHex(SPEC_EXAMPLE.substring(0, SPEC_EXAMPLE.length() - 4)));
  }

  @Test
  void rejectsAResultArgument() {
    String s = SPEC_EXAMPLE.substring(0, SPEC_EXAMPLE.length() - 6) + "020000";
    assertInvalid(HEX.parseHex(s));
  }

  @Test
  void rejectsAFirstArgumentThatIsNotAPureVector() {
    // pure input holds 05 bytes "05 01020304": length prefix says 5 but only 4 follow
    String s = SPEC_EXAMPLE.replaceFirst("0100050401020304", "0100050501020304");
    assertInvalid(HEX.parseHex(s));
  }

  @Test
  void rejectsAnObjectAsFirstArgument() {
    String objectInput = "01" + "01" + "01".repeat(32) + "0100000000000000" + "00"; // shared, immutable
    String s = "01" + objectInput + SPEC_EXAMPLE.substring("0100050401020304".length());
    assertInvalid(HEX.parseHex(s));
  }

  @Test
  void rejectsNonMoveCallCommands() {
    // TransferObjects([Input(0)], Input(0))
    String s = "0100050401020304" + "01" + "01" + "01" + "010000" + "010000";
    assertInvalid(HEX.parseHex(s));
  }

  @Test
  void rejectsAPtbWithoutInputs() {
    // the upstream signed-request regression PTB: one call, no inputs
    assertInvalid(
        HEX.parseHex(
            "000100d92bc457b42d48924087ea3f22d35fd2fe9afdf5bdfe38cc51c0f14f3282f6d503626c610e7365616c5f617070726f76655f780000"));
  }

  private static void assertInvalid(byte[] ptb) {
    KeyServerException e = assertThrows(KeyServerException.class, () -> SealApprovePtb.validate(ptb));
    assertEquals(KeyServerErrorCode.InvalidPTB, e.code());
    assertEquals(403, e.httpStatus());
  }
}
