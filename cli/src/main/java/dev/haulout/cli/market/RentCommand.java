package dev.haulout.cli.market;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout rent LISTING --periods N [--json]}: N rent periods, paid by the managed wallet or signed by your linked one. */
@Command(name = "rent", mixinStandardHelpOptions = true, description = "Rent a listing for N periods (no confirmation is asked).")
public final class RentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MarketOptions market;

  @Parameters(index = "0", paramLabel = "LISTING", description = "Listing id (0x…).")
  String listing;

  @Option(names = "--periods", required = true, paramLabel = "N", description = "Number of rent periods (1–1000).")
  int periods;

  @Option(names = "--json", description = "Print the purchase as one JSON object.")
  boolean json;

  @Option(names = "--keystore", paramLabel = "FILE",
      description = "Key of your linked wallet, which signs the purchase (default $HAULOUT_WALLET or ~/.haulout/wallet.key); unused for a managed wallet.")
  java.nio.file.Path keystore;

  @Override
  public Integer call() throws Exception {
    if (periods < 1 || periods > 1000) {
      throw new CliError("USAGE", "--periods must be between 1 and 1000");
    }
    return Purchases.run(new Market(market), listing, "RENT", periods, Purchases.keystore(keystore), json, spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
