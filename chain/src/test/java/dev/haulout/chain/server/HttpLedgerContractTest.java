package dev.haulout.chain.server;

import dev.haulout.chain.Ledger;
import dev.haulout.chain.LedgerContractTest;
import dev.haulout.chain.MutableClock;
import dev.haulout.chain.adapter.pg.PgOptions;
import dev.haulout.chain.client.HttpLedgerClient;

/** The ledger contract through {@link LedgerServer} and {@link HttpLedgerClient}. */
class HttpLedgerContractTest extends LedgerContractTest {
  private LedgerServer server;

  @Override
  protected Ledger open(PgOptions pg, MutableClock clock) {
    server = LedgerServer.start(LedgerServerOptions.defaults().withPg(pg).withClock(clock).withEpochCheckMs(0));
    return HttpLedgerClient.create(server.baseUrl());
  }

  @Override
  protected void shutdown() {
    server.close();
  }
}
