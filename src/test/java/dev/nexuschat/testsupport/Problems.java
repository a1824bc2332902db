package dev.nexuschat.testsupport;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on the contract's problem+json error bodies. */
public final class Problems {
  private Problems() {}

  /** A problem+json answer with this status and code, and nothing internal in it. */
  public static ValidatableResponse assertProblem(Response response, int status, String code) {
    return response
        .then()
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(status))
        .body("code", equalTo(code))
        .body("title", org.hamcrest.Matchers.notNullValue())
        .body("type", org.hamcrest.Matchers.notNullValue())
        .body(not(containsStringIgnoringCase("exception")))
        .body(not(containsStringIgnoringCase("eclipselink")))
        .body(not(containsStringIgnoringCase("at dev.nexuschat")));
  }

  /** 400 VALIDATION_FAILED naming {@code field} among its errors. */
  public static ValidatableResponse assertInvalid(Response response, String field) {
    return assertProblem(response, 400, "VALIDATION_FAILED").body("errors.field", hasItem(field));
  }
}
