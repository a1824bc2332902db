package dev.nexuschat.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.JsonbException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictScalarsTest {
  public record Body(String content, Boolean isDirect, List<String> memberIds) {}

  private static Body read(String json) {
    return JsonFormat.JSONB.fromJson(json, Body.class);
  }

  @Test
  void matchingTypesAndNullsAreRead() {
    assertEquals(
        new Body("x", true, List.of("a")),
        read("{\"content\": \"x\", \"is_direct\": true, \"member_ids\": [\"a\"]}"));
    assertEquals(new Body(null, null, null), read("{\"content\": null, \"is_direct\": null}"));
    assertEquals(false, read("{\"is_direct\": false}").isDirect());
    assertNull(read("{}").content());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"content\": 5}",
        "{\"content\": true}",
        "{\"content\": {}}",
        "{\"content\": []}",
        "{\"is_direct\": \"yes\"}",
        "{\"is_direct\": \"true\"}",
        "{\"is_direct\": 1}",
        "{\"member_ids\": [5]}",
        "{\"member_ids\": \"x\"}"
      })
  void wrongJsonTypesAreRejected(String json) {
    assertThrows(JsonbException.class, () -> read(json));
  }
}
