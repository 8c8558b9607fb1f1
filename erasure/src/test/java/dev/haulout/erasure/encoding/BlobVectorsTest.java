package dev.haulout.erasure.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.haulout.erasure.Axis;
import dev.haulout.walrus.BlobId;
import dev.haulout.erasure.EncodingConfig;
import dev.haulout.erasure.ErasureException.DataTooLargeException;
import dev.haulout.erasure.SliverData;
import dev.haulout.erasure.internal.VectorPathTest;
import dev.haulout.erasure.internal.VectorSupport;
import dev.haulout.erasure.metadata.UnverifiedBlobMetadata;
import dev.haulout.erasure.metadata.VerifiedBlobMetadata;
import dev.haulout.erasure.rs.CodingLoop;
import dev.haulout.erasure.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Blob IDs, roots and every sliver against the wasm-generated vectors. */
class BlobVectorsTest {
  @BeforeAll
  static void report() {
    VectorPathTest.assumeForcedRunAddsCoverage("BlobVectorsTest");
    System.out.println("BlobVectorsTest: " + VectorSupport.describe() + "; loops " + CodingLoop.all());
  }

  private static final Map<String, byte[]> INPUTS = new HashMap<>();

  private static synchronized byte[] input(String name) {
    return INPUTS.computeIfAbsent(name, TestData::namedInput);
  }

  static Stream<Arguments> blobIds() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : TestData.vectors("blob-ids.json")) {
      out.add(Arguments.of(v.get("input").asText() + " n=" + v.get("n_shards").asInt(), v));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blobIds")
  void blobIdMatchesWalrus(String name, JsonNode v) throws IOException {
    byte[] blob = input(v.get("input").asText());
    EncodingConfig cfg = EncodingConfig.forShards(v.get("n_shards").asInt());
    BlobEncoder enc = BlobEncoder.create(cfg, EncoderOptions.defaults().withParallelism(2));
    if (v.has("error")) {
      assertThrows(DataTooLargeException.class, () -> enc.computeMetadata(blob));
      return;
    }
    assertEquals(v.get("input_sha256").asText(), TestData.hex(TestData.sha256(blob)));
    VerifiedBlobMetadata m = enc.computeMetadata(new ByteArrayInputStream(blob), blob.length);
    assertEquals(v.get("symbol_size").asInt(), m.symbolSize());
    assertEquals(v.get("root_hash_hex").asText(), TestData.hex(m.rootHash()));
    BlobId id = m.blobId();
    assertEquals(v.get("blob_id").asText(), id.toBase64());
    assertEquals(v.get("blob_id_hex").asText(), id.toHex());
    assertEquals(v.get("blob_id_u256").asText(), id.toU256().toString());
    assertEquals(v.get("rotation_offset").asInt(), id.rotationOffset(cfg.nShards()));
    assertEquals(id, BlobId.fromBase64(v.get("blob_id").asText()));
    // metadata round-trips through BCS and verifies
    VerifiedBlobMetadata again = UnverifiedBlobMetadata.fromBcs(m.toBcsWithId()).verify(cfg);
    assertEquals(id, again.blobId());
    int uleb = cfg.nShards() < 128 ? 1 : cfg.nShards() < 16384 ? 2 : 3;
    assertEquals(32 + 10 + uleb + 66 * cfg.nShards(), m.toBcsWithId().length);
  }

  static Stream<Arguments> smallEncodings() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : TestData.vectors("small-encodings.json")) {
      for (CodingLoop loop : CodingLoop.all()) {
        out.add(Arguments.of(v.get("input").asText() + " n=" + v.get("n_shards").asInt() + " " + loop.name(), v, loop));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallEncodings")
  void everySliverAndHashMatchesWalrus(String name, JsonNode v, CodingLoop loop) {
    byte[] blob = TestData.hex(v.get("input_hex").asText());
    EncodingConfig cfg = EncodingConfig.forShards(v.get("n_shards").asInt());
    JsonNode p = v.get("params");
    assertEquals(p.get("f").asInt(), cfg.maxFaulty());
    assertEquals(p.get("k1").asInt(), cfg.primarySourceSymbols());
    assertEquals(p.get("k2").asInt(), cfg.secondarySourceSymbols());
    assertEquals(p.get("S").asInt(), cfg.symbolSize(blob.length));
    EncodedBlob e = BlobEncoder.create(cfg, EncoderOptions.defaults().withCodingLoop(loop)).encode(blob);
    assertEquals(v.get("blob_id").asText(), e.blobId().toBase64());
    assertEquals(v.get("root_hash_hex").asText(), TestData.hex(e.metadata().rootHash()));
    for (JsonNode pair : v.get("sliver_pairs")) {
      int pi = pair.get("pair_index").asInt();
      SliverData prim = e.pairPrimary(pi);
      SliverData sec = e.pairSecondary(pi);
      assertEquals(pair.get("primary_sliver_index").asInt(), prim.index());
      assertEquals(pair.get("secondary_sliver_index").asInt(), sec.index());
      assertEquals(pair.get("primary_hex").asText(), TestData.hex(prim.data()), "primary " + pi);
      assertEquals(pair.get("secondary_hex").asText(), TestData.hex(sec.data()), "secondary " + pi);
      assertEquals(pair.get("primary_bcs_hex").asText(), TestData.hex(prim.toBcs()));
      assertEquals(pair.get("secondary_bcs_hex").asText(), TestData.hex(sec.toBcs()));
      assertEquals(pair.get("primary_merkle_root_hex").asText(), TestData.hex(e.metadata().sliverHash(Axis.PRIMARY, prim.index())));
      assertEquals(pair.get("secondary_merkle_root_hex").asText(), TestData.hex(e.metadata().sliverHash(Axis.SECONDARY, sec.index())));
      assertEquals(sec, SliverData.fromBcs(Axis.SECONDARY, sec.toBcs()));
    }
  }

  @Test
  void encodeAndComputeMetadataAgreeAndStreamingMatches() throws IOException {
    byte[] blob = TestData.stream(12345);
    BlobEncoder enc = BlobEncoder.create(EncodingConfig.forShards(13));
    EncodedBlob e = enc.encode(blob);
    assertEquals(e.blobId(), enc.computeMetadata(blob).blobId());
    List<SliverData> got = new ArrayList<>();
    VerifiedBlobMetadata m = enc.encode(new ByteArrayInputStream(blob), blob.length, s -> {
      synchronized (got) {
        got.add(s);
      }
    });
    assertEquals(e.blobId(), m.blobId());
    assertEquals(26, got.size());
    for (SliverData s : got) {
      assertEquals(e.sliver(s.axis(), s.index()), s);
    }
  }

  @Test
  void metadataOnlyExpansionsReuseTheirArraysAndStillPadWithZeros() throws IOException {
    EncodingConfig config = EncodingConfig.forShards(13);
    BlobEncoder enc = BlobEncoder.create(config);
    byte[] big = TestData.stream(4050);
    int s = config.symbolSize(big.length);
    // a shorter blob of the same symbol size: its rows end earlier, so reused rows must be zeroed
    byte[] small = TestData.stream(3961);
    assertEquals(s, config.symbolSize(small.length));
    Arrays.fill(big, (byte) 0x5a);

    Expansion first = Expansion.forMetadata(config, big.length, EncoderOptions.defaults());
    first.fill(big);
    first.recycle();
    Expansion second = Expansion.forMetadata(config, small.length, EncoderOptions.defaults());
    assertSame(first.rowData, second.rowData, "spare arrays reused");
    second.recycle();

    for (int round = 0; round < 3; round++) {
      assertEquals(enc.encode(small).blobId(), enc.computeMetadata(small).blobId());
      assertEquals(enc.encode(small).blobId(), enc.computeMetadata(new ByteArrayInputStream(small), small.length).blobId());
      assertEquals(enc.encode(big).blobId(), enc.computeMetadata(big).blobId());
    }
    // a stream that ends early fails, and the arrays it dirtied do not leak into the next ID
    assertThrows(EOFException.class, () -> enc.computeMetadata(new ByteArrayInputStream(big, 0, 4000), big.length));
    assertEquals(enc.encode(small).blobId(), enc.computeMetadata(small).blobId());
  }
}
