package dev.vitals.state;

/**
 * The key of one ledger entry: {@code accountId␟K␟part} with the unit separator (U+001F), a character no id
 * contains in practice, so an account's entries share one prefix and are read with one prefix scan.
 */
public record EntryKey(String accountId, EntryKind kind, String part) {
  static final char SEPARATOR = '\u001F';

  public static String prefix(String accountId) {
    return accountId + SEPARATOR;
  }

  /** The account a stored key belongs to: the key up to its first separator, or the whole key (summary stores). */
  public static String accountOf(String key) {
    int separator = key.indexOf(SEPARATOR);
    return separator < 0 ? key : key.substring(0, separator);
  }

  public String text() {
    return part.isEmpty()
        ? accountId + SEPARATOR + kind.code()
        : accountId + SEPARATOR + kind.code() + SEPARATOR + part;
  }

  /** Parses a key of {@code accountId}'s entries. */
  static EntryKey parse(String accountId, String key) {
    int kindAt = accountId.length() + 1;
    if (key.length() <= kindAt || !key.startsWith(accountId) || key.charAt(kindAt - 1) != SEPARATOR) {
      throw new IllegalArgumentException("not a ledger key of account " + accountId + ": " + key);
    }
    EntryKind kind = EntryKind.ofCode(key.charAt(kindAt));
    String part = key.length() > kindAt + 2 ? key.substring(kindAt + 2) : "";
    return new EntryKey(accountId, kind, part);
  }
}
