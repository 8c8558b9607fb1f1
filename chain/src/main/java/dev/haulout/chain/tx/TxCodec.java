package dev.haulout.chain.tx;

import dev.haulout.chain.model.ListingSpec;
import dev.haulout.wire.BcsReader;
import dev.haulout.wire.BcsWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical BCS encoding of {@link TransactionData} (documented in chain/README.md):
 * {@code u8 version=1 ‖ address sender ‖ u64 nonce ‖ u64 expiration_ms ‖ uleb tag ‖ fields}.
 * Decoding is strict (no trailing bytes), so one transaction has exactly one encoding.
 */
public final class TxCodec {
  /** Longest vector or string in a transaction. */
  private static final int MAX_VECTOR = 1 << 20;

  private TxCodec() {}

  public static byte[] encode(TransactionData tx) {
    BcsWriter w = new BcsWriter().u8(TransactionData.VERSION).address(tx.sender()).u64(tx.nonce())
        .u64(tx.expirationMs()).uleb128(tx.kind().tag());
    TxKind k = tx.kind();
    if (k instanceof TxKind.Transfer t) {
      w.address(t.to()).u64(t.amountFrost());
    } else if (k instanceof TxKind.CreateListing c) {
      writeSpec(w, c.spec());
    } else if (k instanceof TxKind.UpdateListing u) {
      w.address(u.listingId());
      writeSpec(w, u.spec());
    } else if (k instanceof TxKind.Delist d) {
      w.address(d.listingId());
    } else if (k instanceof TxKind.Buy b) {
      w.address(b.listingId()).u64(b.maxPriceFrost());
    } else if (k instanceof TxKind.Rent r) {
      w.address(r.listingId()).u64(r.periods()).u64(r.maxPriceFrost());
    } else if (k instanceof TxKind.ExtendRental e) {
      w.address(e.rentalId()).u64(e.periods()).u64(e.maxPriceFrost());
    } else if (k instanceof TxKind.AllowlistAdd a) {
      w.address(a.listingId()).address(a.address());
    } else if (k instanceof TxKind.AllowlistRemove a) {
      w.address(a.listingId()).address(a.address());
    } else if (k instanceof TxKind.TransferObject t) {
      w.address(t.objectId()).address(t.to());
    } else if (k instanceof TxKind.BuyStorage s) {
      w.u64(s.storageSize()).u32(s.epochs());
    } else if (k instanceof TxKind.RegisterBlob r) {
      w.address(r.storageId()).bytes(r.blobId()).bytes(r.rootHash()).u64(r.size()).u8(r.encodingType())
          .bool(r.deletable());
    } else if (k instanceof TxKind.CertifyBlob c) {
      w.address(c.blobObjectId()).uleb128(c.signers().size());
      c.signers().forEach(w::u32);
      w.bytes(c.aggregateSignature());
    } else if (k instanceof TxKind.RegisterNode n) {
      w.string(n.name()).string(n.blsPublicKey()).u64(n.selfStakeFrost()).u64(n.storagePriceVote())
          .u64(n.writePriceVote());
    } else if (k instanceof TxKind.Stake s) {
      w.address(s.poolId()).u64(s.amountFrost());
    } else if (k instanceof TxKind.Unstake u) {
      w.address(u.stakedWalId());
    } else if (k instanceof TxKind.WithdrawStake u) {
      w.address(u.stakedWalId());
    } else if (k instanceof TxKind.VotePrices v) {
      w.address(v.poolId()).u64(v.storagePricePerUnit()).u64(v.writePricePerUnit());
    } else if (k instanceof TxKind.InvalidateBlobId i) {
      w.bytes(i.blobId()).uleb128(i.signers().size());
      i.signers().forEach(w::u32);
      w.bytes(i.aggregateSignature());
    } else if (k instanceof TxKind.RegisterKeyServer ks) {
      w.string(ks.name()).string(ks.url()).string(ks.publicKey()).u32(ks.weight());
    } else if (k instanceof TxKind.UpdateKeyServer u) {
      w.address(u.keyServerId()).string(u.url());
    } else {
      throw new IllegalArgumentException("unknown transaction kind: " + k);
    }
    return w.toByteArray();
  }

  public static TransactionData decode(byte[] bytes) {
    BcsReader r = new BcsReader(bytes).maxLength(MAX_VECTOR);
    int version = r.u8();
    if (version != TransactionData.VERSION) {
      throw new IllegalArgumentException("unsupported transaction version " + version);
    }
    String sender = address(r);
    long nonce = r.u64();
    long exp = r.u64();
    long tag = r.uleb128();
    TxKind kind;
    switch ((int) Math.min(tag, Integer.MAX_VALUE)) {
      case 0: kind = new TxKind.Transfer(address(r), r.u64()); break;
      case 1: kind = new TxKind.CreateListing(readSpec(r)); break;
      case 2: kind = new TxKind.UpdateListing(address(r), readSpec(r)); break;
      case 3: kind = new TxKind.Delist(address(r)); break;
      case 4: kind = new TxKind.Buy(address(r), r.u64()); break;
      case 5: kind = new TxKind.Rent(address(r), r.u64(), r.u64()); break;
      case 6: kind = new TxKind.ExtendRental(address(r), r.u64(), r.u64()); break;
      case 7: kind = new TxKind.AllowlistAdd(address(r), address(r)); break;
      case 8: kind = new TxKind.AllowlistRemove(address(r), address(r)); break;
      case 9: kind = new TxKind.TransferObject(address(r), address(r)); break;
      case 10: kind = new TxKind.BuyStorage(r.u64(), (int) r.u32()); break;
      case 11: kind = new TxKind.RegisterBlob(address(r), r.bytes(), r.bytes(), r.u64(), r.u8(), r.bool()); break;
      case 12: {
        String id = address(r);
        kind = new TxKind.CertifyBlob(id, readSigners(r), r.bytes());
        break;
      }
      case 13: kind = new TxKind.RegisterNode(r.string(), r.string(), r.u64(), r.u64(), r.u64()); break;
      case 14: kind = new TxKind.Stake(address(r), r.u64()); break;
      case 15: kind = new TxKind.Unstake(address(r)); break;
      case 16: kind = new TxKind.VotePrices(address(r), r.u64(), r.u64()); break;
      case 17: {
        byte[] blobId = r.bytes();
        kind = new TxKind.InvalidateBlobId(blobId, readSigners(r), r.bytes());
        break;
      }
      case 18: kind = new TxKind.WithdrawStake(address(r)); break;
      case 19: kind = new TxKind.RegisterKeyServer(r.string(), r.string(), r.string(), weight(r.u32())); break;
      case 20: kind = new TxKind.UpdateKeyServer(address(r), r.string()); break;
      default: throw new IllegalArgumentException("unknown transaction kind tag " + tag);
    }
    r.expectEnd();
    return new TransactionData(sender, nonce, exp, kind);
  }

  /** A u32 weight that fits an int (the rule then bounds it); above 2^31-1 does not decode. */
  private static int weight(long u32) {
    if (u32 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("key server weight " + u32 + " out of range");
    }
    return (int) u32;
  }

  private static List<Integer> readSigners(BcsReader r) {
    long n = r.uleb128();
    if (n > 10_000) {
      throw new IllegalArgumentException("too many signers: " + n);
    }
    List<Integer> signers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      signers.add((int) r.u32());
    }
    return signers;
  }

  private static void writeSpec(BcsWriter w, ListingSpec s) {
    w.string(s.blobId()).string(s.sealedKeyRef()).string(s.title()).string(s.description()).vector(s.tags(), BcsWriter::string)
        .string(s.license()).u64(s.sizeBytes()).string(s.format()).string(s.schemaSummary())
        .string(s.previewRef()).u64(s.buyPriceFrost()).u64(s.rentPricePerPeriodFrost()).u64(s.rentPeriodMs());
    if (s.allowlist() == null) {
      w.u8(0);
    } else {
      w.u8(1).vector(s.allowlist(), BcsWriter::address);
    }
  }

  private static ListingSpec readSpec(BcsReader r) {
    String blobId = r.string();
    String sealed = r.string();
    String title = r.string();
    String desc = r.string();
    List<String> tags = r.vector(BcsReader::string);
    String license = r.string();
    long size = r.u64();
    String format = r.string();
    String schema = r.string();
    String preview = r.string();
    long buy = r.u64();
    long rent = r.u64();
    long period = r.u64();
    int opt = r.u8();
    List<String> allow;
    if (opt == 0) {
      allow = null;
    } else if (opt == 1) {
      allow = r.vector(TxCodec::address);
    } else {
      throw new IllegalArgumentException("bad option tag " + opt);
    }
    return new ListingSpec(blobId, sealed, title, desc, tags, license, size, format, schema, preview, buy, rent,
        period, allow);
  }

  private static String address(BcsReader r) {
    return r.address().toString();
  }
}
