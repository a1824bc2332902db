package dev.nexuschat.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * A node of a test's own storing uploads in a bucket of an in-process S3, on the embedded H2
 * default; closing stops the node, then the S3.
 */
public final class S3Node implements AutoCloseable {
  private final InProcessS3 s3;
  private final LibertyInstance node;

  private S3Node(InProcessS3 s3, LibertyInstance node) {
    this.s3 = s3;
    this.node = node;
  }

  /** {@code forBrowsers}: see {@link InProcessS3#start(boolean)}; {@code more}: extra config. */
  public static S3Node start(
      String name, String bucket, boolean forBrowsers, Map<String, String> more) throws Exception {
    InProcessS3 s3 = InProcessS3.start(forBrowsers);
    try {
      Map<String, String> environment = new HashMap<>(s3.nodeStorage(bucket));
      environment.putAll(more);
      return new S3Node(s3, EmbeddedNode.start(name, environment));
    } catch (RuntimeException | Error e) {
      s3.close();
      throw e;
    }
  }

  public InProcessS3 s3() {
    return s3;
  }

  public LibertyInstance node() {
    return node;
  }

  @Override
  public void close() throws Exception {
    try {
      node.stop();
    } finally {
      s3.close();
    }
  }
}
