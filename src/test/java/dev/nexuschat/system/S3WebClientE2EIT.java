package dev.nexuschat.system;

import dev.nexuschat.testsupport.BrowserRun;
import dev.nexuschat.testsupport.S3Node;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser's side of S3 mode: two users in Chromium share an image, a PDF and a screenshot
 * (frontend/e2e/upload-steps.mjs) through a node whose files live in a bucket (S3Proxy, answering
 * CORS as a bucket set up for browsers does). The bytes go up by presigned PUTs from the page's
 * origin to the bucket's, and come down by the node's 302 to presigned GETs: what the page's
 * Content-Security-Policy ({@code connect-src}) and the bucket's CORS must both allow.
 */
class S3WebClientE2EIT {
  private static final String BUCKET = "nexus-uploads-e2e";
  private static S3Node storage;

  @BeforeAll
  static void startS3AndANodeOnIt() throws Exception {
    storage = S3Node.start("node-s3-e2e", BUCKET, true, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (storage != null) {
      storage.close();
    }
  }

  @Test
  void twoUsersShareFilesThroughTheBucket() throws Exception {
    BrowserRun.run(
        "e2e-s3",
        storage.node().baseUrl(),
        Map.of("E2E_ONLY", "uploads"),
        6,
        request -> "failed: no server control in the S3 run");
  }
}
