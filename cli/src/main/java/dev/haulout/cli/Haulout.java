package dev.haulout.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
    description = "Haulout command-line tool: the marketplace (login, search, publish, buy, rent, library, get, verify-receipt), blobs, sealing, wallet and storage.",
    subcommands = {
      CommandLine.HelpCommand.class,
      dev.haulout.cli.erasure.BlobIdCommand.class,
      dev.haulout.cli.erasure.EncodeCommand.class,
      dev.haulout.cli.erasure.DecodeCommand.class,
      dev.haulout.cli.seal.SealCommand.class,
      dev.haulout.cli.wallet.WalletCommand.class,
      dev.haulout.cli.storage.StoreCommand.class,
      dev.haulout.cli.storage.ReadCommand.class,
      dev.haulout.cli.market.LoginCommand.class,
      dev.haulout.cli.market.LogoutCommand.class,
      dev.haulout.cli.market.SearchCommand.class,
      dev.haulout.cli.market.PublishCommand.class,
      dev.haulout.cli.market.BuyCommand.class,
      dev.haulout.cli.market.RentCommand.class,
      dev.haulout.cli.market.LibraryCommand.class,
      dev.haulout.cli.market.GetCommand.class,
      dev.haulout.cli.market.VerifyReceiptCommand.class,
    })
public final class Haulout {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** A Walrus blob ID in its display form: 43 characters of base64url (32 bytes, no padding). */
  private static final Pattern BLOB_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Runs the command line and returns the exit code (used by tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Haulout());
    cl.setParameterExceptionHandler(
        (ex, args2) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("error: USAGE: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("error: " + describe(ex));
          return 2;
        });
    return cl.execute(protectBlobIds(args));
  }

  /**
   * A blob ID may start with '-' (base64url), which picocli would read as options; such arguments
   * are moved behind {@code --} so they stay positional ({@code haulout read -iP9M…} works).
   */
  static String[] protectBlobIds(String[] args) {
    List<String> ids = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    boolean endOfOptions = false;
    for (String a : args) {
      if (a.equals("--")) {
        endOfOptions = true;
      }
      if (!endOfOptions && a.startsWith("-") && BLOB_ID.matcher(a).matches()) {
        ids.add(a);
      } else {
        rest.add(a);
      }
    }
    if (ids.isEmpty()) {
      return args;
    }
    if (!endOfOptions) {
      rest.add("--");
    }
    rest.addAll(ids);
    return rest.toArray(String[]::new);
  }

  /** A one-line message for an error escaping a command: what went wrong, never a stack trace. */
  static String describe(Throwable ex) {
    if (ex instanceof dev.haulout.cli.market.CliError e) {
      return e.code() + ": " + e.getMessage();
    }
    if (ex instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    if (ex instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (ex instanceof FileSystemException e) {
      return (e.getReason() == null ? "cannot use file" : e.getReason()) + ": " + e.getFile();
    }
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Haulout.class.getPackage().getImplementationVersion();
      return new String[] {"haulout " + (v == null ? "dev" : v)};
    }
  }
}
