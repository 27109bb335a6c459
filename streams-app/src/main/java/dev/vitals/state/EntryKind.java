package dev.vitals.state;

/**
 * The kinds of entry an account's ledger is split into, each written only by the events that touch it. The code
 * is the one letter that follows the account id in the entry's key; changing one loses that state.
 */
public enum EntryKind {
  /** One UTC day of usage sums; part = the epoch day. */
  USAGE_DAY('D'),
  /** One user's active days; part = the userId. */
  USER('U'),
  /** One feature's days of use; part = the feature. */
  FEATURE('F'),
  /** When a milestone was first reached; part = its name. */
  MILESTONE('M'),
  /** When a feature was first used (time to value); part = the feature. Added within format version 1. */
  FIRST_USE('A'),
  /** One help article's views on one UTC day; part = the epoch day, U+001F, the article. Added within version 1. */
  ARTICLE_DAY('R'),
  /** One support ticket's steps; part = the ticketId. */
  TICKET('T'),
  /** One survey answer; part = occurredAt millis, respondentId and survey. */
  SURVEY('S'),
  /** The billing ledger (events are rare, so one entry); no part. */
  BILLING('B'),
  /** The latest profile; no part. */
  PROFILE('P');

  private final char code;

  EntryKind(char code) {
    this.code = code;
  }

  public char code() {
    return code;
  }

  static EntryKind ofCode(char code) {
    for (EntryKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown ledger entry kind '" + code + "'");
  }
}
