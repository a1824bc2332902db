package dev.nexuschat.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's own {@code /openapi} document, parsed: every operation with its parameters and
 * request body schema, and the problem codes the API promises. The fuzzer knows endpoints only from
 * here.
 */
final class ApiDocument {
  private final OpenAPI api;

  private ApiDocument(OpenAPI api) {
    this.api = api;
  }

  static ApiDocument fetch(String baseUrl) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /openapi answered " + response.statusCode());
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
    if (parsed.getOpenAPI() == null || parsed.getOpenAPI().getPaths() == null) {
      throw new IllegalStateException("/openapi does not parse: " + parsed.getMessages());
    }
    return new ApiDocument(parsed.getOpenAPI());
  }

  /** One operation of the document. */
  record ApiOperation(
      String method,
      String path,
      List<Parameter> pathParameters,
      List<Parameter> queryParameters,
      List<Parameter> cookieParameters,
      Schema<?> body,
      String bodyMediaType,
      boolean bodyRequired,
      boolean secured) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  List<ApiOperation> operations() {
    List<ApiOperation> operations = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            operations.add(operation(path, item, method, operation))));
    return List.copyOf(operations);
  }

  /** The {@code code}s a problem may carry, from the Problem schema's enum. */
  Set<String> problemCodes() {
    Schema<?> code =
        resolve(api.getComponents().getSchemas().get("Problem")).getProperties().get("code");
    List<String> codes = new ArrayList<>();
    for (Object value : code.getEnum()) {
      codes.add(String.valueOf(value));
    }
    return Set.copyOf(codes);
  }

  /** A schema by component name, for frames whose data is a REST body plus a room id. */
  Schema<?> component(String name) {
    return resolve(api.getComponents().getSchemas().get(name));
  }

  private ApiOperation operation(
      String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (operation.getParameters() != null) {
      all.addAll(operation.getParameters());
    }
    Map<String, List<Parameter>> byPlace = new LinkedHashMap<>();
    for (Parameter parameter : all) {
      byPlace.computeIfAbsent(parameter.getIn(), in -> new ArrayList<>()).add(parameter);
    }
    Schema<?> body = null;
    String mediaType = null;
    boolean bodyRequired = false;
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      Map.Entry<String, MediaType> first =
          operation.getRequestBody().getContent().entrySet().iterator().next();
      mediaType = first.getKey();
      body = resolve(first.getValue().getSchema());
      bodyRequired = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
    }
    boolean secured =
        operation.getSecurity() == null
            ? api.getSecurity() != null && !api.getSecurity().isEmpty()
            : !operation.getSecurity().isEmpty();
    return new ApiOperation(
        method.name(),
        path,
        List.copyOf(byPlace.getOrDefault("path", List.of())),
        List.copyOf(byPlace.getOrDefault("query", List.of())),
        List.copyOf(byPlace.getOrDefault("cookie", List.of())),
        body,
        mediaType,
        bodyRequired,
        secured);
  }

  /** Follows a {@code $ref} the parser left in place (it does not always resolve 3.1 refs). */
  Schema<?> resolve(Schema<?> schema) {
    if (schema != null && schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      return resolve(api.getComponents().getSchemas().get(name));
    }
    return schema;
  }

  /** The JSON types of a schema: OpenAPI 3.1 lists them ({@code [string, "null"]}), 3.0 has one. */
  static Set<String> types(Schema<?> schema) {
    if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
      return schema.getTypes();
    }
    return schema.getType() == null ? Set.of() : Set.of(schema.getType());
  }

  static boolean nullable(Schema<?> schema) {
    return types(schema).contains("null") || Boolean.TRUE.equals(schema.getNullable());
  }
}
