package dev.vitals.rest;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The optional bearer token of the REST API ({@code http.token}, docs/operations.md). When set, every request but
 * {@code GET /healthz} and {@code GET /readyz} must carry {@code Authorization: Bearer <token>}, and an instance that
 * forwards a request to another sends the same header: all instances of one application share the token.
 *
 * <p>Its {@link #toString()} never shows the token, so a logged configuration cannot leak it.
 */
public final class ApiToken {
  private static final String SCHEME = "Bearer ";
  private static final ApiToken NONE = new ApiToken(null);

  /** Null when the API is open. */
  private final byte[] token;

  private ApiToken(byte[] token) {
    this.token = token;
  }

  /** No token: the API is open, as before the setting existed. */
  public static ApiToken none() {
    return NONE;
  }

  /**
   * The token, validated: printable ASCII without spaces (RFC 6750's token characters are a subset), at least 16
   * characters so that it cannot be guessed by trying; an empty or absent value means no token.
   */
  public static ApiToken of(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    String trimmed = value.trim();
    if (trimmed.length() < 16) {
      throw new IllegalArgumentException("http.token: must be at least 16 characters");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException("http.token: only printable ASCII without spaces is allowed");
      }
    }
    return new ApiToken(trimmed.getBytes(StandardCharsets.US_ASCII));
  }

  public boolean required() {
    return token != null;
  }

  /**
   * Whether a request with this {@code Authorization} header (null when absent) may pass. The comparison takes
   * the same time wherever the first differing byte is, so response times do not reveal the token byte by byte.
   */
  boolean admits(String authorization) {
    if (token == null) {
      return true;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    byte[] offered = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, offered);
  }

  /** The header a forwarded request carries, when a token is set. */
  Optional<String> authorizationHeader() {
    return token == null ? Optional.empty()
        : Optional.of(SCHEME + new String(token, StandardCharsets.US_ASCII));
  }

  /** Adds the token to a request to another instance, so that forwarding works when the API is protected. */
  HttpRequest.Builder authorize(HttpRequest.Builder request) {
    authorizationHeader().ifPresent(header -> request.header("Authorization", header));
    return request;
  }

  @Override
  public String toString() {
    return token == null ? "(none)" : "******";
  }
}
