package dev.haulout.seal.server.ptb;

import dev.haulout.wire.SuiAddress;
import dev.haulout.wire.BcsReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Sui {@code ProgrammableTransaction {inputs: vector<CallArg>, commands: vector<Command>}} decoded
 * from BCS, as the Seal SDK sends it in {@code /v1/fetch_key} (the transaction-kind bytes without
 * their leading {@code TransactionKind} tag). Parsing is strict: trailing bytes are rejected.
 */
public record ProgrammableTransaction(List<PtbInput> inputs, List<PtbCommand> commands) {
  private static final int MAX_TYPE_DEPTH = 16;

  public ProgrammableTransaction {
    inputs = List.copyOf(inputs);
    commands = List.copyOf(commands);
  }

  /** Decodes the BCS bytes; throws {@link MalformedBcsException} on any deviation. */
  public static ProgrammableTransaction parse(byte[] bcs) {
    BcsReader r = new BcsReader(bcs, (offset, detail) -> new MalformedBcsException(detail));
    int nInputs = r.length();
    List<PtbInput> inputs = new ArrayList<>(Math.min(nInputs, 1024));
    for (int i = 0; i < nInputs; i++) {
      inputs.add(readCallArg(r));
    }
    int nCommands = r.length();
    List<PtbCommand> commands = new ArrayList<>(Math.min(nCommands, 1024));
    for (int i = 0; i < nCommands; i++) {
      commands.add(readCommand(r));
    }
    if (!r.atEnd()) {
      throw new MalformedBcsException("trailing bytes after ProgrammableTransaction");
    }
    return new ProgrammableTransaction(inputs, commands);
  }

  private static PtbInput readCallArg(BcsReader r) {
    int tag = r.variant();
    switch (tag) {
      case 0:
        return new PtbInput.Pure(r.bytes());
      case 1:
        return readObjectArg(r);
      case 2:
        readFundsWithdrawal(r);
        return new PtbInput.FundsWithdrawal();
      default:
        throw new MalformedBcsException("unknown CallArg variant " + tag);
    }
  }

  private static PtbInput readObjectArg(BcsReader r) {
    int tag = r.variant();
    switch (tag) {
      case 0:
      case 2:
        {
          SuiAddress id = SuiAddress.fromBytes(r.fixed(32));
          long version = r.u64();
          r.bytes(); // digest
          PtbInput.ObjectRef.Kind kind =
              tag == 0 ? PtbInput.ObjectRef.Kind.IMM_OR_OWNED : PtbInput.ObjectRef.Kind.RECEIVING;
          return new PtbInput.ObjectRef(kind, id, version, false);
        }
      case 1:
        {
          SuiAddress id = SuiAddress.fromBytes(r.fixed(32));
          long initialSharedVersion = r.u64();
          boolean mutable = r.bool();
          return new PtbInput.ObjectRef(
              PtbInput.ObjectRef.Kind.SHARED, id, initialSharedVersion, mutable);
        }
      default:
        throw new MalformedBcsException("unknown ObjectArg variant " + tag);
    }
  }

  private static void readFundsWithdrawal(BcsReader r) {
    int reservation = r.variant();
    if (reservation != 0) {
      throw new MalformedBcsException("unknown Reservation variant " + reservation);
    }
    r.u64();
    int withdrawalType = r.variant();
    if (withdrawalType != 0) {
      throw new MalformedBcsException("unknown WithdrawalType variant " + withdrawalType);
    }
    skipTypeTag(r, 0);
    int from = r.variant();
    if (from == 2) {
      r.fixed(32);
      r.fixed(32);
    } else if (from > 2) {
      throw new MalformedBcsException("unknown WithdrawFrom variant " + from);
    }
  }

  private static PtbCommand readCommand(BcsReader r) {
    int tag = r.variant();
    switch (tag) {
      case 0:
        {
          SuiAddress pkg = SuiAddress.fromBytes(r.fixed(32));
          String module = r.string();
          String function = r.string();
          int nTypes = r.length();
          for (int i = 0; i < nTypes; i++) {
            skipTypeTag(r, 0);
          }
          return new PtbMoveCall(pkg, module, function, nTypes, readArguments(r));
        }
      case 1: // TransferObjects
        readArguments(r);
        readArgument(r);
        break;
      case 2: // SplitCoins
      case 3: // MergeCoins
        readArgument(r);
        readArguments(r);
        break;
      case 4: // Publish
        skipModulesAndDeps(r);
        break;
      case 5: // MakeMoveVec
        {
          int option = r.variant();
          if (option == 1) {
            skipTypeTag(r, 0);
          } else if (option != 0) {
            throw new MalformedBcsException("bad Option tag " + option);
          }
          readArguments(r);
          break;
        }
      case 6: // Upgrade
        skipModulesAndDeps(r);
        r.fixed(32);
        readArgument(r);
        break;
      default:
        throw new MalformedBcsException("unknown Command variant " + tag);
    }
    return new PtbCommand.Other(tag);
  }

  private static void skipModulesAndDeps(BcsReader r) {
    int nModules = r.length();
    for (int i = 0; i < nModules; i++) {
      r.bytes();
    }
    int nDeps = r.length();
    for (int i = 0; i < nDeps; i++) {
      r.fixed(32);
    }
  }

  private static List<PtbArgument> readArguments(BcsReader r) {
    int n = r.length();
    List<PtbArgument> out = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      out.add(readArgument(r));
    }
    return out;
  }

  private static PtbArgument readArgument(BcsReader r) {
    int tag = r.variant();
    switch (tag) {
      case 0:
        return new PtbArgument(PtbArgument.Kind.GAS_COIN, 0, 0);
      case 1:
        return new PtbArgument(PtbArgument.Kind.INPUT, r.u16(), 0);
      case 2:
        return new PtbArgument(PtbArgument.Kind.RESULT, r.u16(), 0);
      case 3:
        return new PtbArgument(PtbArgument.Kind.NESTED_RESULT, r.u16(), r.u16());
      default:
        throw new MalformedBcsException("unknown Argument variant " + tag);
    }
  }

  private static void skipTypeTag(BcsReader r, int depth) {
    if (depth > MAX_TYPE_DEPTH) {
      throw new MalformedBcsException("type tag nested deeper than " + MAX_TYPE_DEPTH);
    }
    int tag = r.variant();
    if (tag == 6) {
      skipTypeTag(r, depth + 1);
    } else if (tag == 7) {
      r.fixed(32);
      r.string();
      r.string();
      int n = r.length();
      for (int i = 0; i < n; i++) {
        skipTypeTag(r, depth + 1);
      }
    } else if (tag > 10) {
      throw new MalformedBcsException("unknown TypeTag variant " + tag);
    }
  }
}
