package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.ErrorCode;
import dev.haulout.marketplace.config.MarketplaceConfig;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a POST to {@code /graphql} before SmallRye sees it. A body that is not a well-formed
 * GraphQL-over-HTTP request gets 400 {@code BAD_REQUEST} (or 415 {@code UNSUPPORTED_MEDIA_TYPE});
 * SmallRye alone answered those with "Unparseable request" as a DataFetchingException, and with a
 * 500 when {@code variables} was not an object. A document that does not parse gets a proper GraphQL
 * error: the parser's message, its line and column, {@code extensions.code = GRAPHQL_PARSE_FAILED}
 * and {@code classification = InvalidSyntax} (SmallRye said "Unparseable input document", with no
 * location). The document is parsed with the configured token limit, which SmallRye does not apply
 * to operations. A document whose {@code listings} fields ask for more rows in total than
 * {@code haulout.graphql.max-requested-rows} ({@link RowBudget}) gets {@code QUERY_TOO_EXPENSIVE}
 * before anything runs. Requests that pass go on unchanged (SmallRye's cache parses them again).
 */
@ApplicationScoped
public class GraphQLSyntaxFilter {
  static final String CODE = "GRAPHQL_PARSE_FAILED";
  static final String BAD_REQUEST = "BAD_REQUEST";
  static final String UNSUPPORTED_MEDIA_TYPE = ErrorCode.UNSUPPORTED_MEDIA_TYPE.name();
  static final String TOO_EXPENSIVE = "QUERY_TOO_EXPENSIVE";

  private final long bodyLimit;
  private final int maxTokens;
  private final long maxRows;

  public GraphQLSyntaxFilter(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize bodyLimit,
      @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") int maxTokens,
      MarketplaceConfig config) {
    this.bodyLimit = bodyLimit.asLongValue();
    this.maxTokens = maxTokens;
    this.maxRows = config.graphql().maxRequestedRows();
  }

  void install(@Observes Router router) {
    router.route("/graphql").order(Integer.MIN_VALUE + 1)
        .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
        .handler(this::check);
  }

  private void check(RoutingContext ctx) {
    // GET is not enabled for GraphQL here (SmallRye answers 405), so only POST bodies are checked
    if (ctx.request().method() != HttpMethod.POST) {
      ctx.next();
      return;
    }
    GraphQLRequest request;
    try {
      request = request(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), ctx.body().asString());
    } catch (BadRequest e) {
      reply(ctx, e.status, error(e.getMessage(), e.code, null));
      return;
    }
    Document document;
    try {
      ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(maxTokens));
      document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
          .document(new StringReader(request.query())).parserOptions(options).build());
    } catch (InvalidSyntaxException e) {
      reply(ctx, 200, errorBody(e));
      return;
    }
    long rows = RowBudget.requestedRows(document, request.operationName(), request.variables());
    if (rows > maxRows) {
      JsonObject body = error("the request asks for " + rows + " listing rows (first + 1 for every 'listings' field,"
          + " aliases and fragments included); at most " + maxRows + " per request", TOO_EXPENSIVE, null);
      body.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").put("classification", "ExecutionAborted");
      reply(ctx, 200, body);
      return;
    }
    ctx.next();
  }

  /** The parts of a GraphQL-over-HTTP POST this filter reads. */
  record GraphQLRequest(String query, String operationName, Map<String, Object> variables) {}

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
  }

  /**
   * The GraphQL document of a POST request, checking the GraphQL-over-HTTP shape SmallRye expects:
   * {@code application/graphql} (the body is the document) or {@code application/json} with an object
   * whose {@code query} is a string, {@code variables} and {@code extensions} objects or null and
   * {@code operationName} a string or null. Anything else is a {@link BadRequest}, answered with a
   * stable code instead of SmallRye's "Unparseable request" or, for some shapes, a 500.
   */
  static GraphQLRequest request(String contentType, String body) throws BadRequest {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/graphql")) {
      return new GraphQLRequest(body == null ? "" : body, null, Map.of());
    }
    if (!type.startsWith("application/json")) {
      throw new BadRequest(415, UNSUPPORTED_MEDIA_TYPE,
          "POST /graphql takes application/json ({\"query\": …}) or application/graphql, not '" + contentType + "'");
    }
    JsonObject request;
    try {
      request = new JsonObject(body == null ? "" : body);
    } catch (DecodeException | ClassCastException e) {
      throw new BadRequest(400, BAD_REQUEST, "the request body is not a JSON object");
    }
    if (!(request.getValue("query") instanceof String query)) {
      throw new BadRequest(400, BAD_REQUEST, "the request needs a string field 'query'");
    }
    for (String field : new String[] {"variables", "extensions"}) {
      Object v = request.getValue(field);
      if (v != null && !(v instanceof JsonObject)) {
        throw new BadRequest(400, BAD_REQUEST, "'" + field + "' must be a JSON object or null");
      }
    }
    Object op = request.getValue("operationName");
    if (op != null && !(op instanceof String)) {
      throw new BadRequest(400, BAD_REQUEST, "'operationName' must be a string or null");
    }
    JsonObject variables = request.getJsonObject("variables");
    return new GraphQLRequest(query, (String) op, variables == null ? Map.of() : variables.getMap());
  }

  /** A request that is not a well-formed GraphQL-over-HTTP POST. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    BadRequest(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  static JsonObject error(String message, String code, JsonArray locations) {
    JsonObject error = new JsonObject().put("message", message);
    if (locations != null) {
      error.put("locations", locations);
    }
    error.put("extensions", new JsonObject().put("code", code));
    return new JsonObject().put("errors", new JsonArray().add(error));
  }

  static JsonObject errorBody(InvalidSyntaxException e) {
    SourceLocation at = e.getLocation();
    JsonArray locations = at != null && at.getLine() > 0
        ? new JsonArray().add(new JsonObject().put("line", at.getLine()).put("column", at.getColumn()))
        : null;
    JsonObject body = error(e.getMessage(), CODE, locations);
    body.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").put("classification", "InvalidSyntax");
    return body;
  }
}
