package dev.haulout.seal.server.ptb;

import dev.haulout.wire.SuiAddress;
import dev.haulout.wire.BcsReader;
import dev.haulout.seal.server.KeyServerErrorCode;
import dev.haulout.seal.server.KeyServerException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PTB that passed Seal's {@code ValidPtb} rules ({@code crates/key-server/src/valid_ptb.rs}):
 * 1..100 commands, at least one input, every command a Move call to the same package whose
 * function starts with {@code seal_approve}, every argument an {@code Input}, the first one a pure
 * {@code vector<u8>}: the inner identity. One key is issued per call, in command order.
 */
public record SealApprovePtb(SuiAddress packageId, List<Call> calls) {
  public static final int MAX_COMMANDS = 100;
  public static final String FUNCTION_PREFIX = "seal_approve";

  /** One {@code seal_approve*} call and the inner identity it asks a key for. */
  public record Call(String module, String function, byte[] innerId) {
    public Call {
      innerId = innerId.clone();
    }

    @Override
    public byte[] innerId() {
      return innerId.clone();
    }
  }

  public SealApprovePtb {
    calls = List.copyOf(calls);
  }

  /** Parses and validates; every failure is a {@link KeyServerErrorCode#InvalidPTB}. */
  public static SealApprovePtb validate(byte[] ptbBytes) {
    ProgrammableTransaction ptb;
    try {
      ptb = ProgrammableTransaction.parse(ptbBytes);
    } catch (MalformedBcsException | IllegalArgumentException e) {
      throw invalid("Invalid BCS");
    }
    if (ptb.commands().size() > MAX_COMMANDS) {
      throw invalid("Too many commands in PTB (more than " + MAX_COMMANDS + ")");
    }
    if (ptb.inputs().isEmpty() || ptb.commands().isEmpty()) {
      throw invalid("Empty PTB input or command");
    }
    if (!(ptb.commands().get(0) instanceof PtbMoveCall first)) {
      throw invalid("Invalid first command");
    }
    SuiAddress pkg = first.packageId();
    List<Call> calls = new ArrayList<>(ptb.commands().size());
    for (PtbCommand command : ptb.commands()) {
      if (!(command instanceof PtbMoveCall call)) {
        throw invalid("Non MoveCall command");
      }
      calls.add(toCall(ptb, pkg, call));
    }
    return new SealApprovePtb(pkg, calls);
  }

  private static Call toCall(ProgrammableTransaction ptb, SuiAddress pkg, PtbMoveCall call) {
    if (call.arguments().stream().anyMatch(a -> a.kind() != PtbArgument.Kind.INPUT)) {
      throw invalid("Only inputs are allowed as arguments");
    }
    if (call.arguments().isEmpty()) {
      throw invalid("Empty args");
    }
    int first = call.arguments().get(0).index();
    if (first >= ptb.inputs().size() || !(ptb.inputs().get(first) instanceof PtbInput.Pure pure)) {
      throw invalid("Invalid first parameter for seal_approve");
    }
    byte[] innerId;
    try {
      innerId = decodeVectorU8(pure.bytes());
    } catch (MalformedBcsException e) {
      throw invalid("Invalid BCS for first parameter for seal_approve");
    }
    for (PtbArgument a : call.arguments()) {
      if (a.index() >= ptb.inputs().size()) {
        throw invalid("Argument refers to a missing input " + a.index());
      }
    }
    if (!call.function().startsWith(FUNCTION_PREFIX) || !call.packageId().equals(pkg)) {
      throw invalid("Invalid function or package id");
    }
    return new Call(call.module(), call.function(), innerId);
  }

  private static byte[] decodeVectorU8(byte[] bcs) {
    BcsReader r = new BcsReader(bcs, (offset, detail) -> new MalformedBcsException(detail));
    byte[] v = r.bytes();
    if (!r.atEnd()) {
      throw new MalformedBcsException("trailing bytes after vector<u8>");
    }
    return v;
  }

  private static KeyServerException invalid(String why) {
    return new KeyServerException(KeyServerErrorCode.InvalidPTB, "Invalid PTB: " + why);
  }
}
