package dev.haulout.cli.market;

import dev.haulout.cli.storage.ProgressBar;
import dev.haulout.storage.ByteRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code haulout get LISTING -o FILE [--range A-B] [--revision N] [--gateway]}. With
 * {@code --gateway} the marketplace decrypts and streams ({@code /api/v1/listings/{id}/content},
 * HTTP Range): bytes go to {@code FILE.part} (its ETag beside it in {@code FILE.part.etag}), an
 * interrupted download continues from the part's length with {@code If-Range}, and the part becomes
 * FILE only when complete. Without it, the client-side path (session certificate, key shares from
 * the key servers, local decryption) is used.
 */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Download a listing you hold a pass or rental for.")
public final class GetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MarketOptions market;
  @Mixin NetworkOptions network;

  @Parameters(index = "0", paramLabel = "LISTING", description = "Listing id (0x…).")
  String listing;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Output file.")
  Path out;

  @Option(names = "--range", paramLabel = "A-B", description = "Inclusive byte range of the plaintext (e.g. 0-1023).")
  String range;

  @Option(names = "--revision", paramLabel = "N", description = "Revision (default the latest).")
  Integer revision;

  @Option(names = "--gateway", description = "Let the marketplace decrypt and stream (default: decrypt locally).")
  boolean gateway;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--keystore", paramLabel = "FILE",
      description = "Key of your linked wallet (default $HAULOUT_WALLET or ~/.haulout/wallet.key); unused for a managed wallet.")
  Path keystore;

  @Override
  public Integer call() throws Exception {
    String id = Purchases.listingId(listing);
    ByteRange r = range == null ? null : parseRange(range);
    if (revision != null && revision < 1) {
      throw new CliError("USAGE", "--revision must be 1 or more");
    }
    if (Files.isDirectory(out)) {
      throw new CliError("USAGE", out + " is a directory");
    }
    Market m = new Market(market);
    if (!gateway) {
      Path keys = keystore != null ? keystore : Path.of(Env.get("HAULOUT_WALLET",
          Path.of(System.getProperty("user.home"), ".haulout", "wallet.key").toString()));
      long n = new ClientSideRead(m, network.resolve(m, true), keys, spec.commandLine().getErr(), quiet)
          .run(id, revision, r, out);
      spec.commandLine().getOut().println("wrote " + n + " bytes to " + out + " (decrypted here)");
      return 0;
    }
    long n = viaGateway(m, id, r);
    spec.commandLine().getOut().println("wrote " + n + " bytes to " + out);
    return 0;
  }

  static ByteRange parseRange(String text) {
    try {
      return ByteRange.parseInclusive(text);
    } catch (IllegalArgumentException e) {
      throw new CliError("INVALID_RANGE", "--range must be A-B, inclusive, with A ≤ B (e.g. 0-1023): " + Texts.clip(text, 40));
    }
  }

  private long viaGateway(Market m, String id, ByteRange r) throws IOException {
    String url = m.api() + "/api/v1/listings/" + id + (revision == null ? "" : "/revisions/" + revision) + "/content";
    Path part = out.resolveSibling(out.getFileName() + ".part");
    Path etagFile = out.resolveSibling(out.getFileName() + ".part.etag");
    long have = Files.exists(part) && Files.exists(etagFile) ? Files.size(part) : 0;
    String etag = have > 0 ? Files.readString(etagFile, StandardCharsets.UTF_8).strip() : null;
    long from = (r == null ? 0 : r.start()) + have;
    if (r != null && from >= r.end()) {
      return finish(part, etagFile, have);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofHours(12)).GET()
        .header("Authorization", "Bearer " + m.token());
    if (r != null || have > 0) {
      b.header("Range", "bytes=" + from + "-" + (r == null ? "" : String.valueOf(r.end() - 1)));
    }
    if (etag != null) {
      b.header("If-Range", etag);
    }
    HttpResponse<InputStream> resp = Http.send(m.http(), b.build(), HttpResponse.BodyHandlers.ofInputStream(), m.api());
    int status = resp.statusCode();
    try (InputStream in = resp.body()) {
      if (status != 200 && status != 206) {
        throw Market.httpError(status, Market.parse(in.readNBytes(64 * 1024)));
      }
      boolean append = status == 206 && have > 0;
      if (status == 200 && (r != null || have > 0)) {
        if (r != null) {
          throw new CliError("RANGE_IGNORED", "the server sent the whole content instead of the range asked for");
        }
        have = 0; // the content changed (If-Range failed): start over
      }
      if (!append) {
        have = 0;
      }
      resp.headers().firstValue("ETag").ifPresent(t -> write(etagFile, t));
      long total = have + resp.headers().firstValueAsLong("Content-Length").orElse(-1);
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), quiet);
      long done = have;
      try (OutputStream os = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        byte[] buf = new byte[256 * 1024];
        for (int k; (k = in.read(buf)) >= 0; ) {
          os.write(buf, 0, k);
          done += k;
          bar.onProgress("download", done, total);
        }
      } catch (IOException e) {
        bar.finish();
        throw new CliError("DOWNLOAD_INTERRUPTED", "the download stopped at " + done + " bytes (" + e.getMessage()
            + "); run the same command again to resume");
      }
      bar.onProgress("download", done, done);
      bar.finish();
      if (total >= 0 && done != total) {
        throw new CliError("DOWNLOAD_INTERRUPTED", "the server sent " + done + " of " + total
            + " bytes; run the same command again to resume");
      }
      return finish(part, etagFile, done);
    }
  }

  private long finish(Path part, Path etagFile, long n) throws IOException {
    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(etagFile);
    return n;
  }

  private static void write(Path f, String s) {
    try {
      Files.writeString(f, s, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
