package dev.haulout.cli.market;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code haulout logout}: deletes the saved session. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Forget the saved session.")
public final class LogoutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SessionStore store = SessionStore.fromEnvironment(Env.all());
    spec.commandLine().getOut().println(store.delete() ? "logged out" : "not logged in");
    return 0;
  }
}
