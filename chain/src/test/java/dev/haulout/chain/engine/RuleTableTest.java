package dev.haulout.chain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.haulout.chain.tx.TxKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleTableTest {
  /** A new record in the sealed {@code TxKind} fails here until it has a line in {@link RuleTable#USER}. */
  @Test
  void everyPermittedTransactionKindHasExactlyOneRule() {
    Set<Class<?>> permitted = new HashSet<>(Arrays.asList(TxKind.class.getPermittedSubclasses()));
    assertEquals(21, permitted.size(), "TxKind's permitted records (tags 0..20)");
    assertEquals(permitted, new HashSet<>(RuleTable.USER.kinds()));
  }
}
