package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code haulout library [--json]}: what the signed-in user can read (GraphQL {@code me}). */
@Command(name = "library", mixinStandardHelpOptions = true, description = "List the passes and rentals you hold.")
public final class LibraryCommand implements Callable<Integer> {
  /** {@code Purchase}s (docs/commerce.md "Buy and rent"); {@code listing} is null until the catalog has it. */
  static final String QUERY = "{me{wallet{address managed balanceFrost}"
      + " library{listingId listing{id title} kind txDigest accessId expiresAtMs}}}";

  @Spec CommandSpec spec;
  @Mixin MarketOptions market;

  @Option(names = "--json", description = "Print the library as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    JsonNode me = new Market(market).graphql(QUERY, Map.of(), true).path("me");
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Market.json().writeValueAsString(me));
      return 0;
    }
    JsonNode w = me.path("wallet");
    out.println("wallet " + w.path("address").asText() + (w.path("managed").asBoolean() ? " (managed)" : " (linked)")
        + ", " + dev.haulout.chain.Wal.formatWal(w.path("balanceFrost").asLong()) + " WAL");
    for (JsonNode e : me.path("library")) {
      String until = e.hasNonNull("expiresAtMs") ? " until " + Instant.ofEpochMilli(e.get("expiresAtMs").asLong()) : "";
      out.printf("%s  %-40s  %-4s  tx %s%s%n", e.path("listingId").asText(),
          Texts.clip(e.path("listing").path("title").asText(""), 40), e.path("kind").asText(),
          e.path("txDigest").asText(), until);
    }
    out.println(me.path("library").size() + " item(s)");
    return 0;
  }
}
