package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.marketplace.domain.ListingQuery;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many listing rows a GraphQL request asks the database for, known from the document before
 * anything runs. graphql-java's complexity counts fields, not list sizes, so 99 aliases of
 * {@code listings(first: 100)} pass a field-complexity limit yet read 9,900 rows. Here every
 * {@code listings} field costs its page size plus one (the page is fetched with LIMIT first + 1),
 * with {@code first} read from the literal, the variable, the variable's default or the schema's
 * default, and capped at {@link ListingQuery#MAX_PAGE} (a larger one is refused before the database
 * anyway); aliases, fragments and inline fragments all count, {@code @skip}/{@code @include} are
 * ignored (an upper bound).
 */
final class RowBudget {
  /** The field that reads pages of listings and its page-size argument. */
  static final String LISTINGS = "listings";
  static final String FIRST = "first";

  private RowBudget() {}

  /** Rows requested by the operation named {@code operationName} (every operation when null). */
  static long requestedRows(Document doc, String operationName, Map<String, Object> variables) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    for (FragmentDefinition f : doc.getDefinitionsOfType(FragmentDefinition.class)) {
      fragments.put(f.getName(), f);
    }
    long rows = 0;
    for (OperationDefinition op : doc.getDefinitionsOfType(OperationDefinition.class)) {
      if (operationName != null && !operationName.equals(op.getName())) {
        continue;
      }
      Map<String, Value<?>> defaults = new HashMap<>();
      for (VariableDefinition v : op.getVariableDefinitions()) {
        if (v.getDefaultValue() != null) {
          defaults.put(v.getName(), v.getDefaultValue());
        }
      }
      rows += count(op.getSelectionSet(), fragments, new HashSet<>(), variables, defaults);
    }
    return rows;
  }

  private static long count(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> expanding,
      Map<String, Object> variables, Map<String, Value<?>> defaults) {
    if (set == null) {
      return 0;
    }
    long rows = 0;
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f) {
        if (LISTINGS.equals(f.getName())) {
          rows += pageSize(f, variables, defaults) + 1;
        }
        rows += count(f.getSelectionSet(), fragments, expanding, variables, defaults);
      } else if (s instanceof InlineFragment i) {
        rows += count(i.getSelectionSet(), fragments, expanding, variables, defaults);
      } else if (s instanceof FragmentSpread spread) {
        FragmentDefinition f = fragments.get(spread.getName());
        if (f != null && expanding.add(spread.getName())) { // a cycle is a validation error later; count it once
          rows += count(f.getSelectionSet(), fragments, expanding, variables, defaults);
          expanding.remove(spread.getName());
        }
      }
    }
    return rows;
  }

  private static long pageSize(Field f, Map<String, Object> variables, Map<String, Value<?>> defaults) {
    Long first = null;
    for (Argument a : f.getArguments()) {
      if (FIRST.equals(a.getName())) {
        first = intOf(a.getValue(), variables, defaults);
        if (first == null) {
          first = (long) ListingQuery.MAX_PAGE; // not a readable number: assume the most it could be
        }
      }
    }
    long n = first == null ? ListingQuery.DEFAULT_PAGE : first;
    return Math.max(0, Math.min(n, ListingQuery.MAX_PAGE));
  }

  private static Long intOf(Value<?> v, Map<String, Object> variables, Map<String, Value<?>> defaults) {
    if (v instanceof NullValue) {
      return (long) ListingQuery.DEFAULT_PAGE; // explicit null: the schema default applies
    }
    if (v instanceof IntValue i) {
      return i.getValue().min(BigInteger.valueOf(Long.MAX_VALUE)).max(BigInteger.ZERO).longValue();
    }
    if (v instanceof VariableReference ref) {
      if (variables != null && variables.containsKey(ref.getName())) {
        Object given = variables.get(ref.getName());
        if (given == null) {
          return (long) ListingQuery.DEFAULT_PAGE; // explicit null: the schema default applies
        }
        return given instanceof Number n ? n.longValue() : null;
      }
      Value<?> d = defaults.get(ref.getName());
      return d == null ? (long) ListingQuery.DEFAULT_PAGE : intOf(d, Map.of(), Map.of());
    }
    return null;
  }
}
