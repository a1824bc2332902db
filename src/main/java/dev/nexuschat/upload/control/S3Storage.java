package dev.nexuschat.upload.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Uploads in an S3-compatible bucket (AWS, MinIO, Ceph) through the AWS SDK v2 with its URL
 * connection client. Browsers put and get the bytes by presigned URLs, so they never pass through
 * this server; it reads them back only to complete an upload (a HEAD for the size, the first bytes
 * for the type, the whole image for its thumbnail and its location scrub).
 */
final class S3Storage implements Storage, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(S3Storage.class.getName());
  static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(5);
  private static final String UPLOAD_TYPE = "application/octet-stream";

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  S3Storage(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  /** Creates the bucket when it does not exist yet (a fresh MinIO); logs when it cannot. */
  void ensureBucket() {
    try {
      s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
      LOG.info(() -> "Created the upload bucket " + bucket);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        s3.createBucket(b -> b.bucket(bucket));
        LOG.info(() -> "Created the upload bucket " + bucket);
      } else {
        LOG.warning(() -> "The upload bucket " + bucket + " is not reachable: " + e.getMessage());
      }
    } catch (SdkException e) {
      LOG.warning(() -> "The upload bucket " + bucket + " is not reachable: " + e.getMessage());
    }
  }

  @Override
  public String mode() {
    return "s3";
  }

  @Override
  public Target uploadTarget(String key, String localUrl, long size, Duration validFor) {
    PresignedPutObjectRequest put =
        presigner.presignPutObject(
            PutObjectPresignRequest.builder()
                .signatureDuration(validFor)
                .putObjectRequest(
                    PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentLength(size)
                        .contentType(UPLOAD_TYPE)
                        .build())
                .build());
    Map<String, String> headers = new LinkedHashMap<>();
    // a browser sets Host and Content-Length itself (and may not set them): the rest it must send
    for (Map.Entry<String, List<String>> header : put.signedHeaders().entrySet()) {
      String name = header.getKey();
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        headers.put(
            name.equalsIgnoreCase("content-type") ? "Content-Type" : name,
            String.join(",", header.getValue()));
      }
    }
    headers.putIfAbsent("Content-Type", UPLOAD_TYPE);
    return new Target("PUT", put.url().toString(), Map.copyOf(headers));
  }

  @Override
  public boolean receivesBytes() {
    return false;
  }

  @Override
  public long receive(String key, InputStream in, long maxBytes) {
    throw new UnsupportedOperationException("Bytes go to the bucket by the presigned URL");
  }

  @Override
  public void store(String key, Path file, String contentType) throws IOException {
    try {
      s3.putObject(
          PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build(),
          RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new IOException("Cannot store " + key + " in the bucket", e);
    }
  }

  @Override
  public OptionalLong size(String key) throws IOException {
    try {
      return OptionalLong.of(
          s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build())
              .contentLength());
    } catch (NoSuchKeyException e) {
      return OptionalLong.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw new IOException("Cannot read " + key + " in the bucket", e);
    } catch (SdkException e) {
      throw new IOException("Cannot read " + key + " in the bucket", e);
    }
  }

  @Override
  public InputStream open(String key, long length) throws IOException {
    GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key);
    if (length > 0) {
      get.range("bytes=0-" + (length - 1));
    }
    try {
      return s3.getObject(get.build());
    } catch (SdkException e) {
      throw new IOException("Cannot read " + key + " in the bucket", e);
    }
  }

  @Override
  public Optional<URI> downloadUrl(String key, String contentType, String contentDisposition) {
    try {
      return Optional.of(
          presigner
              .presignGetObject(
                  GetObjectPresignRequest.builder()
                      .signatureDuration(DOWNLOAD_VALIDITY)
                      .getObjectRequest(
                          GetObjectRequest.builder()
                              .bucket(bucket)
                              .key(key)
                              .responseContentType(contentType)
                              .responseContentDisposition(contentDisposition)
                              .responseCacheControl("private")
                              .build())
                      .build())
              .url()
              .toURI());
    } catch (java.net.URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    } catch (SdkException e) {
      throw new IOException("Cannot delete " + key + " in the bucket", e);
    }
  }

  @Override
  public List<Stored> list(String after, int limit) throws IOException {
    ListObjectsV2Request.Builder request =
        ListObjectsV2Request.builder().bucket(bucket).maxKeys(limit);
    if (after != null) {
      request.startAfter(after);
    }
    try {
      return s3.listObjectsV2(request.build()).contents().stream()
          .map(object -> new Stored(object.key(), object.lastModified()))
          .toList();
    } catch (SdkException e) {
      throw new IOException("Cannot list the bucket", e);
    }
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }
}
