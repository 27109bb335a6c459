package dev.vitals.rest;

import static dev.vitals.rest.Exchanges.error;
import static dev.vitals.rest.Exchanges.isForwarded;
import static dev.vitals.rest.Exchanges.queryParameter;
import static dev.vitals.rest.Exchanges.respond;
import static dev.vitals.rest.Exchanges.respondText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vitals.agent.AgentWindows;
import dev.vitals.kpi.KpiCatalogue;
import dev.vitals.metrics.VitalsMetrics;
import dev.vitals.schema.HealthBand;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP interface (SPEC §7), on the JDK's own server: {@code GET /accounts/{id}/health},
 * {@code GET /accounts?band=AT_RISK}, {@code GET /kpis?segment=&period=} (the portfolio report across instances),
 * {@code GET /agents?hours=24} (the agent leaderboard), {@code GET /agents/{id}},
 * {@code GET /tickets/poor-ratings?limit=10} (the latest CSAT answers of 1 or 2, comments included),
 * {@code GET /healthz} (the process is alive and Streams has not failed), {@code GET /readyz} (Streams is RUNNING),
 * {@code GET /metrics} (Prometheus text format). While the instance is not RUNNING, account and agent queries answer
 * 503: its stores may be restoring or moving.
 *
 * <p>With an {@link ApiToken} set, every request but {@code GET /healthz} and {@code GET /readyz} (which
 * orchestrators probe without credentials) must carry it as a bearer token, or is answered 401. Four workers serve
 * the requests, each exchange on a deadline ({@link ExchangeDeadlines}), so stalled clients cannot hold them.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final Pattern ACCOUNT_HEALTH = Pattern.compile("^/accounts/([^/]+)/health$");
  private static final Pattern AGENT = Pattern.compile("^/agents/([^/]+)$");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The KPI catalogue with its targets per segment (docs/kpis.md), beside the values of {@code /kpis}. */
  private static final String KPI_TARGETS = KpiTargetsJson.of(KpiCatalogue.bundled());

  private final KafkaStreams streams;
  private final VitalsMetrics metrics;
  private final HealthQueries queries;
  private final PortfolioQueries portfolio;
  private final AgentRoutes agentRoutes;
  private final ApiToken token;
  private final HttpServer server;
  /** Four workers, each exchange on a deadline: slow or stalled clients cannot hold them (ExchangeDeadlines). */
  private final ExchangeDeadlines executor;

  /**
   * @param grossMargin the share of revenue kept after the cost of serving it, for CLV in {@code /kpis}
   * @param agentWindows the agent board's windows: a query's range is at most their retention
   * @param token required of every request but the probes, and sent with requests forwarded to other instances
   */
  public HttpApi(KafkaStreams streams, VitalsMetrics metrics, String host, int port, HostInfo advertised,
      double grossMargin, AgentWindows agentWindows, ApiToken token) throws IOException {
    this(streams, metrics, host, port, advertised, grossMargin, agentWindows, token,
        new ExchangeDeadlines(4, ExchangeDeadlines.REQUEST_LIMIT, ExchangeDeadlines.EXCHANGE_LIMIT));
  }

  HttpApi(KafkaStreams streams, VitalsMetrics metrics, String host, int port, HostInfo advertised,
      double grossMargin, AgentWindows agentWindows, ApiToken token, ExchangeDeadlines executor) throws IOException {
    this.executor = executor;
    this.streams = streams;
    this.metrics = metrics;
    this.token = token;
    InstanceForwarding forwarding = new InstanceForwarding(token);
    this.queries = new HealthQueries(streams, advertised, forwarding);
    this.portfolio = new PortfolioQueries(streams, advertised, grossMargin, forwarding);
    this.agentRoutes = new AgentRoutes(new AgentQueries(streams, advertised, forwarding, Clock.systemUTC()),
        agentWindows.maxHours());
    this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  public HttpApi start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Closes the exchange only after any error was answered: closed first, the client would get no response. */
  private void handle(HttpExchange exchange) throws IOException {
    executor.requestRead();
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, error("only GET is served"));
        return;
      }
      if (!isProbe(exchange) && !token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
        // The challenge tells a client which scheme to use; the body never says whether a token was close.
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"vitals\"");
        respond(exchange, 401, error("a valid bearer token is required (Authorization: Bearer <token>)"));
        return;
      }
      route(exchange);
    } catch (InvalidStateStoreException e) {
      respond(exchange, 503, error("state is moving between instances; retry shortly"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, 503, error("interrupted"));
    } catch (IOException | RuntimeException e) {
      log.warn("request {} failed: {}", exchange.getRequestURI(), e.toString());
      respond(exchange, 502, error(e.getMessage()));
    } finally {
      exchange.close();
    }
  }

  /** The liveness and readiness probes stay open: orchestrators call them without credentials. */
  private static boolean isProbe(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    return "/healthz".equals(path) || "/readyz".equals(path);
  }

  /**
   * Routes on the raw path, decoding an id once afterwards: the decoded path would turn {@code %2F} into a
   * separator before the id could be checked.
   */
  private void route(HttpExchange exchange) throws IOException, InterruptedException {
    String path = exchange.getRequestURI().getRawPath();
    KafkaStreams.State state = streams.state();
    switch (path) {
      case "/healthz" -> respond(exchange, state == KafkaStreams.State.ERROR ? 503 : 200, status(state));
      case "/readyz" -> respond(exchange, state == KafkaStreams.State.RUNNING ? 200 : 503, status(state));
      case "/metrics" -> respondText(exchange, 200, metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8");
      case "/accounts" -> listAccounts(exchange, state);
      case "/kpis", "/kpis/clock", "/kpis/share" -> portfolio(exchange, path, state);
      case "/kpis/targets" -> respond(exchange, 200, KPI_TARGETS);
      case "/agents" -> agentRoutes.leaderboard(exchange, state);
      case "/tickets/poor-ratings" -> agentRoutes.poorRatings(exchange, state);
      default -> {
        Matcher agent = AGENT.matcher(path);
        if (agent.matches()) {
          String agentId;
          try {
            agentId = PathIds.check("agent", URLDecoder.decode(agent.group(1), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            respond(exchange, 400, error(e.getMessage()));
            return;
          }
          agentRoutes.agent(exchange, agentId, state);
        } else {
          accountHealth(exchange, path, state);
        }
      }
    }
  }

  private void accountHealth(HttpExchange exchange, String path, KafkaStreams.State state)
      throws IOException, InterruptedException {
    Matcher match = ACCOUNT_HEALTH.matcher(path);
    if (!match.matches()) {
      respond(exchange, 404, error("no such resource"));
      return;
    }
    String accountId;
    try {
      accountId = PathIds.check("account", URLDecoder.decode(match.group(1), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, error(e.getMessage()));
      return;
    }
    if (state != KafkaStreams.State.RUNNING) {
      respond(exchange, 503, error("not ready: Kafka Streams is " + state));
      return;
    }
    boolean forwarded = isForwarded(exchange);
    Optional<String> health = queries.health(accountId, forwarded);
    if (health.isPresent()) {
      respond(exchange, 200, health.get());
    } else {
      respond(exchange, 404, error("unknown account: " + accountId));
    }
  }

  private void listAccounts(HttpExchange exchange, KafkaStreams.State state) throws IOException, InterruptedException {
    String band = queryParameter(exchange, "band");
    if (band != null && Arrays.stream(HealthBand.values()).noneMatch(b -> b.name().equals(band))) {
      // The value asked for is not echoed: it may be huge.
      respond(exchange, 400, error("band must be one of " + Arrays.toString(HealthBand.values())));
      return;
    }
    if (state != KafkaStreams.State.RUNNING) {
      respond(exchange, 503, error("not ready: Kafka Streams is " + state));
      return;
    }
    boolean forwarded = isForwarded(exchange);
    List<JsonNode> accounts = queries.byBand(band, forwarded);
    ArrayNode body = JSON.createArrayNode();
    accounts.stream()
        .sorted((a, b) -> Double.compare(a.path("score").asDouble(), b.path("score").asDouble()))
        .forEach(body::add);
    respond(exchange, 200, body.toString());
  }

  /**
   * {@code /kpis}: the report, whole or of one segment; {@code /kpis/clock} and {@code /kpis/share}: this
   * instance's part, for the instance that gathers a report (see {@link PortfolioQueries}).
   */
  private void portfolio(HttpExchange exchange, String path, KafkaStreams.State state)
      throws IOException, InterruptedException {
    PortfolioRequest kpis;
    try {
      kpis = PortfolioRequest.parse(queryParameter(exchange, "period"), queryParameter(exchange, "segment"),
          queryParameter(exchange, "asOf"), path.equals("/kpis/share"));
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, error(e.getMessage()));
      return;
    }
    if (state != KafkaStreams.State.RUNNING) {
      respond(exchange, 503, error("not ready: Kafka Streams is " + state));
      return;
    }
    switch (path) {
      case "/kpis/clock" -> respond(exchange, 200, portfolio.localClock());
      case "/kpis/share" -> respond(exchange, 200, portfolio.localShare(kpis.asOf(), kpis.period()));
      default -> respond(exchange, 200, kpis.answer(portfolio.report(kpis.period())));
    }
  }

  private static String status(KafkaStreams.State state) {
    return JSON.createObjectNode().put("streams", state.name()).toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
