package dev.nexuschat.fuzz;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A request as sent and the answer as received, with the wall time between them. */
record Exchange(FuzzRequest request, int status, String contentType, String body, long millis) {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Stands for a client address of its own, made when the request is sent. */
  static final String FRESH_CLIENT = "fresh";

  /** A hung request is reported as too slow, not waited for. */
  private static final Duration GIVE_UP = Duration.ofSeconds(10);

  static Exchange send(String baseUrl, FuzzRequest request) {
    String query =
        request.query().entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create(baseUrl + request.path() + (query.isEmpty() ? "" : "?" + query)))
            .timeout(GIVE_UP);
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      if (header.getValue().equals(FRESH_CLIENT)) {
        builder.header(header.getKey(), dev.nexuschat.testsupport.Api.uniqueIp());
      } else if (!header.getKey().startsWith("X-Fuzz-")) {
        builder.header(header.getKey(), header.getValue());
      }
    }
    byte[] body = request.bodyBytes();
    builder.method(
        request.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Exchange(
          request,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          new String(response.body(), StandardCharsets.UTF_8),
          millis);
    } catch (HttpTimeoutException e) {
      return new Exchange(request, -1, "", "no answer within " + GIVE_UP, GIVE_UP.toMillis());
    } catch (java.io.IOException e) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Exchange(request, -2, "", "connection failed: " + e, millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(FuzzRequests.escapeSurrogates(text), StandardCharsets.UTF_8);
  }
}
