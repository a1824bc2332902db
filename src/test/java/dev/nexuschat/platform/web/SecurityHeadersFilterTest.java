package dev.nexuschat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {
  @Test
  void theBucketsOriginJoinsConnectSrcOnly() {
    String policy = SecurityHeadersFilter.policy(Optional.of("http://localhost:9000"));
    assertThat(policy).contains("connect-src 'self' http://localhost:9000;");
    assertThat(policy).contains("img-src 'self' data: blob: https:;");
    assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).contains("connect-src 'self';");
  }

  @Test
  void anOriginIsSchemeHostAndPortOfAnHttpUrl() {
    assertThat(SecurityHeadersFilter.originOf("http://minio:9000/bucket"))
        .hasValue("http://minio:9000");
    assertThat(SecurityHeadersFilter.originOf("HTTPS://s3.example.com"))
        .hasValue("https://s3.example.com");
    assertThat(SecurityHeadersFilter.originOf("ftp://x")).isEmpty();
    assertThat(SecurityHeadersFilter.originOf("not a url")).isEmpty();
    assertThat(SecurityHeadersFilter.originOf("http://a;b")).isEmpty();
  }
}
