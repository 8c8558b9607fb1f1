package dev.haulout.cli.wallet;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.TxReceipt;
import dev.haulout.chain.Wal;
import dev.haulout.chain.client.HttpLedgerClient;
import dev.haulout.chain.crypto.Ed25519KeyPair;
import dev.haulout.wire.SuiAddress;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code haulout wallet new|address|balance|faucet|transfer|export|link}: a Sui-compatible Ed25519
 * key kept as {@code suiprivkey1…} in a 0600 file, talking to a ledger server over HTTP; {@code link}
 * makes it the marketplace account's own wallet (the CLI then signs its session keys itself).
 */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = "Sui-style wallet on the Haulout ledger (WAL in FROST, 1 WAL = 10^9 FROST).",
    subcommands = {
      WalletCommand.New.class,
      WalletCommand.Address.class,
      WalletCommand.Balance.class,
      WalletCommand.Faucet.class,
      WalletCommand.Transfer.class,
      WalletCommand.Export.class,
      WalletCommand.Link.class,
    })
public final class WalletCommand implements Runnable {
  @Option(names = "--keystore", description = "Key file (default $HAULOUT_WALLET or ~/.haulout/wallet.key).")
  Path keystore;

  @Option(names = "--ledger", description = "Ledger server URL (default $HAULOUT_LEDGER_URL or http://127.0.0.1:9400).")
  String ledgerUrl;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Path keystore() {
    if (keystore != null) {
      return keystore;
    }
    String env = System.getenv("HAULOUT_WALLET");
    return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".haulout", "wallet.key");
  }

  String ledgerUrl() {
    if (ledgerUrl != null) {
      return ledgerUrl;
    }
    return System.getenv().getOrDefault("HAULOUT_LEDGER_URL", "http://127.0.0.1:9400");
  }

  Ed25519KeyPair load() throws IOException {
    Path p = keystore();
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("no wallet at " + p + "; run 'haulout wallet new'");
    }
    return Ed25519KeyPair.fromSuiPrivateKey(Files.readString(p, StandardCharsets.UTF_8).trim());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Runs a ledger call, turning ledger errors into a one-line message with the stable code. */
  static <T> T ledgerCall(Callable<T> c) throws Exception {
    try {
      return c.call();
    } catch (LedgerException e) {
      throw new IllegalStateException(e.code() + ": " + e.getMessage(), e);
    }
  }

  @Command(name = "new", aliases = "create", description = "Create (or --import) a key and print its address.")
  static final class New implements Callable<Integer> {
    @ParentCommand WalletCommand w;

    @Option(names = "--import", description = "Import an existing Sui private key (suiprivkey1...).")
    String imported;

    @Option(names = "--force", description = "Overwrite an existing key file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      Path p = w.keystore();
      if (Files.exists(p) && !force) {
        throw new IllegalArgumentException("wallet exists at " + p + " (use --force to replace)");
      }
      Ed25519KeyPair k = imported != null ? Ed25519KeyPair.fromSuiPrivateKey(imported)
          : Ed25519KeyPair.generate(new SecureRandom());
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, k.toSuiPrivateKey() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      w.out().println(k.address());
      return 0;
    }
  }

  @Command(name = "address", description = "Print the wallet's address.")
  static final class Address implements Callable<Integer> {
    @ParentCommand WalletCommand w;

    @Override
    public Integer call() throws IOException {
      w.out().println(w.load().address());
      return 0;
    }
  }

  @Command(name = "export", description = "Print the private key as suiprivkey1... (Sui CLI/SDK compatible).")
  static final class Export implements Callable<Integer> {
    @ParentCommand WalletCommand w;

    @Override
    public Integer call() throws IOException {
      w.out().println(w.load().toSuiPrivateKey());
      return 0;
    }
  }

  /**
   * Links the wallet's address to the signed-in marketplace account: asks {@code walletChallenge},
   * signs it as a Sui personal message with the wallet key (which never leaves this machine) and
   * sends {@code linkWallet(address, signature)}.
   */
  @Command(name = "link", description = "Link this wallet's address to your marketplace account (signs the marketplace's challenge).")
  static final class Link implements Callable<Integer> {
    @ParentCommand WalletCommand w;
    @picocli.CommandLine.Mixin dev.haulout.cli.market.MarketOptions market;

    @Override
    public Integer call() throws IOException {
      Ed25519KeyPair k = w.load();
      dev.haulout.cli.market.Market m = new dev.haulout.cli.market.Market(market);
      String challenge = m.graphql("query{walletChallenge}", java.util.Map.of(), true).path("walletChallenge").asText();
      String signature = dev.haulout.chain.crypto.SuiSignatures.signPersonalMessage(k,
          challenge.getBytes(StandardCharsets.UTF_8));
      var linked = m.graphql("mutation($a:String!,$s:String!){linkWallet(address:$a,signature:$s){address managed}}",
          java.util.Map.of("a", k.address().toString(), "s", signature), true).path("linkWallet");
      w.out().println("linked " + linked.path("address").asText() + " to your account");
      w.spec.commandLine().getErr().println("this wallet now signs its own session keys ('haulout get' decrypts with "
          + "it); purchases need WAL on it and a transaction it signs");
      return 0;
    }
  }

  @Command(name = "balance", description = "Print the WAL balance of the wallet or of ADDRESS.")
  static final class Balance implements Callable<Integer> {
    @ParentCommand WalletCommand w;

    @Parameters(arity = "0..1", paramLabel = "ADDRESS")
    String address;

    @Override
    public Integer call() throws Exception {
      SuiAddress a = address != null ? SuiAddress.parse(address) : w.load().address();
      try (HttpLedgerClient c = HttpLedgerClient.create(w.ledgerUrl())) {
        long frost = ledgerCall(() -> c.balance(a));
        w.out().println(Wal.formatWal(frost) + " WAL (" + frost + " FROST) " + a);
      }
      return 0;
    }
  }

  @Command(name = "faucet", description = "Localnet only: mint WAL to the wallet.")
  static final class Faucet implements Callable<Integer> {
    @ParentCommand WalletCommand w;

    @Option(names = "--amount", defaultValue = "100", description = "WAL to request (default ${DEFAULT-VALUE}).")
    String amount;

    @Override
    public Integer call() throws Exception {
      Ed25519KeyPair k = w.load();
      try (HttpLedgerClient c = HttpLedgerClient.create(w.ledgerUrl())) {
        TxReceipt r = ledgerCall(() -> c.faucet(k.address(), Wal.parseWal(amount)));
        w.out().println("minted " + amount + " WAL to " + k.address() + " in " + r.digest());
      }
      return 0;
    }
  }

  @Command(name = "transfer", description = "Send WAL: a transaction signed by the wallet key.")
  static final class Transfer implements Callable<Integer> {
    @ParentCommand WalletCommand w;

    @Option(names = "--to", required = true, description = "Recipient address (0x...).")
    String to;

    @Option(names = "--amount", required = true, description = "Amount in WAL (up to 9 decimals).")
    String amount;

    @Override
    public Integer call() throws Exception {
      Ed25519KeyPair k = w.load();
      long frost = Wal.parseWal(amount);
      String recipient = SuiAddress.parse(to).toString();
      long nonce = new SecureRandom().nextLong() & Long.MAX_VALUE;
      var tx = Transactions.sign(k, new TransactionData(k.address().toString(), nonce, 0,
          new TxKind.Transfer(recipient, frost)));
      try (HttpLedgerClient c = HttpLedgerClient.create(w.ledgerUrl())) {
        TxReceipt r = ledgerCall(() -> c.submit(tx));
        w.out().println("sent " + amount + " WAL to " + recipient + " in " + r.digest());
      } catch (IllegalStateException e) {
        if (e.getCause() instanceof LedgerException le && le.code() == ErrorCode.INSUFFICIENT_BALANCE) {
          throw new IllegalStateException("insufficient balance for " + amount + " WAL", e);
        }
        throw e;
      }
      return 0;
    }
  }
}
