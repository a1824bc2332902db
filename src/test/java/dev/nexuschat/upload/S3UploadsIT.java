package dev.nexuschat.upload;

import dev.nexuschat.testsupport.EmbeddedNode;
import dev.nexuschat.testsupport.InProcessS3;
import dev.nexuschat.testsupport.LibertyInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link UploadsIT} against a node of its own in S3 mode, on an in-process S3 (S3Proxy): the bytes
 * go up and down by presigned URLs, the node reads them back over HTTP. That node runs on the
 * embedded H2 default, so the suite covers both databases too (the local mode runs on PostgreSQL).
 */
class S3UploadsIT extends UploadsIT {
  static final String BUCKET = "nexus-uploads-it";
  private static InProcessS3 s3;
  private static S3Client client;
  private static LibertyInstance node;

  @BeforeAll
  static void startS3AndANodeOnIt() throws Exception {
    s3 = InProcessS3.start();
    client = s3.client();
    node =
        EmbeddedNode.start(
            "node-s3-h2",
            Map.of(
                "NEXUS_UPLOAD_ORPHAN_TTL", "30s",
                "NEXUS_UPLOAD_CLEANUP_SECONDS", "2",
                "NEXUS_STORAGE", "s3",
                "NEXUS_S3_ENDPOINT", s3.endpoint(),
                "NEXUS_S3_BUCKET", BUCKET,
                "NEXUS_S3_REGION", "us-east-1",
                "NEXUS_S3_ACCESS_KEY", InProcessS3.ACCESS_KEY,
                "NEXUS_S3_SECRET_KEY", InProcessS3.SECRET_KEY,
                "NEXUS_S3_PATH_STYLE", "true"));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (node != null) {
        node.stop();
      }
    } finally {
      if (client != null) {
        client.close();
      }
      if (s3 != null) {
        s3.close();
      }
    }
  }

  @Override
  String baseUrl() {
    return node.baseUrl();
  }

  @Override
  boolean stored(String key) {
    try {
      client.headObject(b -> b.bucket(BUCKET).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  boolean redirects() {
    return true;
  }
}
