package dev.haulout.cli.market;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout buy LISTING [--json]}: a perpetual pass, paid by the managed wallet or signed by your linked one; asks nothing. */
@Command(name = "buy", mixinStandardHelpOptions = true, description = "Buy a perpetual pass to a listing (no confirmation is asked).")
public final class BuyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MarketOptions market;

  @Parameters(index = "0", paramLabel = "LISTING", description = "Listing id (0x…).")
  String listing;

  @Option(names = "--json", description = "Print the purchase as one JSON object.")
  boolean json;

  @Option(names = "--keystore", paramLabel = "FILE",
      description = "Key of your linked wallet, which signs the purchase (default $HAULOUT_WALLET or ~/.haulout/wallet.key); unused for a managed wallet.")
  java.nio.file.Path keystore;

  @Override
  public Integer call() throws Exception {
    return Purchases.run(new Market(market), listing, "BUY", null, Purchases.keystore(keystore), json, spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
