package dev.haulout.cli.seal;

import dev.haulout.chain.crypto.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code haulout seal user-key}: a fresh Ed25519 requester key (suiprivkey) for local testing. */
@Command(
    name = "user-key",
    mixinStandardHelpOptions = true,
    description = "Create a requester key (suiprivkey1...) for fetch-key and print its Sui address.")
public final class SealUserKeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, description = "File to create (refuses to overwrite).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Ed25519KeyPair k = Ed25519KeyPair.generate();
    Files.writeString(out, k.toSuiPrivateKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    spec.commandLine().getOut().println(k.address());
    return 0;
  }
}
