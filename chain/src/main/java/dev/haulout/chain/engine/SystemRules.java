package dev.haulout.chain.engine;

import dev.haulout.chain.model.SystemState;
import java.util.List;

/** The ledger's own operations, not signed by a user: genesis and the end of an epoch. */
final class SystemRules {
  private SystemRules() {}

  /** Creates the system object if absent (idempotent). */
  static void genesis(RuleContext ctx, long epochStartMs) {
    if (ctx.state.object(SystemState.ID).isEmpty()) {
      SystemState sys = new SystemState(SystemState.ID, 0, epochStartMs, ctx.config.epochLengthMs(),
          ctx.config.storagePricePerUnit(), ctx.config.writePricePerUnit(), ctx.config.nShards(),
          ctx.config.maxEpochsAhead(), List.of());
      long v = ctx.create(sys);
      ctx.event("EpochAdvanced", sys.id(), v, EventBodies.of("epoch", 0, "storagePricePerUnit",
          sys.storagePricePerUnit(), "writePricePerUnit", sys.writePricePerUnit(), "committee", List.of()));
    }
  }

  /** Advances only if the current epoch's length has elapsed (checked under the lock). */
  static void advanceEpochIfDue(RuleContext ctx) {
    SystemState sys = ctx.system();
    if (ctx.nowMs >= sys.epochStartMs() + sys.epochLengthMs()) {
      new EpochTransition(ctx).run(sys, sys.epochStartMs() + sys.epochLengthMs());
    }
  }

  static void advanceEpoch(RuleContext ctx) {
    new EpochTransition(ctx).run(ctx.system(), ctx.nowMs);
  }
}
