package dev.haulout.cli.market;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/** Sends a request; a refused connection or a timeout becomes {@code UNREACHABLE} naming the host. */
final class Http {
  private Http() {}

  static HttpResponse<String> send(HttpClient http, HttpRequest req, String what) {
    return send(http, req, HttpResponse.BodyHandlers.ofString(), what);
  }

  static <T> HttpResponse<T> send(HttpClient http, HttpRequest req, HttpResponse.BodyHandler<T> h, String what) {
    try {
      return http.send(req, h);
    } catch (ConnectException e) {
      throw new CliError("UNREACHABLE", "cannot connect to " + what);
    } catch (HttpTimeoutException e) {
      throw new CliError("UNREACHABLE", "no answer from " + what + " in time");
    } catch (IOException e) {
      throw new CliError("UNREACHABLE", "connection to " + what + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliError("INTERRUPTED", "interrupted");
    }
  }
}
