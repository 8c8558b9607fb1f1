package dev.haulout.seal.server.ptb;

import dev.haulout.wire.SuiAddress;
import java.util.List;

/** {@code Command::MoveCall}: {@code package::module::function<typeArguments>(arguments)}. */
public record PtbMoveCall(
    SuiAddress packageId,
    String module,
    String function,
    int typeArgumentCount,
    List<PtbArgument> arguments)
    implements PtbCommand {
  public PtbMoveCall {
    arguments = List.copyOf(arguments);
  }
}
