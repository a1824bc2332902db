package dev.nexuschat.upload.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Picks the upload storage once, from {@code NEXUS_STORAGE}: {@code local} (the default, files
 * under {@code NEXUS_DATA_DIR/uploads}, nothing to install) or {@code s3} ({@code
 * NEXUS_S3_ENDPOINT}, {@code NEXUS_S3_BUCKET}, {@code NEXUS_S3_REGION}, {@code
 * NEXUS_S3_ACCESS_KEY}/{@code NEXUS_S3_SECRET_KEY} or the SDK's default credential chain, {@code
 * NEXUS_S3_PATH_STYLE} for MinIO and Ceph). {@code NEXUS_S3_PUBLIC_ENDPOINT}: the address browsers
 * reach the bucket at, when it differs from the server's (compose: minio:9000 inside,
 * localhost:9000 outside).
 */
@ApplicationScoped
class StorageChoice {
  private static final Logger LOG = Logger.getLogger(StorageChoice.class.getName());

  @Inject
  @ConfigProperty(name = "NEXUS_STORAGE", defaultValue = "local")
  String mode;

  @Inject
  @ConfigProperty(name = "NEXUS_DATA_DIR")
  Optional<String> dataDir;

  @Inject
  @ConfigProperty(name = "NEXUS_S3_ENDPOINT")
  Optional<String> endpoint;

  @Inject
  @ConfigProperty(name = "NEXUS_S3_PUBLIC_ENDPOINT")
  Optional<String> publicEndpoint;

  @Inject
  @ConfigProperty(name = "NEXUS_S3_BUCKET", defaultValue = "nexuschat-uploads")
  String bucket;

  @Inject
  @ConfigProperty(name = "NEXUS_S3_REGION", defaultValue = "us-east-1")
  String region;

  @Inject
  @ConfigProperty(name = "NEXUS_S3_ACCESS_KEY")
  Optional<String> accessKey;

  @Inject
  @ConfigProperty(name = "NEXUS_S3_SECRET_KEY")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "NEXUS_S3_PATH_STYLE", defaultValue = "false")
  boolean pathStyle;

  @Produces
  @ApplicationScoped
  Storage storage() {
    String chosen = mode.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      if (chosen.equals("s3")) {
        S3Storage s3 = new S3Storage(client(), presigner(), bucket);
        s3.ensureBucket();
        LOG.info(() -> "Uploads are stored in the S3 bucket " + bucket);
        return s3;
      }
      if (!chosen.equals("local")) {
        throw new IllegalStateException("NEXUS_STORAGE must be local or s3, not " + mode);
      }
      Path root = Path.of(dataDir.orElse("data")).resolve("uploads");
      LOG.info(() -> "Uploads are stored under " + root.toAbsolutePath());
      return new LocalStorage(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the upload storage", e);
    }
  }

  void close(@Disposes Storage storage) {
    if (storage instanceof S3Storage s3) {
      s3.close();
    }
  }

  /** Where temporary copies of uploads go while they are completed. */
  Path workDirectory() {
    return Path.of(dataDir.orElse("data")).resolve("uploads-work");
  }

  private S3Client client() {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .forcePathStyle(pathStyle)
            // the SDK's default CRC checksums (trailers, x-amz-checksum-mode) are AWS-only so far:
            // MinIO versions, Ceph and S3Proxy refuse or ignore them; checksums only where required
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint.filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
    return builder.build();
  }

  private S3Presigner presigner() {
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    publicEndpoint
        .or(() -> endpoint)
        .filter(e -> !e.isBlank())
        .ifPresent(e -> builder.endpointOverride(URI.create(e)));
    return builder.build();
  }

  private AwsCredentialsProvider credentials() {
    if (accessKey.isPresent() && secretKey.isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
