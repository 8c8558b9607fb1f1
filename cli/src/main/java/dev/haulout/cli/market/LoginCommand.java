package dev.haulout.cli.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code haulout login}: password grant ({@code --username U --password-stdin}), client credentials
 * for agents ({@code --client-credentials --client-id ID --client-secret-stdin}), or the OIDC
 * device flow when neither is given. Secrets are read from stdin only, never from arguments.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
    description = "Log in to the marketplace; tokens are saved in $XDG_CONFIG_HOME/haulout/session.json (mode 600).")
public final class LoginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MarketOptions market;

  @ArgGroup(exclusive = true)
  Mode mode;

  static final class Mode {
    @ArgGroup(exclusive = false) Password password;
    @ArgGroup(exclusive = false) Agent agent;
  }

  static final class Password {
    @Option(names = "--username", required = true, paramLabel = "U", description = "Account name.")
    String username;

    @Option(names = "--password-stdin", required = true, description = "Read the password from the first line of stdin.")
    boolean passwordStdin;
  }

  static final class Agent {
    @Option(names = "--client-credentials", required = true, description = "Log in as an agent (OAuth client credentials).")
    boolean clientCredentials;

    @Option(names = "--client-secret-stdin", required = true, description = "Read the client secret from the first line of stdin.")
    boolean secretStdin;
  }

  @Option(names = "--client-id", paramLabel = "ID",
      description = "OIDC client (default $HAULOUT_OIDC_CLIENT_ID or " + MarketOptions.DEFAULT_CLIENT + ").")
  String clientId;

  /** stdin; tests replace it. */
  InputStream stdin = System.in;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Oidc oidc = new Oidc(java.net.http.HttpClient.newHttpClient(), market.issuer());
    String client = clientId != null ? clientId : Env.get("HAULOUT_OIDC_CLIENT_ID", MarketOptions.DEFAULT_CLIENT);
    Session s;
    String who;
    if (mode != null && mode.agent != null) {
      if (clientId == null) {
        throw new CliError("USAGE", "--client-credentials needs --client-id ID");
      }
      s = oidc.clientCredentials(clientId, readLine("client secret"));
      who = "agent " + clientId;
    } else if (mode != null && mode.password != null) {
      // a confidential client (HAULOUT_OIDC_CLIENT_SECRET) for deployments without the public haulout-cli client
      String secret = Env.get("HAULOUT_OIDC_CLIENT_SECRET", null);
      s = oidc.password(client, secret, mode.password.username, readLine("password"));
      who = mode.password.username;
    } else {
      s = oidc.device(client, err);
      who = "device login";
    }
    SessionStore store = SessionStore.fromEnvironment(Env.all());
    store.save(s);
    out.println("logged in (" + who + "); session saved to " + store.file());
    return 0;
  }

  private String readLine(String what) {
    try {
      String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new CliError("USAGE", "no " + what + " on stdin");
      }
      return line;
    } catch (IOException e) {
      throw new CliError("USAGE", "cannot read the " + what + " from stdin");
    }
  }
}
