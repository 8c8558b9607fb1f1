package dev.haulout.seal.crypto.tss;

import java.util.Arrays;

/** A Shamir share: the evaluation {@code value[j] = p_j(index)} of the per-byte polynomials. */
public record Share(int index, byte[] value) {
  public Share {
    if (index < 1 || index > 255) {
      throw new IllegalArgumentException("share index must be in 1..255, got " + index);
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Share
        && ((Share) o).index == index
        && Arrays.equals(((Share) o).value, value);
  }

  @Override
  public int hashCode() {
    return 31 * index + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Share[index=" + index + ", redacted]";
  }
}
