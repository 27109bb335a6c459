package dev.vitals.rest;

/**
 * Checks an id taken from a request path ({@code /accounts/{id}/health}, {@code /agents/{id}}) before it reaches a
 * store or is forwarded to another instance: an id that could walk paths ({@code ..}, {@code /}), smuggle control
 * characters into logs and forwarded URLs, or is longer than any real id is refused with a 400.
 */
final class PathIds {
  /** Far above any id the sources use, far below what would make a key or a log line expensive. */
  static final int MAX_LENGTH = 200;

  private PathIds() {}

  /** The decoded id, unchanged; an {@link IllegalArgumentException} naming the problem otherwise. */
  static String check(String kind, String id) {
    if (id.isEmpty()) {
      throw new IllegalArgumentException(kind + " id must not be empty");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(kind + " id must be at most " + MAX_LENGTH + " characters, was "
          + id.length());
    }
    if (id.contains("..") || id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(kind + " id must not contain '..', '/' or '\\'");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException(kind + " id must not contain control characters");
      }
    }
    return id;
  }
}
