package dev.nexuschat.testsupport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;

/** Asserts the contract's error shape: RFC 9457 problem+json with the expected status and code. */
public final class Problems {
  private Problems() {}

  public static void assertProblem(Response response, int status, String code) {
    String context = response.getStatusLine() + " " + response.asString();
    assertThat(context, response.statusCode(), equalTo(status));
    assertThat(context, String.valueOf(response.contentType()), startsWith("application/problem+json"));
    JsonPath body = response.jsonPath();
    assertThat(context, body.getString("code"), equalTo(code));
    assertThat(context, body.getInt("status"), equalTo(status));
    assertThat(context, body.getString("type"), notNullValue());
    assertThat(context, body.getString("title"), notNullValue());
    assertThat(context, body.getString("detail"), notNullValue());
    assertThat(context, body.get("errors"), instanceOf(List.class));
    if (status == 401) {
      assertThat(context, String.valueOf(response.header("WWW-Authenticate")), startsWith("Bearer"));
    }
    if (status == 429) {
      assertThat(context, response.header("Retry-After"), notNullValue());
    }
  }
}
