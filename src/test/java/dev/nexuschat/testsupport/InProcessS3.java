package dev.nexuschat.testsupport;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API in the test JVM: S3Proxy over jclouds' in-memory blob store, with AWS signature
 * checks (presigned URLs included). The node under test talks to it over HTTP like to MinIO.
 */
public final class InProcessS3 implements AutoCloseable {
  public static final String ACCESS_KEY = "nexus-test-access";
  public static final String SECRET_KEY = "nexus-test-secret-key";

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final String endpoint;

  private InProcessS3(S3Proxy proxy, BlobStoreContext context, String endpoint) {
    this.proxy = proxy;
    this.context = context;
    this.endpoint = endpoint;
  }

  public static InProcessS3 start() throws Exception {
    return start(false);
  }

  /**
   * The bucket's CORS rules (S3Proxy allows every origin unless told otherwise): with {@code
   * forBrowsers}, pages on this machine's test nodes ({@code http://127.0.0.1:<port>}) may PUT and
   * GET, as a bucket set up for the chat allows its origin; without, no page may, as in a bucket
   * nobody set up for browsers.
   */
  public static InProcessS3 start(boolean forBrowsers) throws Exception {
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    String endpoint = "http://127.0.0.1:" + FreePorts.next();
    CrossOriginResourceSharing cors =
        new CrossOriginResourceSharing(
            List.of(forBrowsers ? "http://127\\.0\\.0\\.1:[0-9]+" : "https://chat\\.invalid"),
            List.of("GET", "HEAD", "PUT"),
            // Any header: S3Proxy 2.6 reads Access-Control-Request-Headers only when separated by
            // ", ", and Chromium separates them by ",", so the list (Content-Type, plus the browser
            // suite's own X-Forwarded-For) cannot be checked here. Origins and methods are.
            List.of("*"),
            List.of(),
            "false");
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(URI.create(endpoint))
            .corsRules(cors)
            .build();
    proxy.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!"STARTED".equals(proxy.getState())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new InProcessS3(proxy, context, endpoint);
  }

  public String endpoint() {
    return endpoint;
  }

  /** A node's configuration for storing uploads in {@code bucket} here. */
  public Map<String, String> nodeStorage(String bucket) {
    return Map.of(
        "NEXUS_STORAGE", "s3",
        "NEXUS_S3_ENDPOINT", endpoint,
        "NEXUS_S3_BUCKET", bucket,
        "NEXUS_S3_REGION", "us-east-1",
        "NEXUS_S3_ACCESS_KEY", ACCESS_KEY,
        "NEXUS_S3_SECRET_KEY", SECRET_KEY,
        "NEXUS_S3_PATH_STYLE", "true");
  }

  /** A client of this S3, for tests to look into the bucket. */
  public S3Client client() {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(endpoint))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
