package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexuschat.platform.errors.PayloadTooLarge;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageTest {
  @TempDir Path root;

  @Test
  void bytesUpToTheLimitAreStoredWhole() throws Exception {
    LocalStorage storage = new LocalStorage(root);
    String key = UUID.randomUUID().toString();
    long stored = storage.receive(key, new ByteArrayInputStream(new byte[1000]), 1000);
    assertThat(stored).isEqualTo(1000);
    assertThat(storage.size(key)).hasValue(1000);
    try (InputStream head = storage.open(key, 10)) {
      assertThat(head.readAllBytes()).hasSize(10);
    }
    storage.delete(key);
    assertThat(storage.size(key)).isEmpty();
  }

  @Test
  void oneByteTooManyStoresNothing() throws Exception {
    LocalStorage storage = new LocalStorage(root);
    String key = UUID.randomUUID().toString();
    assertThatThrownBy(() -> storage.receive(key, new ByteArrayInputStream(new byte[1001]), 1000))
        .isInstanceOf(PayloadTooLarge.class);
    assertThat(storage.size(key)).isEmpty();
    try (Stream<Path> left = Files.list(root.resolve("incoming"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void onlyUploadKeysNameFiles() throws Exception {
    LocalStorage storage = new LocalStorage(root);
    UUID id = UUID.randomUUID();
    assertThat(storage.path(id + ".thumb").startsWith(root)).isTrue();
    assertThatThrownBy(() -> storage.path("../../../../etc/passwd-and-more-text-here"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> storage.path("short")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aListingGoesInKeyOrderAndResumesAfterTheLastKeySeen() throws Exception {
    LocalStorage storage = new LocalStorage(root);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String key = UUID.randomUUID().toString();
      keys.add(key);
      keys.add(key + ".thumb");
      storage.receive(key, new ByteArrayInputStream(new byte[] {1}), 1);
      storage.receive(key + ".thumb", new ByteArrayInputStream(new byte[] {1}), 1);
    }
    Files.write(root.resolve("incoming").resolve("put-1.part"), new byte[] {1}); // in flight
    Collections.sort(keys);

    List<String> listed = new ArrayList<>();
    String after = null;
    for (List<Storage.Stored> page = storage.list(null, 7);
        !page.isEmpty();
        page = storage.list(after, 7)) {
      assertThat(page.size()).isLessThanOrEqualTo(7);
      page.forEach(stored -> listed.add(stored.key()));
      after = page.get(page.size() - 1).key();
    }

    assertThat(listed).as("every key once, in order, no incoming part").isEqualTo(keys);
  }
}
