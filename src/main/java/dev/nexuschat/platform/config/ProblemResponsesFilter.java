package dev.nexuschat.platform.config;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Describes every 4xx/5xx response of the API document as {@code application/problem+json} with the
 * shared Problem schema (META-INF/openapi.yaml), instead of repeating it on each annotation.
 */
public class ProblemResponsesFilter implements OASFilter {
  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return operation;
    }
    for (Map.Entry<String, APIResponse> entry :
        operation.getResponses().getAPIResponses().entrySet()) {
      APIResponse response = entry.getValue();
      boolean hasContent =
          response.getContent() != null
              && response.getContent().getMediaTypes() != null
              && !response.getContent().getMediaTypes().isEmpty();
      if (isError(entry.getKey()) && !hasContent && response.getRef() == null) {
        response.setContent(
            OASFactory.createContent()
                .addMediaType(
                    "application/problem+json",
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
      }
    }
    return operation;
  }

  private static boolean isError(String code) {
    return code.startsWith("4") || code.startsWith("5");
  }
}
