package dev.haulout.chain.tx;

import dev.haulout.chain.crypto.Bcs;
import dev.haulout.chain.crypto.SuiAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Minimal BCS writer: little-endian integers, ULEB128 lengths, 32-byte addresses. */
public final class BcsWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public BcsWriter u8(int v) {
    out.write(v);
    return this;
  }

  public BcsWriter bool(boolean v) {
    return u8(v ? 1 : 0);
  }

  public BcsWriter u32(int v) {
    for (int i = 0; i < 4; i++) {
      out.write(v >>> (8 * i));
    }
    return this;
  }

  public BcsWriter u64(long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  public BcsWriter uleb(long v) {
    out.writeBytes(Bcs.uleb128(v));
    return this;
  }

  public BcsWriter address(String addr) {
    out.writeBytes(SuiAddress.parse(addr).bytes());
    return this;
  }

  public BcsWriter bytes(byte[] b) {
    out.writeBytes(Bcs.vectorU8(b));
    return this;
  }

  public BcsWriter string(String s) {
    return bytes((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
  }

  public BcsWriter strings(List<String> list) {
    uleb(list.size());
    list.forEach(this::string);
    return this;
  }

  public BcsWriter addresses(List<String> list) {
    uleb(list.size());
    list.forEach(this::address);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
