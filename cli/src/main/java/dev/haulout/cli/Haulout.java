package dev.haulout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code haulout} command. Each capability adds its subcommands to the
 * {@code subcommands} list below; a subcommand is a picocli {@code @Command} class in
 * {@code dev.haulout.cli.<area>} implementing {@link java.util.concurrent.Callable}.
 */
@Command(
    name = "haulout",
    mixinStandardHelpOptions = true,
    versionProvider = Haulout.Version.class,
    description = "Haulout command-line tool: blobs, sealing, wallet and storage.",
    subcommands = {
      CommandLine.HelpCommand.class,
      dev.haulout.cli.erasure.BlobIdCommand.class,
      dev.haulout.cli.erasure.EncodeCommand.class,
      dev.haulout.cli.erasure.DecodeCommand.class,
      dev.haulout.cli.seal.SealCommand.class,
      dev.haulout.cli.wallet.WalletCommand.class,
      dev.haulout.cli.storage.StoreCommand.class,
      dev.haulout.cli.storage.ReadCommand.class,
    })
public final class Haulout {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (used by tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Haulout());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("error: " + ex.getMessage());
          return 2;
        });
    return cl.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Haulout.class.getPackage().getImplementationVersion();
      return new String[] {"haulout " + (v == null ? "dev" : v)};
    }
  }
}
