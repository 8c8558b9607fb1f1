package dev.haulout.chain.adapter.pg;

import dev.haulout.chain.adapter.json.LedgerJson;
import dev.haulout.chain.engine.AccessPolicy;
import dev.haulout.chain.engine.LedgerState;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.model.Versioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LedgerState} over one JDBC connection. With {@code forUpdate} every row read is locked
 * until the surrounding database transaction ends; without it, this is a read-only view.
 */
final class PgLedgerState implements LedgerState, AccessPolicy.View {
  private final Connection c;
  private final String s;
  private final String lock;
  private final Map<String, Long> versions = new HashMap<>();

  PgLedgerState(Connection c, String schema, boolean forUpdate) {
    this.c = c;
    this.s = schema;
    this.lock = forUpdate ? " FOR UPDATE" : "";
  }

  @Override
  public long balance(String address) {
    return readLong("SELECT balance FROM " + s + ".accounts WHERE address = ?" + lock, address);
  }

  @Override
  public void setBalance(String address, long frost) {
    writeLong("INSERT INTO " + s + ".accounts (address, balance) VALUES (?, ?) "
        + "ON CONFLICT (address) DO UPDATE SET balance = EXCLUDED.balance", address, frost);
  }

  @Override
  public Optional<Versioned<ChainObject>> object(String id) {
    try (PreparedStatement ps = c.prepareStatement("SELECT type, version, data FROM " + s + ".objects WHERE id = ?" + lock)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long v = rs.getLong(2);
        versions.put(id, v);
        return Optional.of(new Versioned<>(LedgerJson.readObject(rs.getString(1), rs.getString(3)), v));
      }
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }

  @Override
  public long put(ChainObject o) {
    try {
      Long current = versions.get(o.id());
      if (current == null) {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + s + ".objects WHERE id = ?" + lock)) {
          ps.setString(1, o.id());
          try (ResultSet rs = ps.executeQuery()) {
            current = rs.next() ? rs.getLong(1) : 0L;
          }
        }
      }
      long next = current + 1;
      String blobId = o instanceof Blob b ? b.blobId() : null;
      String listingId = o instanceof AccessPass p ? p.listingId() : o instanceof Rental r ? r.listingId() : null;
      String sql = current == 0
          ? "INSERT INTO " + s + ".objects (type, owner, version, data, blob_id, listing_id, id) VALUES (?,?,?,?,?,?,?)"
          : "UPDATE " + s + ".objects SET type = ?, owner = ?, version = ?, data = ?, blob_id = ?, listing_id = ? WHERE id = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, o.typeName());
        ps.setString(2, o.owner());
        ps.setLong(3, next);
        ps.setString(4, LedgerJson.write(o));
        ps.setString(5, blobId);
        ps.setString(6, listingId);
        ps.setString(7, o.id());
        ps.executeUpdate();
      }
      versions.put(o.id(), next);
      return next;
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }

  @Override
  public void delete(String id) {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + s + ".objects WHERE id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
      versions.remove(id);
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }

  @Override
  public List<Versioned<ChainObject>> ownedBy(String owner, String type) {
    return query("SELECT type, version, data FROM " + s + ".objects WHERE owner = ?"
        + (type == null ? "" : " AND type = ?") + " ORDER BY id", owner, type);
  }

  @Override
  public List<Versioned<ChainObject>> ofType(String type) {
    return query("SELECT type, version, data FROM " + s + ".objects WHERE type = ? ORDER BY id", type, null);
  }

  @Override
  public List<Versioned<ChainObject>> ownedFor(String owner, String type, String listingId) {
    try (PreparedStatement ps = c.prepareStatement("SELECT type, version, data FROM " + s
        + ".objects WHERE owner = ? AND type = ? AND listing_id = ? ORDER BY id")) {
      ps.setString(1, owner);
      ps.setString(2, type);
      ps.setString(3, listingId);
      List<Versioned<ChainObject>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Versioned<>(LedgerJson.readObject(rs.getString(1), rs.getString(3)), rs.getLong(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }

  @Override
  public List<Versioned<ChainObject>> blobsByBlobId(String blobId) {
    return byBlobId(blobId);
  }

  List<Versioned<ChainObject>> byBlobId(String blobId) {
    return query("SELECT type, version, data FROM " + s + ".objects WHERE blob_id = ? ORDER BY id", blobId, null);
  }

  private List<Versioned<ChainObject>> query(String sql, String a, String b) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, a);
      if (b != null) {
        ps.setString(2, b);
      }
      List<Versioned<ChainObject>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Versioned<>(LedgerJson.readObject(rs.getString(1), rs.getString(3)), rs.getLong(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }

  @Override
  public long counter(String name) {
    return readLong("SELECT value FROM " + s + ".counters WHERE name = ?" + lock, name);
  }

  @Override
  public void setCounter(String name, long value) {
    writeLong("INSERT INTO " + s + ".counters (name, value) VALUES (?, ?) "
        + "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", name, value);
  }

  /** One long looked up by a text key; 0 when the row does not exist (an untouched account or counter). */
  private long readLong(String sql, String key) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }

  /** An upsert binding (text key, long value). */
  private void writeLong(String sql, String key, long value) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      ps.setLong(2, value);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw PgErrors.translate(e);
    }
  }
}
