package dev.haulout.marketplace.adapter.graphql;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a GraphQL document that does not parse with a proper GraphQL error: the parser's message,
 * its line and column, {@code extensions.code = GRAPHQL_PARSE_FAILED} and
 * {@code classification = InvalidSyntax}. SmallRye alone reports every parse failure as
 * "Unparseable input document" classified as a DataFetchingException, with no location. The
 * document is parsed here with the same token limit as SmallRye's; documents that parse go on
 * unchanged (and SmallRye's own cache parses them again), as do bodies that are not GraphQL
 * requests at all (SmallRye answers those).
 */
@ApplicationScoped
public class GraphQLSyntaxFilter {
  static final String CODE = "GRAPHQL_PARSE_FAILED";

  private final long bodyLimit;
  private final int maxTokens;

  public GraphQLSyntaxFilter(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize bodyLimit,
      @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") int maxTokens) {
    this.bodyLimit = bodyLimit.asLongValue();
    this.maxTokens = maxTokens;
  }

  void install(@Observes Router router) {
    router.route("/graphql").order(Integer.MIN_VALUE + 1)
        .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
        .handler(this::check);
  }

  private void check(RoutingContext ctx) {
    String document = document(ctx);
    if (document != null) {
      try {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(maxTokens));
        new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
            .document(new StringReader(document)).parserOptions(options).build());
      } catch (InvalidSyntaxException e) {
        ctx.response().setStatusCode(200)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(errorBody(e).encode());
        return;
      }
    }
    ctx.next();
  }

  /** The query text of a GraphQL-over-HTTP request, or null when it is not one (left to SmallRye). */
  static String document(RoutingContext ctx) {
    // GET is not enabled for GraphQL here (SmallRye answers 405), so only POST bodies are checked
    if (ctx.request().method() != HttpMethod.POST || ctx.body() == null || ctx.body().isEmpty()) {
      return null;
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && type.startsWith("application/graphql")) {
      return ctx.body().asString();
    }
    try {
      Object query = ctx.body().asJsonObject().getValue("query");
      return query instanceof String s ? s : null;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  static JsonObject errorBody(InvalidSyntaxException e) {
    JsonObject error = new JsonObject().put("message", e.getMessage());
    SourceLocation at = e.getLocation();
    if (at != null && at.getLine() > 0) {
      error.put("locations", new JsonArray().add(new JsonObject().put("line", at.getLine()).put("column", at.getColumn())));
    }
    error.put("extensions", new JsonObject().put("code", CODE).put("classification", "InvalidSyntax"));
    return new JsonObject().put("errors", new JsonArray().add(error));
  }
}
