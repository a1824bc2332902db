package dev.nexuschat.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's fuzz test. Reads the server's own {@code /openapi}, and for every operation sends
 * valid requests and mutations of every part of them (see {@link FuzzRequests}, {@link JsonBodies},
 * {@link EdgeValues}); then does the same with every WebSocket client frame. The oracle: never a
 * 5xx, every error a problem+json with a documented code, never slower than 1 s, nothing foreign
 * readable, no change to data the caller may not change ({@link ProtectedData}), no unhandled
 * failure in the server log; on the socket, exactly one reply per ref and the socket stays open
 * unless a frame is over 64 KiB.
 *
 * <p>Inputs come from seeded {@link Gen}erators: fixed seed and tries by default; {@code
 * -Dfuzz.tries=N -Dfuzz.seed=S|random} for other runs (docs/OPERATIONS.md, "11. Hardening"). A
 * failure names its seed and try ({@link FuzzBudget#forAll}).
 */
@NexusIT
class ApiFuzzIT {
  /** Error codes a frame may be answered with: the REST ones, BAD_FRAME, never INTERNAL_ERROR. */
  private static Set<String> frameCodes;

  private static String baseUrl;
  private static List<ApiDocument.ApiOperation> operations;
  private static FuzzWorld world;
  private static FuzzRequests requests;
  private static ClientFrames frames;
  private static ContractOracle oracle;
  private static ProtectedData protectedData;
  private static ServerLog serverLog;
  private static WsClient socket;
  private static final Map<String, Map<Integer, LongAdder>> STATUSES = new ConcurrentHashMap<>();
  private static final Map<String, Long> SLOWEST = new ConcurrentHashMap<>();
  private static final AtomicInteger FRAMES_SENT = new AtomicInteger();
  private static final AtomicInteger SYNC = new AtomicInteger();

  @BeforeAll
  static void setUp() throws Exception {
    baseUrl = NexusServer.node().baseUrl();
    ApiDocument document = ApiDocument.fetch(baseUrl);
    operations = document.operations();
    assertThat(operations).as("operations in /openapi").hasSizeGreaterThan(10);
    Set<String> codes = document.problemCodes();
    oracle = new ContractOracle(codes);
    frameCodes = new java.util.HashSet<>(codes);
    frameCodes.remove("INTERNAL_ERROR");
    frameCodes.add("BAD_FRAME");
    world = FuzzWorld.create();
    requests = new FuzzRequests(world);
    frames = new ClientFrames(document, world);
    serverLog = new ServerLog(NexusServer.node().logFile());
    protectedData = new ProtectedData(world);
    warmUp();
  }

  /**
   * One plain valid request per operation, which must succeed: proof that the generator speaks the
   * API (a fuzzer that only ever got 400s would test little), and the first use of each code path
   * (JIT, JPA) is paid here, not inside the 1 s budget.
   */
  private static void warmUp() throws Exception {
    List<String> order = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    List<ApiDocument.ApiOperation> sorted = new ArrayList<>(operations);
    sorted.sort(Comparator.comparing(op -> order.indexOf(op.method())));
    for (ApiDocument.ApiOperation op : sorted) {
      FuzzRequest request = requests.plain(op);
      Exchange exchange = Exchange.send(baseUrl, request);
      record(exchange);
      assertThat(exchange.status())
          .as("the plain request %s answered %s", request, ContractOracle.cut(exchange.body()))
          .isBetween(200, 299);
    }
    assertThat(protectedData.changes()).as("protected data after the warm-up").isEmpty();
    assertThat(serverLog.newFailures()).as("server log during the warm-up").isEmpty();
  }

  @Test
  void everyOperationAnswersWithinTheContract() {
    FuzzBudget.forAll(
        "REST requests",
        1000,
        Gen.of(operations).flatMap(requests::of),
        ApiFuzzIT::answersWithinTheContract);
  }

  private static void answersWithinTheContract(FuzzRequest request) throws Exception {
    Exchange exchange = Exchange.send(baseUrl, request);
    record(exchange);
    List<String> violations = new ArrayList<>(oracle.violations(exchange));
    if (!request.method().equals("GET")) {
      violations.addAll(protectedData.changes());
    }
    violations.addAll(serverLog.newFailures());
    assertThat(violations)
        .as(
            "%s%n→ %d in %d ms: %s",
            request, exchange.status(), exchange.millis(), ContractOracle.cut(exchange.body()))
        .isEmpty();
  }

  @Test
  void everyClientFrameGetsOneReplyAndKeepsTheSocketOpen() {
    FuzzBudget.forAll(
        "socket frames", 500, frames.frames(), ApiFuzzIT::getsOneReplyAndKeepsTheSocketOpen);
  }

  private static void getsOneReplyAndKeepsTheSocketOpen(ClientFrames.Frame frame) throws Exception {
    if (socket == null || !socket.isOpen()) {
      socket = WsClient.connect(world.caller);
    }
    List<String> violations = new ArrayList<>();
    String id =
        String.format("fz%05d", FRAMES_SENT.incrementAndGet()); // as long as the placeholder
    String expectedRef = frame.expectedRef(id);
    long start = System.nanoTime();
    socket.sendRaw(frame.text(id));
    if (frame.oversize()) {
      int code = socket.awaitClose(Duration.ofSeconds(5));
      assertThat(code).as("close code after %s", frame).isEqualTo(1009);
      socket = null;
      return;
    }
    if (expectedRef != null) {
      var reply = socket.awaitWithin(f -> expectedRef.equals(refOf(f)), Duration.ofSeconds(10));
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (reply.isEmpty()) {
        violations.add("no reply within 10 s");
      } else {
        violations.addAll(replyViolations(reply.get(), millis));
      }
    }
    String sync = "fz-sync-" + SYNC.incrementAndGet();
    socket.sendRaw("{\"event\":\"ping\",\"ref\":\"" + sync + "\",\"data\":{}}");
    if (socket.awaitWithin(f -> sync.equals(refOf(f)), Duration.ofSeconds(5)).isEmpty()) {
      violations.add("the socket stopped answering (open: " + socket.isOpen() + ")");
      socket = null;
    } else if (expectedRef != null) {
      int replies = socket.received(f -> expectedRef.equals(refOf(f))).size();
      if (replies != 1) {
        violations.add(replies + " replies to one ref");
      }
    }
    if (frame.event().equals("send_message") || frame.event().equals("mark_read")) {
      violations.addAll(protectedData.changes());
    }
    violations.addAll(serverLog.newFailures());
    assertThat(violations).as("frame %s", frame).isEmpty();
  }

  private static List<String> replyViolations(JsonObject reply, long millis) {
    List<String> violations = new ArrayList<>();
    if (millis > ContractOracle.BUDGET_MILLIS) {
      violations.add("reply took " + millis + " ms (budget " + ContractOracle.BUDGET_MILLIS + ")");
    }
    String event = reply.getString("event", "");
    if (event.equals("error")) {
      JsonObject data = reply.getJsonObject("data");
      String code = data == null ? null : data.getString("code", null);
      if (!frameCodes.contains(code)) {
        violations.add("error reply with code " + code + ": " + reply);
      }
    } else if (!event.equals("ack")) {
      violations.add("reply is neither ack nor error: " + reply);
    }
    return violations;
  }

  private static String refOf(JsonObject frame) {
    return frame.get("ref") instanceof JsonString ref ? ref.getString() : null;
  }

  private static void record(Exchange exchange) {
    SLOWEST.merge(exchange.request().operation().toString(), exchange.millis(), Math::max);
    STATUSES
        .computeIfAbsent(exchange.request().operation().toString(), op -> new ConcurrentHashMap<>())
        .computeIfAbsent(exchange.status(), status -> new LongAdder())
        .increment();
  }

  /**
   * The run in numbers, and the check that the rate limits were not all the fuzzer measured: every
   * operation got answers other than 429.
   */
  @AfterAll
  static void report() throws Exception {
    long total = 0;
    StringBuilder summary = new StringBuilder("API fuzz: requests per operation and status\n");
    for (Map.Entry<String, Map<Integer, LongAdder>> op : new TreeMap<>(STATUSES).entrySet()) {
      Map<Integer, Long> counts = new TreeMap<>();
      op.getValue().forEach((status, count) -> counts.put(status, count.sum()));
      total += counts.values().stream().mapToLong(Long::longValue).sum();
      summary
          .append("  ")
          .append(op.getKey())
          .append(' ')
          .append(counts)
          .append(", slowest ")
          .append(SLOWEST.get(op.getKey()))
          .append(" ms\n");
    }
    summary
        .append("  total ")
        .append(total)
        .append(" requests, ")
        .append(FRAMES_SENT.get())
        .append(" socket frames");
    System.out.println(summary);
    if (socket != null) {
      socket.close();
    }
    if (protectedData != null) {
      protectedData.close();
    }
    for (Map.Entry<String, Map<Integer, LongAdder>> op : STATUSES.entrySet()) {
      long all = op.getValue().values().stream().mapToLong(LongAdder::sum).sum();
      long limited = op.getValue().getOrDefault(429, new LongAdder()).sum();
      assertThat(limited).as("429s among the %d answers of %s", all, op.getKey()).isLessThan(all);
    }
  }
}
