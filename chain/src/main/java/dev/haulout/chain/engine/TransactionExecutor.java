package dev.haulout.chain.engine;

import dev.haulout.chain.ErrorCode;
import dev.haulout.chain.LedgerConfig;
import dev.haulout.chain.LedgerException;
import dev.haulout.chain.model.AccessPass;
import dev.haulout.chain.model.Blob;
import dev.haulout.chain.model.ChainObject;
import dev.haulout.chain.model.CommitteeMember;
import dev.haulout.chain.model.InvalidBlobId;
import dev.haulout.chain.model.Listing;
import dev.haulout.chain.model.ListingLimits;
import dev.haulout.chain.model.ListingSpec;
import dev.haulout.chain.model.ListingStatus;
import dev.haulout.chain.model.Rental;
import dev.haulout.chain.model.StakedWal;
import dev.haulout.chain.model.StakingPool;
import dev.haulout.chain.model.StorageResource;
import dev.haulout.chain.model.SystemState;
import dev.haulout.chain.model.Versioned;
import dev.haulout.chain.tx.TransactionData;
import dev.haulout.chain.tx.Transactions;
import dev.haulout.chain.tx.TxKind;
import dev.haulout.walrus.BlobId;
import dev.haulout.walrus.CertificationMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Executes one transaction against a {@link LedgerState}. Pure logic: the caller supplies the
 * atomic unit of work and rolls everything back if this throws. Every object change goes through
 * {@link #create}/{@link #update} so versions and events stay consistent.
 */
public final class TransactionExecutor {
  public static final String MINTED = "minted";
  public static final String FUND_PREFIX = "storage_fund:";
  private static final long MAX_PERIODS = 100_000;

  private final LedgerState state;
  private final LedgerConfig config;
  private final CertificateVerifier certificates;
  private final String digest;
  private final long nowMs;
  private final Effects effects = new Effects();
  private int createdCount;

  public TransactionExecutor(
      LedgerState state, LedgerConfig config, CertificateVerifier certificates, String digest, long nowMs) {
    this.state = state;
    this.config = config;
    this.certificates = certificates;
    this.digest = digest;
    this.nowMs = nowMs;
  }

  public Effects effects() {
    return effects;
  }

  // ---------------------------------------------------------------- user transactions

  public Effects execute(TransactionData tx) {
    String s = tx.sender();
    TxKind k = tx.kind();
    if (k instanceof TxKind.Transfer t) {
      transfer(s, t);
    } else if (k instanceof TxKind.CreateListing c) {
      validateSpec(c.spec());
      Listing l = new Listing(newId(), s, c.spec(), config.feeBps(), ListingStatus.ACTIVE);
      listingEvent("ListingCreated", l, create(l));
    } else if (k instanceof TxKind.UpdateListing u) {
      validateSpec(u.spec());
      Listing l = sellerListing(s, u.listingId(), true);
      Listing nl = l.withSpec(u.spec());
      listingEvent("ListingUpdated", nl, update(nl));
    } else if (k instanceof TxKind.Delist d) {
      Listing l = sellerListing(s, d.listingId(), true).withStatus(ListingStatus.DELISTED);
      listingEvent("ListingDelisted", l, update(l));
    } else if (k instanceof TxKind.AllowlistAdd a) {
      Listing l = sellerListing(s, a.listingId(), true);
      List<String> allow = l.spec().allowlist() == null ? new ArrayList<>() : new ArrayList<>(l.spec().allowlist());
      if (!allow.contains(a.address())) {
        allow.add(a.address());
      }
      ListingLimits.allowlist(allow);
      Listing nl = l.withAllowlist(allow);
      listingEvent("ListingUpdated", nl, update(nl));
    } else if (k instanceof TxKind.AllowlistRemove a) {
      Listing l = sellerListing(s, a.listingId(), false);
      List<String> allow = l.spec().allowlist() == null ? new ArrayList<>() : new ArrayList<>(l.spec().allowlist());
      if (!allow.remove(a.address())) {
        throw new LedgerException(ErrorCode.INVALID_ARGUMENT, a.address() + " is not on the allowlist");
      }
      Listing nl = l.withAllowlist(allow);
      listingEvent("ListingUpdated", nl, update(nl));
    } else if (k instanceof TxKind.Buy b) {
      buy(s, b);
    } else if (k instanceof TxKind.Rent r) {
      rent(s, r);
    } else if (k instanceof TxKind.ExtendRental e) {
      extend(s, e);
    } else if (k instanceof TxKind.TransferObject t) {
      transferObject(s, t);
    } else if (k instanceof TxKind.BuyStorage b) {
      buyStorage(s, b);
    } else if (k instanceof TxKind.RegisterBlob r) {
      registerBlob(s, r);
    } else if (k instanceof TxKind.CertifyBlob c) {
      certifyBlob(c);
    } else if (k instanceof TxKind.InvalidateBlobId i) {
      invalidateBlobId(i);
    } else if (k instanceof TxKind.RegisterNode n) {
      registerNode(s, n);
    } else if (k instanceof TxKind.Stake st) {
      StakingPool pool = load(st.poolId(), StakingPool.class);
      stake(s, pool, amount(st.amountFrost()));
    } else if (k instanceof TxKind.Unstake u) {
      unstake(s, u);
    } else if (k instanceof TxKind.WithdrawStake w) {
      withdrawStake(s, w);
    } else if (k instanceof TxKind.VotePrices v) {
      StakingPool pool = load(v.poolId(), StakingPool.class);
      requireOwner(s, pool);
      StakingPool np = pool.withVotes(amount0(v.storagePricePerUnit()), amount0(v.writePricePerUnit()));
      long ver = update(np);
      effects.event("PricesVoted", np.id(), ver, EventBodies.of("poolId", np.id(),
          "storagePricePerUnit", np.storagePriceVote(), "writePricePerUnit", np.writePriceVote()));
    } else {
      throw new LedgerException(ErrorCode.MALFORMED_TRANSACTION, "unsupported kind " + k.getClass().getSimpleName());
    }
    return effects;
  }

  private void transfer(String from, TxKind.Transfer t) {
    long amt = amount(t.amountFrost());
    debit(from, amt);
    credit(t.to(), amt);
    effects.event("CoinTransferred", t.to(), 0, EventBodies.of("from", from, "to", t.to(), "amountFrost", amt));
  }

  private void buy(String buyer, TxKind.Buy b) {
    Listing l = activeListing(b.listingId());
    long price = l.spec().buyPriceFrost();
    if (price <= 0) {
      throw new LedgerException(ErrorCode.NOT_FOR_SALE, "listing " + l.id() + " has no buy price");
    }
    checkMax(price, b.maxPriceFrost());
    long[] split = pay(buyer, l, price);
    AccessPass pass = new AccessPass(newId(), buyer, l.id(), price, nowMs);
    long v = create(pass);
    effects.event("AccessPassIssued", pass.id(), v, EventBodies.of("passId", pass.id(), "listingId", l.id(),
        "owner", buyer, "seller", l.seller(), "priceFrost", price, "sellerRevenueFrost", split[0],
        "feeFrost", split[1], "feeRecipient", config.marketplaceAddress()));
  }

  private void rent(String renter, TxKind.Rent r) {
    Listing l = activeListing(r.listingId());
    long periods = periods(r.periods());
    long price = rentCost(l, periods);
    checkMax(price, r.maxPriceFrost());
    long[] split = pay(renter, l, price);
    long expires = addExact(nowMs, mulExact(periods, l.spec().rentPeriodMs()));
    Rental rental = new Rental(newId(), renter, l.id(), nowMs, expires);
    long v = create(rental);
    effects.event("RentalCreated", rental.id(), v, EventBodies.of("rentalId", rental.id(), "listingId", l.id(),
        "owner", renter, "seller", l.seller(), "expiresAtMs", expires, "priceFrost", price,
        "sellerRevenueFrost", split[0], "feeFrost", split[1]));
  }

  private void extend(String s, TxKind.ExtendRental e) {
    Rental rental = load(e.rentalId(), Rental.class);
    requireOwner(s, rental);
    Listing l = activeListing(rental.listingId());
    long periods = periods(e.periods());
    long price = rentCost(l, periods);
    checkMax(price, e.maxPriceFrost());
    long[] split = pay(s, l, price);
    long expires = addExact(Math.max(nowMs, rental.expiresAtMs()), mulExact(periods, l.spec().rentPeriodMs()));
    Rental nr = rental.withExpiry(expires);
    long v = update(nr);
    effects.event("RentalExtended", nr.id(), v, EventBodies.of("rentalId", nr.id(), "listingId", l.id(),
        "owner", s, "expiresAtMs", expires, "priceFrost", price, "sellerRevenueFrost", split[0],
        "feeFrost", split[1]));
  }

  private long rentCost(Listing l, long periods) {
    long p = l.spec().rentPricePerPeriodFrost();
    if (p <= 0 || l.spec().rentPeriodMs() <= 0) {
      throw new LedgerException(ErrorCode.NOT_FOR_SALE, "listing " + l.id() + " is not for rent");
    }
    return mulExact(p, periods);
  }

  /** Pays {@code price} from {@code payer}: seller revenue and marketplace fee; returns {revenue, fee}. */
  private long[] pay(String payer, Listing l, long price) {
    long fee = price / 10_000 * l.feeBps() + price % 10_000 * l.feeBps() / 10_000;
    long revenue = price - fee;
    debit(payer, price);
    credit(l.seller(), revenue);
    if (fee > 0) {
      credit(config.marketplaceAddress(), fee);
    }
    return new long[] {revenue, fee};
  }

  private void transferObject(String s, TxKind.TransferObject t) {
    ChainObject o = loadAny(t.objectId()).object();
    requireOwner(s, o);
    ChainObject moved;
    if (o instanceof AccessPass p) {
      moved = p.withOwner(t.to());
    } else if (o instanceof StorageResource r) {
      moved = new StorageResource(r.id(), t.to(), r.startEpoch(), r.endEpoch(), r.storageSize());
    } else if (o instanceof Blob b) {
      moved = new Blob(b.id(), t.to(), b.registeredEpoch(), b.blobId(), b.size(), b.encodingType(),
          b.certifiedEpoch(), b.storage(), b.deletable());
    } else {
      throw new LedgerException(ErrorCode.WRONG_OBJECT_TYPE, o.typeName() + " is not transferable");
    }
    long v = update(moved);
    effects.event("ObjectTransferred", o.id(), v, EventBodies.of("objectType", o.typeName(), "from", s, "to", t.to()));
  }

  // ---------------------------------------------------------------- Walrus storage

  private void buyStorage(String s, TxKind.BuyStorage b) {
    SystemState sys = system();
    if (b.epochs() < 1 || b.epochs() > config.maxEpochsAhead()) {
      throw new LedgerException(ErrorCode.EPOCH_OUT_OF_RANGE, "epochs must be 1.." + config.maxEpochsAhead());
    }
    if (b.storageSize() <= 0) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "storage size must be > 0");
    }
    long perEpoch = overflowGuard(() -> StoragePricing.storageCost(b.storageSize(), 1, sys.storagePricePerUnit()));
    long cost = mulExact(perEpoch, b.epochs());
    debit(s, cost);
    for (int e = sys.epoch(); e < sys.epoch() + b.epochs(); e++) {
      addCounter(FUND_PREFIX + e, perEpoch);
    }
    StorageResource r = new StorageResource(newId(), s, sys.epoch(), sys.epoch() + b.epochs(), b.storageSize());
    long v = create(r);
    effects.event("StorageBought", r.id(), v, EventBodies.of("storageId", r.id(), "owner", s,
        "startEpoch", r.startEpoch(), "endEpoch", r.endEpoch(), "storageSize", r.storageSize(), "costFrost", cost));
  }

  private void registerBlob(String s, TxKind.RegisterBlob r) {
    SystemState sys = system();
    StorageResource st = load(r.storageId(), StorageResource.class);
    requireOwner(s, st);
    if (sys.epoch() < st.startEpoch() || sys.epoch() >= st.endEpoch()) {
      throw new LedgerException(ErrorCode.EPOCH_OUT_OF_RANGE, "storage " + st.id() + " not valid in epoch " + sys.epoch());
    }
    if (r.blobId().length != 32) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "blob id must be 32 bytes, got " + r.blobId().length);
    }
    if (r.encodingType() != 1) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "only RS2 (encoding type 1) is supported: " + r.encodingType());
    }
    if (r.rootHash().length != 32) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "root hash must be 32 bytes, got " + r.rootHash().length);
    }
    if (!Arrays.equals(r.blobId(), BlobId.derive(r.encodingType(), r.size(), r.rootHash()).toBytes())) {
      throw new LedgerException(ErrorCode.INVALID_BLOB_ID,
          "blob id is not blake2b256(encoding type, size, root hash) of the registration");
    }
    requireNotInvalid(r.blobId());
    long encoded = overflowGuard(() -> StoragePricing.encodedBlobLength(r.size(), sys.nShards()));
    if (encoded > st.storageSize()) {
      throw new LedgerException(ErrorCode.STORAGE_TOO_SMALL,
          "encoded length " + encoded + " exceeds storage " + st.storageSize());
    }
    long fee = overflowGuard(() -> StoragePricing.writeCost(encoded, sys.writePricePerUnit()));
    debit(s, fee);
    addCounter(FUND_PREFIX + sys.epoch(), fee);
    String blobId = Base64.getUrlEncoder().withoutPadding().encodeToString(r.blobId());
    state.delete(st.id());
    effects.mutated(st.id());
    Blob blob = new Blob(newId(), s, sys.epoch(), blobId, r.size(), r.encodingType(), null, st, r.deletable());
    long v = create(blob);
    effects.event("BlobRegistered", blob.id(), v, EventBodies.of("blobObjectId", blob.id(), "blobId", blobId,
        "owner", s, "size", r.size(), "encodedSize", encoded, "epoch", sys.epoch(), "endEpoch", st.endEpoch(),
        "deletable", r.deletable(), "writeFeeFrost", fee));
  }

  private void certifyBlob(TxKind.CertifyBlob c) {
    SystemState sys = system();
    Blob blob = load(c.blobObjectId(), Blob.class);
    if (blob.certifiedEpoch() != null) {
      throw new LedgerException(ErrorCode.BLOB_ALREADY_CERTIFIED, "blob " + blob.blobId() + " already certified");
    }
    if (sys.epoch() >= blob.storage().endEpoch()) {
      throw new LedgerException(ErrorCode.EPOCH_OUT_OF_RANGE, "blob storage expired");
    }
    requireNotInvalid(Base64.getUrlDecoder().decode(blob.blobId()));
    long weight = checkCertificate(sys, c.signers(), c.aggregateSignature(), CertificateVerifier.MessageKind.BLOB_CERTIFIED,
        blob.certificationMessage(sys.epoch()));
    Blob nb = blob.certified(sys.epoch());
    long v = update(nb);
    effects.event("BlobCertified", nb.id(), v, EventBodies.of("blobObjectId", nb.id(), "blobId", nb.blobId(),
        "epoch", sys.epoch(), "endEpoch", nb.storage().endEpoch(), "deletable", nb.deletable(),
        "signerWeight", weight));
  }

  /**
   * Checks a storage-node certificate of the current committee: distinct known signer indices whose
   * shards reach the threshold of {@code kind} (a quorum {@code 3w ≥ 2n+1} to certify, validity
   * {@code 3w ≥ n+1} to invalidate) and an aggregate signature over {@code message}. Returns the
   * signers' shard weight; anything else is {@code INVALID_CERTIFICATE}.
   */
  private long checkCertificate(SystemState sys, List<Integer> signers, byte[] aggregateSignature,
      CertificateVerifier.MessageKind kind, byte[] message) {
    List<CommitteeMember> committee = sys.committee();
    long weight;
    try {
      weight = Quorum.weight(committee, signers);
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.INVALID_CERTIFICATE, e.getMessage());
    }
    boolean quorum = kind == CertificateVerifier.MessageKind.BLOB_CERTIFIED;
    if (quorum ? !Quorum.isQuorum(weight, sys.nShards()) : !Quorum.isAboveValidity(weight, sys.nShards())) {
      throw new LedgerException(ErrorCode.INVALID_CERTIFICATE, "signers hold " + weight + " of " + sys.nShards()
          + " shards; need " + (quorum ? "3w >= 2n+1" : "3w >= n+1"));
    }
    List<String> keys = signers.stream().map(i -> committee.get(i).blsPublicKey()).toList();
    if (!certificates.verify(kind, message, keys, aggregateSignature)) {
      throw new LedgerException(ErrorCode.INVALID_CERTIFICATE,
          "aggregate signature does not verify over the " + kind + " message of epoch " + sys.epoch());
    }
    return weight;
  }

  /**
   * Walrus {@code invalidate_blob_id}: an f+1 certificate ({@code 3w ≥ n + 1} by the signers'
   * shards in the current committee) over {@code InvalidBlobIdMsg} of the current epoch marks a
   * registered blob ID invalid for good. Refused with {@code BLOB_ALREADY_INVALIDATED} if it is
   * already invalid (nothing changes), {@code BLOB_NOT_REGISTERED} if no Blob was ever registered
   * with that ID, {@code INVALID_CERTIFICATE} for too little weight, a duplicate or unknown signer
   * index, or a signature that does not verify.
   */
  private void invalidateBlobId(TxKind.InvalidateBlobId inv) {
    SystemState sys = system();
    byte[] raw = inv.blobId();
    if (raw.length != 32) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "blob id must be 32 bytes, got " + raw.length);
    }
    String blobId = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String recordId = InvalidBlobId.objectIdFor(raw);
    Optional<Versioned<ChainObject>> existing = state.object(recordId);
    if (existing.isPresent()) {
      InvalidBlobId prev = (InvalidBlobId) existing.get().object();
      throw new LedgerException(ErrorCode.BLOB_ALREADY_INVALIDATED,
          "blob " + blobId + " was already invalidated in epoch " + prev.epoch());
    }
    List<String> blobObjects = state.blobsByBlobId(blobId).stream().map(v -> v.object().id()).toList();
    if (blobObjects.isEmpty()) {
      throw new LedgerException(ErrorCode.BLOB_NOT_REGISTERED, "no Blob is registered with blob id " + blobId);
    }
    long weight = checkCertificate(sys, inv.signers(), inv.aggregateSignature(), CertificateVerifier.MessageKind.INVALID_BLOB_ID,
        CertificationMessage.invalidBlobId(sys.epoch(), BlobId.fromBytes(raw)));
    InvalidBlobId record = new InvalidBlobId(recordId, SystemState.ID, blobId, sys.epoch(), weight);
    long v = create(record);
    effects.event("BlobInvalidated", recordId, v, EventBodies.of("blobId", blobId, "epoch", sys.epoch(),
        "signerWeight", weight, "blobObjectIds", blobObjects));
  }

  private void requireNotInvalid(byte[] blobId) {
    if (blobId.length == 32 && state.object(InvalidBlobId.objectIdFor(blobId)).isPresent()) {
      throw new LedgerException(ErrorCode.BLOB_INVALID, "blob id "
          + Base64.getUrlEncoder().withoutPadding().encodeToString(blobId) + " has been invalidated");
    }
  }

  // ---------------------------------------------------------------- staking

  private void registerNode(String s, TxKind.RegisterNode n) {
    ListingLimits.text("name", n.name(), ListingLimits.MAX_NODE_NAME, false);
    ListingLimits.text("blsPublicKey", n.blsPublicKey(), ListingLimits.MAX_BLS_PUBLIC_KEY, false);
    long self = amount0(n.selfStakeFrost());
    debit(s, self);
    StakingPool pool = new StakingPool(newId(), s, n.name(), n.blsPublicKey(), self,
        amount0(n.storagePriceVote()), amount0(n.writePriceVote()));
    long v = create(pool);
    effects.event("NodeRegistered", pool.id(), v, EventBodies.of("poolId", pool.id(), "operator", s,
        "name", n.name(), "blsPublicKey", n.blsPublicKey(), "selfStakeFrost", self));
    if (self > 0) {
      newStake(s, pool.id(), self);
    }
  }

  private void stake(String s, StakingPool pool, long amt) {
    debit(s, amt);
    update(pool.withStake(addExact(pool.totalStake(), amt)));
    newStake(s, pool.id(), amt);
  }

  private void newStake(String s, String poolId, long amt) {
    int activation = system().epoch() + 1;
    StakedWal sw = new StakedWal(newId(), s, poolId, amt, activation);
    long v = create(sw);
    effects.event("Staked", sw.id(), v, EventBodies.of("stakedWalId", sw.id(), "poolId", poolId, "owner", s,
        "amountFrost", amt, "activationEpoch", activation));
  }

  private void unstake(String s, TxKind.Unstake u) {
    StakedWal sw = load(u.stakedWalId(), StakedWal.class);
    requireOwner(s, sw);
    if (sw.withdrawEpoch() != null) {
      throw new LedgerException(ErrorCode.STAKE_ALREADY_WITHDRAWING,
          "stake " + sw.id() + " is already withdrawing (withdrawable from epoch " + sw.withdrawEpoch() + ")");
    }
    StakingPool pool = load(sw.poolId(), StakingPool.class);
    update(pool.withStake(pool.totalStake() - sw.amount()));
    int epoch = system().epoch();
    if (sw.activationEpoch() > epoch) {
      // never active: it earned nothing and backs no shard, so it comes back at once
      release(s, sw, pool);
      return;
    }
    StakedWal w = sw.withdrawing(epoch + 1);
    long v = update(w);
    effects.event("UnstakeRequested", w.id(), v, EventBodies.of("stakedWalId", w.id(), "poolId", pool.id(), "owner", s,
        "amountFrost", w.amount(), "withdrawEpoch", w.withdrawEpoch()));
  }

  private void withdrawStake(String s, TxKind.WithdrawStake u) {
    StakedWal sw = load(u.stakedWalId(), StakedWal.class);
    requireOwner(s, sw);
    int epoch = system().epoch();
    if (sw.withdrawEpoch() == null || epoch < sw.withdrawEpoch()) {
      throw new LedgerException(ErrorCode.STAKE_NOT_WITHDRAWABLE, sw.withdrawEpoch() == null
          ? "stake " + sw.id() + " is still staked: unstake it first"
          : "stake " + sw.id() + " is withdrawable from epoch " + sw.withdrawEpoch() + "; this is epoch " + epoch);
    }
    release(s, sw, load(sw.poolId(), StakingPool.class));
  }

  /** Deletes the stake object and returns its WAL to the owner. */
  private void release(String s, StakedWal sw, StakingPool pool) {
    state.delete(sw.id());
    effects.mutated(sw.id());
    credit(s, sw.amount());
    effects.event("Unstaked", sw.id(), 0, EventBodies.of("stakedWalId", sw.id(), "poolId", pool.id(), "owner", s,
        "amountFrost", sw.amount()));
  }

  // ---------------------------------------------------------------- system transactions

  /** Creates the system object if absent (idempotent). */
  public Effects genesis(long epochStartMs) {
    if (state.object(SystemState.ID).isEmpty()) {
      SystemState sys = new SystemState(SystemState.ID, 0, epochStartMs, config.epochLengthMs(),
          config.storagePricePerUnit(), config.writePricePerUnit(), config.nShards(), config.maxEpochsAhead(),
          List.of());
      long v = state.put(sys);
      effects.created(sys.id());
      effects.event("EpochAdvanced", sys.id(), v, EventBodies.of("epoch", 0, "storagePricePerUnit",
          sys.storagePricePerUnit(), "writePricePerUnit", sys.writePricePerUnit(), "committee", List.of()));
    }
    return effects;
  }

  public Effects faucet(String to, long amt) {
    if (!config.faucetEnabled()) {
      throw new LedgerException(ErrorCode.FAUCET_DISABLED, "faucet is disabled on this ledger");
    }
    if (amt <= 0 || amt > config.faucetMaxFrost()) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "faucet amount must be 1.." + config.faucetMaxFrost());
    }
    credit(to, amt);
    addCounter(MINTED, amt);
    effects.event("CoinMinted", to, 0, EventBodies.of("to", to, "amountFrost", amt));
    return effects;
  }

  /** Advances only if the current epoch's length has elapsed (checked under the lock). */
  public Effects advanceEpochIfDue() {
    SystemState sys = system();
    if (nowMs >= sys.epochStartMs() + sys.epochLengthMs()) {
      new EpochTransition(state, this).run(sys, sys.epochStartMs() + sys.epochLengthMs());
    }
    return effects;
  }

  public Effects advanceEpoch() {
    new EpochTransition(state, this).run(system(), nowMs);
    return effects;
  }

  // ---------------------------------------------------------------- helpers (package-private for EpochTransition)

  SystemState system() {
    return load(SystemState.ID, SystemState.class);
  }

  String newId() {
    return Transactions.objectId(digest, createdCount++);
  }

  long create(ChainObject o) {
    long v = state.put(o);
    effects.created(o.id());
    return v;
  }

  long update(ChainObject o) {
    long v = state.put(o);
    effects.mutated(o.id());
    return v;
  }

  Effects effectsSink() {
    return effects;
  }

  void debit(String who, long amt) {
    long bal = state.balance(who);
    if (bal < amt) {
      throw new LedgerException(ErrorCode.INSUFFICIENT_BALANCE,
          who + " has " + bal + " FROST, needs " + amt);
    }
    state.setBalance(who, bal - amt);
  }

  void credit(String who, long amt) {
    state.setBalance(who, addExact(state.balance(who), amt));
  }

  void addCounter(String name, long delta) {
    state.setCounter(name, addExact(state.counter(name), delta));
  }

  private Versioned<ChainObject> loadAny(String id) {
    Optional<Versioned<ChainObject>> o = state.object(id);
    return o.orElseThrow(() -> new LedgerException(ErrorCode.OBJECT_NOT_FOUND, "no object " + id));
  }

  <T extends ChainObject> T load(String id, Class<T> type) {
    ChainObject o = loadAny(id).object();
    if (!type.isInstance(o)) {
      throw new LedgerException(ErrorCode.WRONG_OBJECT_TYPE, id + " is a " + o.typeName() + ", not " + type.getSimpleName());
    }
    return type.cast(o);
  }

  private Listing activeListing(String id) {
    Listing l = load(id, Listing.class);
    if (l.status() != ListingStatus.ACTIVE) {
      throw new LedgerException(ErrorCode.LISTING_NOT_ACTIVE, "listing " + id + " is " + l.status());
    }
    return l;
  }

  private Listing sellerListing(String sender, String id, boolean mustBeActive) {
    Listing l = mustBeActive ? activeListing(id) : load(id, Listing.class);
    requireOwner(sender, l);
    return l;
  }

  private static void requireOwner(String sender, ChainObject o) {
    if (!o.owner().equals(sender)) {
      throw new LedgerException(ErrorCode.NOT_OWNER, o.typeName() + " " + o.id() + " is owned by " + o.owner());
    }
  }

  private void listingEvent(String type, Listing l, long version) {
    effects.event(type, l.id(), version, EventBodies.of("listing", EventBodies.listing(l)));
  }

  private static void checkMax(long price, long max) {
    if (max < 0 || price > max) {
      throw new LedgerException(ErrorCode.PRICE_ABOVE_MAXIMUM, "price " + price + " exceeds maximum " + max);
    }
  }

  private static long periods(long p) {
    if (p < 1 || p > MAX_PERIODS) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "periods must be 1.." + MAX_PERIODS + ": " + p);
    }
    return p;
  }

  /** A strictly positive amount; u64 values above 2^63-1 arrive negative and overflow. */
  static long amount(long v) {
    if (v < 0) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount exceeds 2^63-1 FROST");
    }
    if (v == 0) {
      throw new LedgerException(ErrorCode.INVALID_AMOUNT, "amount must be > 0");
    }
    return v;
  }

  private static long amount0(long v) {
    if (v < 0) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount exceeds 2^63-1 FROST");
    }
    return v;
  }

  static long addExact(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount overflow: " + a + " + " + b);
    }
  }

  static long mulExact(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount overflow: " + a + " * " + b);
    }
  }

  private static long overflowGuard(java.util.function.LongSupplier f) {
    try {
      return f.getAsLong();
    } catch (ArithmeticException e) {
      throw new LedgerException(ErrorCode.AMOUNT_OVERFLOW, "amount overflow in storage price");
    } catch (IllegalArgumentException e) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
  }

  private static void validateSpec(ListingSpec s) {
    ListingLimits.validate(s);
    amount0(s.buyPriceFrost());
    amount0(s.rentPricePerPeriodFrost());
    amount0(s.rentPeriodMs());
    amount0(s.sizeBytes());
    if (s.rentPricePerPeriodFrost() > 0 && s.rentPeriodMs() <= 0) {
      throw new LedgerException(ErrorCode.INVALID_ARGUMENT, "rentPeriodMs must be > 0 when renting is offered");
    }
  }
}
