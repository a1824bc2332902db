package dev.nexuschat.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node's {@code /metrics} as Prometheus text, read by sample name (labels ignored, summed). */
public final class Metrics {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final Map<String, Double> samples;
  private final String text;

  private Metrics(String text) {
    this.text = text;
    this.samples = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.find()) {
        samples.merge(sample.group(1), Double.parseDouble(sample.group(3)), Double::sum);
      }
    }
  }

  public static Metrics scrape(String baseUrl) {
    return new Metrics(
        given().baseUri(baseUrl).get("/metrics").then().statusCode(200).extract().asString());
  }

  public boolean has(String name) {
    return samples.containsKey(name);
  }

  /** The sample's value; 0 for a counter that has not been created yet. */
  public double value(String name) {
    return samples.getOrDefault(name, 0.0);
  }

  public String text() {
    return text;
  }

  /**
   * Waits until {@code name} on {@code baseUrl} reaches {@code expected}: metrics are updated just
   * after the frame they count is queued, so a client may see the frame first.
   */
  public static double awaitValue(String baseUrl, String name, double expected) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Metrics current = scrape(baseUrl);
    while (current.value(name) < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      current = scrape(baseUrl);
    }
    return current.value(name);
  }
}
