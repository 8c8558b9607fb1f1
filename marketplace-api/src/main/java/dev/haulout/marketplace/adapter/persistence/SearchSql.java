package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.domain.ListingQuery;
import dev.haulout.marketplace.domain.ListingSort;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the keyset-paged search SQL for a {@link ListingQuery}. Every order is (key, id), the id
 * breaking ties, and the cursor condition compares the same pair, so a page never repeats or skips a
 * listing whatever is inserted between requests. Values travel as bind parameters only.
 */
final class SearchSql {
  private static final String TSQUERY = "websearch_to_tsquery('english', :q)";

  final String pageSql;
  final String countSql;
  final Map<String, Object> params = new LinkedHashMap<>();
  final Map<String, Object> countParams = new LinkedHashMap<>();

  SearchSql(ListingQuery q) {
    StringBuilder where = new StringBuilder(" WHERE l.status = 'ACTIVE'");
    if (q.text() != null) {
      where.append(" AND l.search @@ ").append(TSQUERY);
      params.put("q", q.text());
    }
    if (!q.tags().isEmpty()) {
      // tags are validated as [a-z0-9-], so a comma-joined list splits back exactly
      where.append(" AND l.tags @> string_to_array(:tags, ',')");
      params.put("tags", String.join(",", q.tags()));
    }
    if (q.minPriceFrost() != null) {
      where.append(" AND l.buy_price_frost >= :minp");
      params.put("minp", q.minPriceFrost());
    }
    if (q.maxPriceFrost() != null) {
      where.append(" AND l.buy_price_frost <= :maxp");
      params.put("maxp", q.maxPriceFrost());
    }
    countParams.putAll(params);
    countSql = "SELECT count(*) FROM listing l" + where;

    String key = keyExpression(q.sort());
    boolean desc = q.sort() == ListingSort.RELEVANCE || q.sort() == ListingSort.NEWEST || q.sort() == ListingSort.PRICE_DESC;
    if (q.after() != null) {
      String ck = "cast(:ck as " + keyType(q.sort()) + ")"; // typed bind + cast: exact comparison
      where.append(" AND (").append(key).append(desc ? " < " : " > ").append(ck)
          .append(" OR (").append(key).append(" = ").append(ck).append(" AND l.id > :cid))");
      params.put("ck", typedKey(q.sort(), q.after().key()));
      params.put("cid", q.after().id());
    }
    pageSql = "SELECT l.id, cast(" + key + " as text) AS k FROM listing l" + where
        + " ORDER BY " + key + (desc ? " DESC" : " ASC") + ", l.id ASC LIMIT :lim";
    params.put("lim", q.first() + 1);
  }

  private static String keyExpression(ListingSort sort) {
    return switch (sort) {
      case RELEVANCE -> "ts_rank_cd(l.search, " + TSQUERY + ")";
      case NEWEST -> "l.created_ms";
      case PRICE_ASC -> "coalesce(l.buy_price_frost, 9223372036854775807)";
      case PRICE_DESC -> "coalesce(l.buy_price_frost, -1)";
      case TITLE -> "(lower(l.title) COLLATE \"C\")";
    };
  }

  private static Object typedKey(ListingSort sort, String key) {
    return switch (sort) {
      case RELEVANCE -> Float.parseFloat(key);
      case NEWEST, PRICE_ASC, PRICE_DESC -> Long.parseLong(key);
      case TITLE -> key;
    };
  }

  private static String keyType(ListingSort sort) {
    return switch (sort) {
      case RELEVANCE -> "real";
      case NEWEST, PRICE_ASC, PRICE_DESC -> "bigint";
      case TITLE -> "text";
    };
  }
}
