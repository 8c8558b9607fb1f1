package dev.haulout.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.haulout.cli.InputFiles;
import dev.haulout.cli.storage.ProgressBar;
import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haulout publish FILE --title T …}: a resumable tus 1.0 upload to {@code /api/v1/uploads}
 * (tus-java-client; the upload URL is kept per file, size, mtime and metadata, so running the same
 * command again resumes), then the publication's stages from GraphQL {@code publication(id)}
 * until {@code LISTED} or {@code FAILED}.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, description = "Publish a file as a listing (role seller).")
public final class PublishCommand implements Callable<Integer> {
  static final String PUBLICATION = "query($id:String!){publication(id:$id){id stage state listingId blobId"
      + " errorCode errorMessage bytesDone bytesTotal}}";
  static final List<String> STAGES = List.of("UPLOADED", "DRAFTED", "ENCRYPTED", "ENCODED", "STORED", "CERTIFIED", "LISTED");

  @Spec CommandSpec spec;
  @Mixin MarketOptions market;

  @Parameters(index = "0", paramLabel = "FILE", description = "The dataset file.")
  Path file;

  @Option(names = "--title", paramLabel = "T", description = "Title (required for a new listing).")
  String title;

  @Option(names = "--description", paramLabel = "D") String description;
  @Option(names = "--tags", paramLabel = "a,b", split = ",", description = "Tags, comma-separated.") List<String> tags;
  @Option(names = "--license", paramLabel = "SPDX", description = "Licence, an SPDX id (e.g. CC-BY-4.0).") String license;
  @Option(names = "--commercial-use", arity = "1", paramLabel = "true|false") Boolean commercialUse;
  @Option(names = "--ai-training", arity = "1", paramLabel = "true|false") Boolean aiTraining;
  @Option(names = "--redistribution", arity = "1", paramLabel = "true|false") Boolean redistribution;
  @Option(names = "--buy-price", paramLabel = "WAL", description = "Perpetual pass price in WAL (0 is free).") String buyPrice;
  @Option(names = "--rent-price", paramLabel = "WAL", description = "Rent price per period in WAL.") String rentPrice;
  @Option(names = "--rent-period", paramLabel = "30d", description = "Rent period: 30d, 12h, 90m or ISO-8601 (P30D).") String rentPeriod;
  @Option(names = "--free", description = "Offer for free (no price).") boolean free;
  @Option(names = "--listing", paramLabel = "LISTING", description = "Publish a new revision of your listing.") String listingId;
  @Option(names = "--no-wait", description = "Return once uploaded, without following the publication.") boolean noWait;
  @Option(names = "--json", description = "Print {\"listingId\":…,\"publicationId\":…} on stdout.") boolean json;
  @Option(names = "--quiet", description = "No progress bar.") boolean quiet;

  @Override
  public Integer call() throws Exception {
    Map<String, String> meta = metadata();
    InputFiles.regularFileSize(file);
    PrintWriter err = spec.commandLine().getErr();
    Market m = new Market(market);
    m.token(); // fail before uploading when not logged in
    ProgressBar bar = new ProgressBar(err, quiet || json);
    String uploadUrl = upload(m, meta, bar);
    bar.finish();
    String id = uploadUrl.substring(uploadUrl.lastIndexOf('/') + 1);
    JsonNode pub = noWait ? null : follow(m, id, err);
    PrintWriter out = spec.commandLine().getOut();
    String listing = pub == null ? null : Market.text(pub, "listingId");
    if (json) {
      ObjectNode o = Market.json().createObjectNode();
      o.put("listingId", listing);
      o.put("publicationId", id);
      if (pub != null) {
        o.put("stage", pub.path("stage").asText());
        o.put("blobId", Market.text(pub, "blobId"));
      }
      out.println(Market.json().writeValueAsString(o));
    } else {
      out.println(pub == null ? "uploaded; publication " + id : "listed " + listing + " (publication " + id + ")");
    }
    return 0;
  }

  /** The tus {@code Upload-Metadata} pairs (docs/commerce.md "Publish"), checked before any byte is sent. */
  Map<String, String> metadata() {
    Map<String, String> meta = new LinkedHashMap<>();
    if (title == null && listingId == null) {
      throw new CliError("USAGE", "--title is required (or --listing to publish a new revision)");
    }
    if (free && (buyPrice != null || rentPrice != null)) {
      throw new CliError("USAGE", "--free takes no --buy-price or --rent-price");
    }
    if ((rentPrice == null) != (rentPeriod == null)) {
      throw new CliError("USAGE", "--rent-price and --rent-period go together");
    }
    if (!free && buyPrice == null && rentPrice == null && listingId == null) {
      throw new CliError("USAGE", "give --buy-price, --rent-price with --rent-period, or --free");
    }
    meta.put("filename", file.getFileName().toString());
    meta.put("filetype", contentType(file));
    put(meta, "title", title);
    put(meta, "description", description);
    put(meta, "tags", tags == null ? null : String.join(",", tags));
    put(meta, "license", license);
    put(meta, "commercialUse", commercialUse == null ? null : commercialUse.toString());
    put(meta, "aiTraining", aiTraining == null ? null : aiTraining.toString());
    put(meta, "redistribution", redistribution == null ? null : redistribution.toString());
    if (buyPrice != null) {
      Prices.frost(buyPrice);
      meta.put("buyPrice", buyPrice.strip());
    }
    if (rentPrice != null) {
      Prices.frost(rentPrice);
      Prices.periodMillis(rentPeriod);
      meta.put("rentPrice", rentPrice.strip());
      meta.put("rentPeriod", rentPeriod.strip());
    }
    if (free) {
      meta.put("free", "true");
    }
    if (listingId != null) {
      meta.put("listingId", Purchases.listingId(listingId));
    }
    return meta;
  }

  private String upload(Market m, Map<String, String> meta, ProgressBar bar) throws IOException {
    TusClient client = new TusClient();
    client.setUploadCreationURL(new URL(m.api() + "/api/v1/uploads"));
    client.enableResuming(FileUrlStore.fromEnvironment());
    client.enableRemoveFingerprintOnSuccess();
    String fingerprint = fingerprint(m.api(), meta);
    // a dropped connection, or the server still holding the lock of a request it lost (409), is
    // retried from the server's offset (HEAD) a few times before the command gives up
    for (int attempt = 1; ; attempt++) {
      TusUpload upload = new TusUpload(file.toFile()); // a fresh stream each attempt, positioned by the client
      upload.setMetadata(meta);
      upload.setFingerprint(fingerprint);
      try {
        return send(client, upload, m, bar);
      } catch (ProtocolException e) {
        int status = status(e);
        if (attempt >= 5 || !(status == 409 || status == 423 || status >= 500 || e.shouldRetry())) {
          throw refused(e);
        }
      } catch (IOException e) {
        if (attempt >= 5) {
          throw new CliError("UPLOAD_INTERRUPTED", "the upload stopped (" + e.getMessage()
              + "); run the same command again to resume");
        }
      }
      sleepQuietly(1000L * attempt);
    }
  }

  private static String send(TusClient client, TusUpload upload, Market m, ProgressBar bar)
      throws ProtocolException, IOException {
    client.setHeaders(Map.of("Authorization", "Bearer " + m.token()));
    TusUploader up = client.resumeOrCreateUpload(upload);
    up.setChunkSize(256 * 1024);
    up.setRequestPayloadSize(4 * 1024 * 1024); // a resume loses at most one request
    long size = upload.getSize();
    bar.onProgress("upload", up.getOffset(), size);
    while (true) {
      client.setHeaders(Map.of("Authorization", "Bearer " + m.token())); // refreshed for long uploads
      if (up.uploadChunk() <= -1) {
        break;
      }
      bar.onProgress("upload", up.getOffset(), size);
    }
    up.finish();
    bar.onProgress("upload", size, size);
    return up.getUploadURL().toString();
  }

  private static int status(ProtocolException e) {
    try {
      return e.getCausingConnection() == null ? -1 : e.getCausingConnection().getResponseCode();
    } catch (IOException io) {
      return -1;
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliError("INTERRUPTED", "interrupted");
    }
  }

  private static CliError refused(ProtocolException e) {
    HttpURLConnection c = e.getCausingConnection();
    if (c == null) {
      return new CliError("UPLOAD_FAILED", e.getMessage());
    }
    try {
      int status = c.getResponseCode();
      InputStream es = c.getErrorStream();
      byte[] body = es == null ? new byte[0] : es.readNBytes(64 * 1024);
      return Market.httpError(status, Market.parse(body));
    } catch (IOException io) {
      return new CliError("UPLOAD_FAILED", e.getMessage());
    }
  }

  /** Polls {@code publication(id)} and draws each stage until LISTED; FAILED is an error with its code. */
  private JsonNode follow(Market m, String id, PrintWriter err) throws InterruptedException {
    ProgressBar bar = new ProgressBar(err, quiet || json);
    String shown = "";
    long deadline = System.currentTimeMillis() + Long.getLong("haulout.publish.timeout-ms", 30 * 60_000L);
    while (System.currentTimeMillis() < deadline) {
      JsonNode p = m.graphql(PUBLICATION, Map.of("id", id), true).path("publication");
      if (p.isMissingNode() || p.isNull()) {
        throw new CliError("PUBLICATION_NOT_FOUND", "the server knows no publication " + id);
      }
      String stage = p.path("stage").asText();
      String state = p.path("state").asText();
      if (!stage.equals(shown)) {
        if (!shown.isEmpty()) {
          bar.finish();
          bar = new ProgressBar(err, quiet || json);
        }
        shown = stage;
      }
      int idx = STAGES.indexOf(stage);
      long total = p.path("bytesTotal").asLong(0);
      if (total > 0 && !"DONE".equals(state)) {
        bar.onProgress(stage.toLowerCase(java.util.Locale.ROOT), p.path("bytesDone").asLong(), total);
      } else {
        bar.onProgress(stage.toLowerCase(java.util.Locale.ROOT), idx + 1, STAGES.size());
      }
      if ("FAILED".equals(state)) {
        bar.finish();
        throw new CliError(p.path("errorCode").asText("PUBLICATION_FAILED"), "publication " + id + " failed at "
            + stage + ": " + p.path("errorMessage").asText("") + " (retry with GraphQL retryPublication)");
      }
      if ("DONE".equals(state) || "LISTED".equals(stage)) {
        bar.finish();
        return p;
      }
      Thread.sleep(500);
    }
    throw new CliError("PUBLICATION_TIMEOUT", "publication " + id + " is still at " + shown);
  }

  private String fingerprint(String api, Map<String, String> meta) throws IOException {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((api + "\n" + file.toAbsolutePath() + "\n" + Files.size(file) + "\n"
          + Files.getLastModifiedTime(file).toMillis() + "\n" + meta).getBytes(StandardCharsets.UTF_8));
      return "haulout-publish-" + dev.haulout.wire.Hex.encode(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }

  static String contentType(Path f) {
    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".csv")) {
      return "text/csv";
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return "application/x-ndjson";
    }
    if (n.endsWith(".json")) {
      return "application/json";
    }
    if (n.endsWith(".parquet")) {
      return "application/vnd.apache.parquet";
    }
    return "application/octet-stream";
  }
}
