package dev.haulout.seal.server.ptb;

/** One command of a programmable transaction; only Move calls matter to a key server. */
public sealed interface PtbCommand permits PtbMoveCall, PtbCommand.Other {
  /** Any non-MoveCall command (TransferObjects, SplitCoins, ...), by its BCS variant index. */
  record Other(int variant) implements PtbCommand {}
}
