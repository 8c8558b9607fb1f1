package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haulout search TEXT [--json]}: the catalog's GraphQL {@code listings}; needs no login. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the catalog's active listings.")
public final class SearchCommand implements Callable<Integer> {
  static final String QUERY = "query($q:String,$first:Int){listings(query:$q,first:$first){totalCount edges{node{"
      + "id title tags seller sizeBytes format license status price{buyPriceFrost buyPriceWal rentPricePerPeriodFrost"
      + " rentPricePerPeriodWal rentPeriodMs free}}}}}";

  @Spec CommandSpec spec;
  @Mixin MarketOptions market;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "Full-text query (none: everything).")
  String text;

  @Option(names = "--limit", defaultValue = "20", description = "At most this many listings (default 20).")
  int limit;

  @Option(names = "--json", description = "Print the GraphQL result as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 100) {
      throw new CliError("USAGE", "--limit must be between 1 and 100");
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("q", text);
    vars.put("first", limit);
    JsonNode listings = new Market(market).graphql(QUERY, vars, false).path("listings");
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Market.json().writeValueAsString(listings));
      return 0;
    }
    for (JsonNode e : listings.path("edges")) {
      JsonNode n = e.path("node");
      out.printf("%s  %-40s  %s%n", n.path("id").asText(), Texts.clip(n.path("title").asText(), 40), Prices.describe(n.path("price")));
    }
    out.println(listings.path("edges").size() + " of " + listings.path("totalCount").asLong() + " listings");
    return 0;
  }
}
