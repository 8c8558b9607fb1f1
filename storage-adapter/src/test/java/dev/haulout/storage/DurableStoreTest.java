package dev.haulout.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.haulout.storage.node.DurableStore;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableStoreTest {
  @TempDir
  Path dir;

  @Test
  void writtenFilesSurviveReopeningAndLeaveNoTemporaryFiles() throws Exception {
    DurableStore s = DurableStore.open(dir);
    s.write("blobA", "p3", new byte[] {1, 2, 3});
    s.write("blobA", "p3", new byte[] {4, 5});
    DurableStore again = DurableStore.open(dir);
    assertArrayEquals(new byte[] {4, 5}, again.read("blobA", "p3").orElseThrow());
    assertEquals(List.of("blobA"), again.blobs());
    try (var files = Files.list(dir.resolve("blobA"))) {
      assertEquals(List.of("p3"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void aBatchIsWrittenWholeAndOverwritesEarlierFilesWithNoTemporaryFilesLeft() throws Exception {
    DurableStore s = DurableStore.open(dir);
    s.write("blobB", "p0", new byte[] {9});
    java.util.Map<String, byte[]> batch = new java.util.LinkedHashMap<>();
    batch.put("p0", new byte[] {1});
    batch.put("s0", new byte[] {2, 2});
    batch.put("p1", new byte[0]);
    s.writeAll("blobB", batch);
    DurableStore again = DurableStore.open(dir);
    for (var e : batch.entrySet()) {
      assertArrayEquals(e.getValue(), again.read("blobB", e.getKey()).orElseThrow(), e.getKey());
    }
    try (var files = Files.list(dir.resolve("blobB"))) {
      assertEquals(java.util.Set.of("p0", "s0", "p1"), files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
  }

  @Test
  void aFlippedBitOnDiskIsDetectedAndTheFileDropped() throws Exception {
    DurableStore s = DurableStore.open(dir);
    s.write("blobA", "s1", new byte[1000]);
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("blobA").resolve("s1").toFile(), "rw")) {
      f.seek(500);
      f.write(7);
    }
    assertTrue(s.read("blobA", "s1").isEmpty());
    assertEquals(1, s.corruptFilesDetected());
    assertTrue(!s.exists("blobA", "s1"), "corrupt file deleted so self-healing rebuilds it");
  }
}
