package dev.haulout.cli.seal;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import dev.haulout.seal.policy.AddressAllowlistPolicy;
import dev.haulout.seal.server.KeyServer;
import dev.haulout.seal.server.KeyServerHandle;
import dev.haulout.seal.server.KeyServerOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code haulout seal serve}: runs the key servers of a keys.json (every entry with a master key,
 * on its URL's loopback port) with the local allowlist policy {@code harness::seal_approve}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run Seal key servers (/v1/service, /v1/fetch_key) for the master keys in keys.json.")
public final class SealServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--keys", required = true, description = "keys.json (from `haulout seal keygen`).")
  Path keys;

  @Option(names = "--servers", split = ",", description = "Only these server names (default: all with a masterKey).")
  List<String> only;

  @Option(names = "--allow", split = ",", description = "Sui addresses the policy grants (harness::seal_approve).")
  List<String> allow;

  @Option(names = "--allow-all", description = "Grant every requester (demo only).")
  boolean allowAll;

  @Option(names = "--rate", defaultValue = "20", description = "Per-requester fetch_key rate (requests/s).")
  double rate;

  @Option(names = "--run-seconds", defaultValue = "0", description = "Stop after this many seconds (0 = until interrupted).")
  long runSeconds;

  @Override
  public Integer call() throws Exception {
    KeysFile file = KeysFile.read(keys);
    AddressAllowlistPolicy policy;
    if (allowAll) {
      policy = AddressAllowlistPolicy.allowAll();
    } else {
      List<SuiAddress> addrs = new ArrayList<>();
      for (String a : allow == null ? List.<String>of() : allow) {
        addrs.add(SuiAddress.parse(a.strip()));
      }
      policy = AddressAllowlistPolicy.of(addrs);
    }
    Set<String> wanted = only == null ? null : Set.copyOf(only);
    List<KeyServerHandle> handles = new ArrayList<>();
    try {
      for (KeysFile.Server s : file.servers()) {
        if (s.masterKey() == null || (wanted != null && !wanted.contains(s.name()))) {
          continue;
        }
        if (s.url() == null) {
          throw new IllegalArgumentException("server " + s.name() + " has no url in " + keys);
        }
        URI url = URI.create(s.url());
        handles.add(
            KeyServer.start(
                new KeyServerOptions()
                    .host(url.getHost())
                    .port(url.getPort())
                    .masterKey(MasterKeyPair.fromSecret(s.masterKey()))
                    .objectId(SuiAddress.fromBytes(s.objectId()))
                    .policyPackage(SuiAddress.fromBytes(file.packageId()))
                    .policy(policy)
                    .rateLimit(rate, Math.max(1, (int) Math.ceil(rate * 2)))));
        spec.commandLine().getOut().println(
            "key server " + s.name() + " " + handles.get(handles.size() - 1).objectId() + " listening on " + s.url());
      }
      if (handles.isEmpty()) {
        throw new IllegalArgumentException("no server with a masterKey selected in " + keys);
      }
      spec.commandLine().getOut().println("policy: " + policy);
      spec.commandLine().getOut().flush();
      CountDownLatch stop = new CountDownLatch(1);
      Thread hook = new Thread(stop::countDown, "seal-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      if (runSeconds > 0) {
        stop.await(runSeconds, TimeUnit.SECONDS);
        Runtime.getRuntime().removeShutdownHook(hook);
      } else {
        stop.await();
      }
      return 0;
    } finally {
      for (KeyServerHandle h : handles) {
        h.close();
      }
    }
  }
}
