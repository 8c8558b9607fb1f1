package dev.haulout.chain.tx;

import dev.haulout.chain.model.ListingSpec;
import java.util.List;

/** What a transaction does. The BCS enum tag of each kind is its {@link #tag()}; never reuse one. */
public sealed interface TxKind {
  int tag();

  /** Move {@code amountFrost} FROST to {@code to}. */
  record Transfer(String to, long amountFrost) implements TxKind {
    public int tag() { return 0; }
  }

  record CreateListing(ListingSpec spec) implements TxKind {
    public int tag() { return 1; }
  }

  record UpdateListing(String listingId, ListingSpec spec) implements TxKind {
    public int tag() { return 2; }
  }

  record Delist(String listingId) implements TxKind {
    public int tag() { return 3; }
  }

  /** Buy perpetual access; fails if the current price exceeds {@code maxPriceFrost}. */
  record Buy(String listingId, long maxPriceFrost) implements TxKind {
    public int tag() { return 4; }
  }

  record Rent(String listingId, long periods, long maxPriceFrost) implements TxKind {
    public int tag() { return 5; }
  }

  record ExtendRental(String rentalId, long periods, long maxPriceFrost) implements TxKind {
    public int tag() { return 6; }
  }

  record AllowlistAdd(String listingId, String address) implements TxKind {
    public int tag() { return 7; }
  }

  record AllowlistRemove(String listingId, String address) implements TxKind {
    public int tag() { return 8; }
  }

  /** Transfer an owned object (e.g. an AccessPass) to another address. */
  record TransferObject(String objectId, String to) implements TxKind {
    public int tag() { return 9; }
  }

  /** Buy a Walrus Storage resource of {@code storageSize} bytes for {@code epochs} epochs from now. */
  record BuyStorage(long storageSize, int epochs) implements TxKind {
    public int tag() { return 10; }
  }

  /**
   * Register a blob (ID = 32 bytes, its metadata's 32-byte Merkle root, {@code size} unencoded
   * bytes, RS2 = encoding type 1) against an owned Storage resource, which must hold its encoded
   * length; pays the write fee. The ledger re-derives the ID from root, size and encoding type, as
   * Walrus's {@code register_blob} does.
   */
  record RegisterBlob(
      String storageId, byte[] blobId, byte[] rootHash, long size, int encodingType, boolean deletable)
      implements TxKind {
    public RegisterBlob {
      blobId = blobId.clone();
      rootHash = rootHash.clone();
    }

    @Override
    public byte[] blobId() {
      return blobId.clone();
    }

    @Override
    public byte[] rootHash() {
      return rootHash.clone();
    }

    public int tag() { return 11; }
  }

  /**
   * Certify a registered blob with a storage-node certificate: the committee member indices that
   * signed and the aggregate signature over the confirmation message.
   */
  record CertifyBlob(String blobObjectId, List<Integer> signers, byte[] aggregateSignature)
      implements TxKind {
    public CertifyBlob {
      signers = List.copyOf(signers);
      aggregateSignature = aggregateSignature.clone();
    }

    @Override
    public byte[] aggregateSignature() {
      return aggregateSignature.clone();
    }

    public int tag() { return 12; }
  }

  /** Register the sender as a storage node with a staking pool and initial self-stake. */
  record RegisterNode(String name, String blsPublicKey, long selfStakeFrost, long storagePriceVote, long writePriceVote)
      implements TxKind {
    public int tag() { return 13; }
  }

  /** Delegate WAL to a pool; becomes active at the next epoch. */
  record Stake(String poolId, long amountFrost) implements TxKind {
    public int tag() { return 14; }
  }

  /**
   * Unstake: a stake not yet active is returned at once; an active one stops counting for the next
   * committee and becomes withdrawable at the next epoch ({@link WithdrawStake}).
   */
  record Unstake(String stakedWalId) implements TxKind {
    public int tag() { return 15; }
  }

  /** The pool operator's vote on prices (FROST per MiB unit) for the next epoch. */
  record VotePrices(String poolId, long storagePricePerUnit, long writePricePerUnit) implements TxKind {
    public int tag() { return 16; }
  }

  /**
   * Mark a Walrus blob ID invalid (Walrus {@code invalidate_blob_id}) with an f+1 certificate: the
   * committee member indices whose shards {@code w} satisfy {@code 3w ≥ n + 1} and their aggregate
   * signature over {@code InvalidBlobIdMsg} ({@code 02 00 03 ‖ u32le epoch ‖ blob_id}) of the
   * current epoch.
   */
  record InvalidateBlobId(byte[] blobId, List<Integer> signers, byte[] aggregateSignature) implements TxKind {
    public InvalidateBlobId {
      blobId = blobId.clone();
      signers = List.copyOf(signers);
      aggregateSignature = aggregateSignature.clone();
    }

    @Override
    public byte[] blobId() {
      return blobId.clone();
    }

    @Override
    public byte[] aggregateSignature() {
      return aggregateSignature.clone();
    }

    public int tag() { return 17; }
  }

  /** Returns the WAL of a stake whose withdrawal epoch has come (Walrus {@code withdraw_stake}). */
  record WithdrawStake(String stakedWalId) implements TxKind {
    public int tag() { return 18; }
  }

  /**
   * Register a Seal key server owned by the sender: a display {@code name} (as node names), its
   * {@code url} (http/https), its 96-byte compressed G2 master public key as hex, and its weight
   * (1..{@value dev.haulout.chain.model.KeyServer#MAX_WEIGHT}). Creates a {@code KeyServer} object.
   */
  record RegisterKeyServer(String name, String url, String publicKey, int weight) implements TxKind {
    public int tag() { return 19; }
  }

  /** The owner of a {@code KeyServer} object moves it to a new {@code url}. */
  record UpdateKeyServer(String keyServerId, String url) implements TxKind {
    public int tag() { return 20; }
  }
}
