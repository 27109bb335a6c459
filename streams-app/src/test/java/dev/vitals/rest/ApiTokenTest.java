package dev.vitals.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final String TOKEN = "abcdefghijklmnop-0123";

  @Test
  void noTokenAdmitsEveryRequest() {
    assertThat(ApiToken.of(null).required()).isFalse();
    assertThat(ApiToken.of("  ").admits(null)).isTrue();
  }

  @Test
  void aTokenAdmitsOnlyItsOwnBearerHeader() {
    ApiToken token = ApiToken.of(TOKEN);

    assertThat(token.admits("Bearer " + TOKEN)).isTrue();
    assertThat(token.admits("bearer " + TOKEN)).isTrue();
    assertThat(token.admits(null)).isFalse();
    assertThat(token.admits("Bearer")).isFalse();
    assertThat(token.admits("Bearer " + TOKEN.substring(1))).isFalse();
    assertThat(token.admits("Basic " + TOKEN)).isFalse();
  }

  @Test
  void aShortOrNonAsciiTokenIsRefusedAtStartUp() {
    assertThatThrownBy(() -> ApiToken.of("short")).hasMessageContaining("http.token");
    assertThatThrownBy(() -> ApiToken.of("abcdefgh ijklmnopq")).hasMessageContaining("http.token");
  }

  @Test
  void theTokenNeverShowsInItsTextButIsSentWhenForwarding() {
    ApiToken token = ApiToken.of(TOKEN);

    assertThat(token.toString()).doesNotContain(TOKEN);
    HttpRequest request = token.authorize(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/accounts"))).build();
    assertThat(request.headers().firstValue("Authorization")).contains("Bearer " + TOKEN);
    HttpRequest open = ApiToken.none().authorize(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/"))).build();
    assertThat(open.headers().firstValue("Authorization")).isEmpty();
  }
}
