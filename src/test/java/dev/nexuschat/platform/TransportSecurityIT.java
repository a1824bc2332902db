package dev.nexuschat.platform;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Headers that keep a browser on HTTPS and images off plain HTTP: HSTS only on a request that came
 * over HTTPS (here: forwarded by a trusted proxy, the test node trusts loopback), and a CSP whose
 * {@code img-src} lets no {@code http:} image (a tracking pixel, mixed content) load.
 */
@NexusIT
class TransportSecurityIT {
  private static final String HSTS = "max-age=31536000; includeSubDomains";

  private static Response anyApiAnswer(boolean forwardedHttps) {
    var request = Api.anonymous();
    if (forwardedHttps) {
      request = request.header("X-Forwarded-Proto", "https");
    }
    return request.get("/api/v1/auth/availability?username=nobody_here");
  }

  @Test
  void httpsRequestGetsStrictTransportSecurity() {
    Response response = anyApiAnswer(true);
    assertThat(response.statusCode(), equalTo(200));
    assertThat(response.header("Strict-Transport-Security"), equalTo(HSTS));
  }

  @Test
  void plainHttpRequestGetsNoStrictTransportSecurity() {
    Response response = anyApiAnswer(false);
    assertThat(response.statusCode(), equalTo(200));
    // Over plain HTTP the header is meaningless at best, and must not pin a dev box to HTTPS.
    assertThat(response.header("Strict-Transport-Security"), nullValue());
  }

  @Test
  void forwardedProtoOtherThanHttpsGetsNoStrictTransportSecurity() {
    Response response =
        Api.anonymous()
            .header("X-Forwarded-Proto", "http")
            .get("/api/v1/auth/availability?username=nobody_here");
    assertThat(response.header("Strict-Transport-Security"), nullValue());
  }

  @Test
  void contentSecurityPolicyAllowsNoPlainHttpImages() {
    String csp = anyApiAnswer(false).header("Content-Security-Policy");
    assertThat(csp, notNullValue());
    List<String> imgSrc =
        Arrays.stream(csp.split(";"))
            .map(String::trim)
            .filter(d -> d.startsWith("img-src "))
            .findFirst()
            .map(d -> Arrays.asList(d.substring("img-src ".length()).trim().split("\\s+")))
            .orElseThrow(() -> new AssertionError("no img-src in " + csp));
    assertThat(csp, imgSrc, hasItem("https:"));
    // Attachments: fetched with the token, shown from object URLs.
    assertThat(csp, imgSrc, hasItem("blob:"));
    assertThat(csp, imgSrc, not(hasItem("http:")));
    assertThat(csp, imgSrc, not(hasItem("*")));
  }
}
