package dev.haulout.seal.server.ptb;

import dev.haulout.wire.SuiAddress;

/** One input of a programmable transaction ({@code CallArg} enum). */
public sealed interface PtbInput {
  /** {@code CallArg::Pure}: BCS bytes of a pure value. */
  record Pure(byte[] bytes) implements PtbInput {
    public Pure {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** {@code CallArg::Object}: an owned/immutable, shared or receiving object reference. */
  record ObjectRef(Kind kind, SuiAddress objectId, long version, boolean mutable)
      implements PtbInput {
    /** BCS variant order of Sui's {@code ObjectArg}. */
    public enum Kind {
      IMM_OR_OWNED,
      SHARED,
      RECEIVING
    }
  }

  /** {@code CallArg::FundsWithdrawal}: never valid in a key request, kept only to parse. */
  record FundsWithdrawal() implements PtbInput {}
}
