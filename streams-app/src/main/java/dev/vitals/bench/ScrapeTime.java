package dev.vitals.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@code GET /metrics} takes on an instance that owns every account of the backlog: the business and
 * per-account series are read from its state stores at each scrape, so this grows with the accounts owned. Timed
 * as Prometheus would see it (HTTP on loopback, the whole body read), after two unmeasured scrapes.
 *
 * @param median of the measured scrapes
 * @param accounts the accounts the scrape counted in {@code vitals_accounts} (all of them, or the figure is moot)
 */
record ScrapeTime(Duration median, Duration max, long accounts, int bytes) {
  private static final int WARM_UP = 2;
  private static final int MEASURED = 5;
  private static final Pattern ACCOUNTS = Pattern.compile("(?m)^vitals_accounts\\{[^}]*} (\\S+)$");

  static ScrapeTime measure(int httpPort, int backlogAccounts, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
        .timeout(Duration.ofSeconds(30)).GET().build();
    // Bounded: if the count never reaches the backlog's, the figure is reported with the count it had.
    Instant deadline = Instant.now().plus(timeout);
    while (accountsCounted(get(http, request)) < backlogAccounts && Instant.now().isBefore(deadline)) {
      GroupProgress.pause(GroupProgress.POLL);
    }
    List<Duration> times = new ArrayList<>();
    String body = "";
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      long started = System.nanoTime();
      body = get(http, request);
      if (i >= WARM_UP) {
        times.add(Duration.ofNanos(System.nanoTime() - started));
      }
    }
    times.sort(null);
    return new ScrapeTime(times.get(times.size() / 2), times.get(times.size() - 1), accountsCounted(body),
        body.length());
  }

  private static long accountsCounted(String body) {
    long accounts = 0;
    Matcher counted = ACCOUNTS.matcher(body);
    while (counted.find()) {
      accounts += Math.round(Double.parseDouble(counted.group(1)));
    }
    return accounts;
  }

  private static String get(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /metrics answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("GET /metrics failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
