package dev.haulout.bench.seal;

import dev.haulout.seal.crypto.DemType;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.KeyServerPublicKey;
import dev.haulout.seal.crypto.SealDecryptor;
import dev.haulout.seal.crypto.SealEncryptor;
import dev.haulout.seal.crypto.UserSecretKey;
import dev.haulout.seal.crypto.bls.G1Point;
import dev.haulout.seal.crypto.elgamal.ElGamal;
import dev.haulout.seal.crypto.elgamal.ElGamalCiphertext;
import dev.haulout.seal.crypto.elgamal.ElGamalKeyPair;
import dev.haulout.seal.crypto.ibe.BonehFranklin;
import dev.haulout.seal.crypto.ibe.MasterKeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IBE / KEM costs on one thread (ops/s): key-server side {@code extractUsk} (H1 + G1 scalar mult)
 * plus the ElGamal wrap of a response; client side usk verification (2 pairings) and full
 * 2-of-3 seal/unseal of a 32-byte key. Run: {@code java -jar bench/target/benchmarks.jar SealCryptoBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class SealCryptoBenchmark {
  private final SecureRandom rng = new SecureRandom();
  private List<MasterKeyPair> keys;
  private List<KeyServerPublicKey> servers;
  private byte[] fullId;
  private G1Point usk;
  private ElGamalKeyPair client;
  private ElGamalCiphertext response;
  private EncryptedObject object;
  private List<UserSecretKey> usks;
  private byte[] counter = new byte[8];

  @Setup
  public void setup() {
    keys = new ArrayList<>();
    servers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      MasterKeyPair k = MasterKeyPair.generate(rng);
      keys.add(k);
      byte[] id = new byte[32];
      id[31] = (byte) i;
      servers.add(new KeyServerPublicKey(id, k.publicKey()));
    }
    object = SealEncryptor.encrypt(new byte[32], new byte[] {7}, servers, 2, DemType.AES_256_GCM,
        new byte[32], null, rng).object();
    fullId = object.fullId();
    usk = BonehFranklin.extract(keys.get(0).secretKey(), fullId);
    client = ElGamalKeyPair.generate(rng);
    response = ElGamal.encrypt(client.encryptionKey(), usk, rng);
    usks = List.of(
        new UserSecretKey(servers.get(0).objectId(), usk),
        new UserSecretKey(servers.get(1).objectId(), BonehFranklin.extract(keys.get(1).secretKey(), fullId)));
  }

  /** Key server: usk = H1(full_id)^msk for a fresh identity each time. */
  @Benchmark
  public G1Point extractUsk() {
    counter[0]++;
    counter[1] += counter[0] == 0 ? 1 : 0;
    byte[] id = new byte[40];
    System.arraycopy(counter, 0, id, 32, 8);
    return BonehFranklin.extract(keys.get(0).secretKey(), id);
  }

  /** Key server: extract + ElGamal-encrypt the usk for the client (one fetch_key id). */
  @Benchmark
  public ElGamalCiphertext extractAndWrapUsk() {
    return ElGamal.encrypt(client.encryptionKey(), BonehFranklin.extract(keys.get(0).secretKey(), fullId), rng);
  }

  /** Client: ElGamal-decrypt and pairing-verify one usk. */
  @Benchmark
  public boolean unwrapAndVerifyUsk() {
    return BonehFranklin.verifyUserSecretKey(ElGamal.decrypt(client.secretKey(), response), fullId,
        keys.get(0).publicKey());
  }

  /** Seal a 32-byte data key for 2-of-3 servers (3 pairings). */
  @Benchmark
  public EncryptedObject sealDataKey2of3() {
    return SealEncryptor.encrypt(new byte[32], new byte[] {7}, servers, 2, DemType.AES_256_GCM,
        new byte[32], null, rng).object();
  }

  /** Unseal with 2 usks, no consistency check (2 pairings + G2 mult). */
  @Benchmark
  public byte[] unseal2of3() {
    return SealDecryptor.decrypt(object, usks);
  }

  /** Unseal with usk verification and the share-consistency check. */
  @Benchmark
  public byte[] unseal2of3Checked() {
    return SealDecryptor.decrypt(object, usks, servers);
  }
}
