package dev.vitals.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.agent.AgentWindows;
import dev.vitals.metrics.VitalsMetrics;
import dev.vitals.topology.ProcessingErrorCounts;
import dev.vitals.topology.TopicNames;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@link HttpApi} on a loopback port with a bearer token, in front of a Kafka Streams client that is never
 * started (state CREATED): enough to check who gets in and which requests are refused before any store is read.
 */
class HttpApiAuthAndValidationTest {
  private static final String TOKEN = "s3cret-token-0123456789";
  /** Short limits so a stalled client is cut within the test; production's are in ExchangeDeadlines. */
  private static final Duration REQUEST_LIMIT = Duration.ofSeconds(1);
  private static final Duration EXCHANGE_LIMIT = Duration.ofSeconds(5);

  @TempDir
  Path stateDir;

  private KafkaStreams streams;
  private HttpApi api;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void startApi() throws IOException {
    streams = streams();
    VitalsMetrics metrics = new VitalsMetrics(streams, new ProcessingErrorCounts(), TopicNames.defaults(), 10, 10,
        "test", "test", 0.8);
    api = new HttpApi(streams, metrics, "127.0.0.1", 0, new HostInfo("127.0.0.1", 1), 0.8, AgentWindows.defaults(),
        ApiToken.of(TOKEN), new ExchangeDeadlines(4, REQUEST_LIMIT, EXCHANGE_LIMIT)).start();
  }

  @AfterEach
  void stopApi() {
    api.close();
    streams.close(Duration.ofSeconds(5));
  }

  @Test
  void aRequestWithoutATokenIsRefusedWith401AndABearerChallenge() throws Exception {
    // given the API protected by a token, when a client asks without one
    HttpResponse<String> response = get("/kpis/targets", null);

    // then it is refused, told the scheme, and shown no stack trace
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer"));
    assertThat(response.body()).startsWith("{\"error\":").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aRequestWithAWrongTokenIsRefusedWith401() throws Exception {
    assertThat(get("/kpis/targets", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
    assertThat(get("/kpis/targets", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(get("/kpis/targets", "Basic " + TOKEN).statusCode()).isEqualTo(401);
  }

  @Test
  void metricsAreProtectedToo() throws Exception {
    assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestWithTheRightTokenIsServed() throws Exception {
    HttpResponse<String> response = get("/kpis/targets", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theProbesStayOpenWithoutAToken() throws Exception {
    // Streams is CREATED: alive, not ready; either way not 401
    assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get("/readyz", null).statusCode()).isEqualTo(503);
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    HttpResponse<String> response = get("/no/such/thing", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).startsWith("{\"error\":");
  }

  @Test
  void accountIdsThatWalkPathsOrCarryControlCharactersAreRefusedWith400() throws Exception {
    assertBadRequest("/accounts/..%2Fetc/health");
    assertBadRequest("/accounts/..%2F..%2Fkpis/health");
    assertBadRequest("/accounts/a%2Fb/health");
    assertBadRequest("/accounts/..hidden/health");
    assertBadRequest("/accounts/a%0Ab/health");
    assertBadRequest("/accounts/a%00b/health");
    assertBadRequest("/accounts/" + "x".repeat(PathIds.MAX_LENGTH + 1) + "/health");
    assertBadRequest("/agents/..%2F..");
  }

  @Test
  void anUnknownOrHugeBandIsRefusedWith400WithoutEchoingIt() throws Exception {
    assertBadRequest("/accounts?band=NOT_A_BAND");
    String huge = "A".repeat(100_000);
    HttpResponse<String> response = get("/accounts?band=" + huge, "Bearer " + TOKEN);
    assertThat(response.statusCode()).isIn(400, 413, 414);
    assertThat(response.body()).doesNotContain(huge);
  }

  @Test
  void badNumericParametersAreRefusedWith400() throws Exception {
    assertBadRequest("/agents?hours=abc");
    assertBadRequest("/agents?hours=-1");
    assertBadRequest("/agents?hours=99999999999999999999");
    assertBadRequest("/tickets/poor-ratings?limit=0");
    assertBadRequest("/tickets/poor-ratings?limit=1e9");
    assertBadRequest("/kpis?period=banana");
  }

  @Test
  void malformedPercentEncodingIsRefusedWith400() throws Exception {
    // java.net.URI refuses to build such a request, so it goes over a plain socket; a request that parses as a URI
    // always holds valid escapes, so Vitals' own decoding never meets a malformed one
    for (String target : List.of("/accounts/%zz/health", "/accounts?band=%zz")) {
      try (Socket socket = new Socket("127.0.0.1", api.port())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // The JDK's server answers an unparseable URI itself, before any handler: 400, "URISyntaxException thrown"
        assertThat(response).as(target).startsWith("HTTP/1.1 400").doesNotContain("\tat ");
      }
    }
  }

  @Test
  void clientsThatStallMidRequestAreDroppedWithinTheLimitAndCannotStarveOthers() throws Exception {
    // given: twice as many clients as the API has workers, each sending half a request and then nothing
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket socket = new Socket("127.0.0.1", api.port());
        socket.setSoTimeout(15_000);
        socket.getOutputStream().write("GET /kpis/targets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bea"
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        stalled.add(socket);
      }
      long began = System.nanoTime();

      // when a well-behaved client asks
      HttpResponse<String> answer = get("/kpis/targets", "Bearer " + TOKEN);

      // then it is answered once the stalled clients are cut (two rounds of four, a limit each), not after they give up
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(REQUEST_LIMIT.multipliedBy(6));
      // and every stalled connection has been closed by the server, well before the clients' own 15 s timeout
      for (Socket socket : stalled) {
        assertThat(readUntilClosed(socket)).as("bytes answered to a half request").isLessThan(1024);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(REQUEST_LIMIT.multipliedBy(8));
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void aHugeParameterValueOrHeaderIsRefusedWithoutAStackTrace() throws Exception {
    for (String target : List.of("/agents?hours=" + "9".repeat(50_000), "/kpis?period=" + "x".repeat(50_000),
        "/tickets/poor-ratings?limit=" + "1".repeat(50_000))) {
      HttpResponse<String> response = get(target, "Bearer " + TOKEN);
      assertThat(response.statusCode()).as(target.substring(0, 20)).isBetween(400, 499);
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").hasSizeLessThan(1024);
    }
  }

  /** Reads what the server sends until it closes the connection; a reset counts as closed. */
  private static int readUntilClosed(Socket socket) throws IOException {
    int read = 0;
    try {
      while (socket.getInputStream().read() >= 0) {
        read++;
      }
    } catch (java.net.SocketException reset) {
      // the server closed the connection hard: closed all the same
    }
    return read;
  }

  private void assertBadRequest(String pathAndQuery) throws Exception {
    HttpResponse<String> response = get(pathAndQuery, "Bearer " + TOKEN);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
    assertThat(response.body()).as(pathAndQuery).startsWith("{\"error\":").doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private HttpResponse<String> get(String pathAndQuery, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private KafkaStreams streams() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "vitals-http-auth");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    return new KafkaStreams(builder.build(), properties);
  }
}
