package dev.vitals.simulate;

/**
 * How an account's support tickets tend to unfold: response and resolution times, how often
 * they bounce back and forth, escalate or reopen, how the customer rates them, and how often a
 * ticket is a complaint. Times are drawn log-uniformly between the bounds.
 */
record SupportStyle(
    int firstReplyMinMinutes,
    int firstReplyMaxMinutes,
    double customerReplyChance,
    double agentFollowUpChance,
    double escalationChance,
    double reopenChance,
    int resolveMinHours,
    int resolveMaxHours,
    int csatLow,
    int csatHigh,
    double complaintShare) {

  static final SupportStyle RESPONSIVE = new SupportStyle(5, 90, 0.35, 0.6, 0.05, 0.03, 1, 8, 4, 5, 0.02);
  static final SupportStyle GUIDED = new SupportStyle(10, 120, 0.5, 0.7, 0.08, 0.05, 1, 12, 3, 5, 0.03);
  static final SupportStyle ROUTINE = new SupportStyle(15, 180, 0.3, 0.5, 0.05, 0.05, 2, 24, 3, 5, 0.04);
  static final SupportStyle STRAINED = new SupportStyle(30, 360, 0.55, 0.75, 0.12, 0.12, 4, 36, 2, 4, 0.08);
  static final SupportStyle FAILING = new SupportStyle(120, 900, 0.7, 0.85, 0.25, 0.25, 12, 96, 1, 3, 0.25);
}
