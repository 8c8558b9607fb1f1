package dev.haulout.erasure;

/**
 * The two sliver kinds of Red Stuff. A primary sliver is a row of the expanded matrix (k2
 * symbols), a secondary sliver a column (k1 symbols).
 */
public enum Axis {
  PRIMARY,
  SECONDARY;

  /** The other axis. */
  public Axis orthogonal() {
    return this == PRIMARY ? SECONDARY : PRIMARY;
  }

  /** Lower-case name as used in the storage-node URL paths ({@code primary}, {@code secondary}). */
  public String pathName() {
    return this == PRIMARY ? "primary" : "secondary";
  }
}
