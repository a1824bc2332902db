package dev.nexuschat.upload;

import dev.nexuschat.testsupport.S3Node;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.sync.RequestBody;
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
  private static S3Node storage;
  private static S3Client client;

  @BeforeAll
  static void startS3AndANodeOnIt() throws Exception {
    storage =
        S3Node.start(
            "node-s3-h2",
            BUCKET,
            false,
            Map.of(
                "NEXUS_UPLOAD_ORPHAN_TTL", "30s",
                "NEXUS_UPLOAD_CLEANUP_SECONDS", "2",
                "NEXUS_UPLOAD_SWEEP_SECONDS", "5"));
    client = storage.s3().client();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (storage != null) {
        storage.close();
      }
    }
  }

  @Override
  String baseUrl() {
    return storage.node().baseUrl();
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

  /** S3 sets an object's time itself: this one is new, and goes once past the orphan TTL. */
  @Override
  void storeStray(String key, byte[] bytes) {
    client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
  }

  @Override
  boolean redirects() {
    return true;
  }
}
