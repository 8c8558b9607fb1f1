package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a client-side reader finds the network: the ledger (listings, key servers, transactions)
 * and the aggregator (blobs). {@code --ledger}/{@code --aggregator}, else $HAULOUT_LEDGER_URL /
 * $HAULOUT_AGGREGATOR_URL, else what the marketplace's {@code /config.json} names ({@code
 * ledgerUrl}, {@code aggregatorUrl}, {@code keyServers}, {@code policyPackage}). No aggregator means
 * the storage nodes of the ledger's committee.
 */
public final class NetworkOptions {
  @Option(names = "--ledger", paramLabel = "URL",
      description = "Ledger server URL (default $HAULOUT_LEDGER_URL, else the marketplace's /config.json).")
  String ledger;

  @Option(names = "--aggregator", paramLabel = "URL",
      description = "Walrus aggregator URL (default $HAULOUT_AGGREGATOR_URL, else /config.json, else the storage nodes).")
  String aggregator;

  /** The network as resolved; {@code keyServerIds} empty when the marketplace was not asked. */
  public record Resolved(String ledgerUrl, String aggregatorUrl, List<String> keyServerIds, String policyPackage) {}

  /** Options and environment only; null fields are unknown (the marketplace may fill them). */
  Resolved local() {
    return new Resolved(ledger != null ? ledger : Env.get("HAULOUT_LEDGER_URL", null),
        aggregator != null ? aggregator : Env.get("HAULOUT_AGGREGATOR_URL", null), List.of(), null);
  }

  /** Options, environment, then the marketplace's {@code /config.json} (asked only when something is missing). */
  public Resolved resolve(Market m, boolean needAggregator) {
    Resolved l = local();
    if (l.ledgerUrl() != null && (l.aggregatorUrl() != null || !needAggregator)) {
      return l;
    }
    JsonNode c = webConfig(m);
    String ledgerUrl = l.ledgerUrl() != null ? l.ledgerUrl() : Market.text(c, "ledgerUrl");
    if (ledgerUrl == null) {
      throw new CliError("NETWORK_UNKNOWN", m.api() + "/config.json names no ledger; give --ledger URL");
    }
    List<String> ids = new ArrayList<>();
    Market.each(c.get("keyServers")).forEachRemaining(k -> ids.add(k.path("objectId").asText()));
    return new Resolved(ledgerUrl, l.aggregatorUrl() != null ? l.aggregatorUrl() : Market.text(c, "aggregatorUrl"),
        List.copyOf(ids), Market.text(c, "policyPackage"));
  }

  static JsonNode webConfig(Market m) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(m.api() + "/config.json")).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").GET().build();
    HttpResponse<String> r = Http.send(m.http(), req, m.api());
    JsonNode body = Market.parse(r);
    if (r.statusCode() != 200) {
      throw Market.httpError(r.statusCode(), body);
    }
    return body;
  }
}
