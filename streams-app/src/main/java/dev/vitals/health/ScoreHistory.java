package dev.vitals.health;

import dev.vitals.kpi.AccountState;
import dev.vitals.schema.Segment;
import dev.vitals.scoring.HealthModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The account's scores at this time of day on each of the previous days, recomputed from its retained ledgers
 * rather than remembered from earlier evaluations: the past scores then depend only on the events, not on when
 * evaluations happened to run, and a late event corrects the past as it should. Days before the account's first
 * event have no score.
 *
 * @param scores {@code scores[d - 1]} is the score {@code d} days ago, or NaN without data then
 */
record ScoreHistory(double[] scores) {

  static ScoreHistory of(HealthModel model, AccountState state, Segment segment, int days) {
    Instant asOf = state.latestEventAt;
    double[] scores = new double[days];
    for (int day = 1; day <= days; day++) {
      Instant then = asOf.minus(Duration.ofDays(day));
      scores[day - 1] = then.isBefore(state.firstEventAt)
          ? Double.NaN
          : model.assess(state.kpisAt(then), segment).score();
    }
    return new ScoreHistory(scores);
  }

  /** Score now minus the score {@code ago} earlier (whole days), one decimal; null without a score then. */
  Double deltaFrom(double scoreNow, Duration ago) {
    int day = (int) ago.toDays();
    if (day < 1 || day > scores.length || Double.isNaN(scores[day - 1])) {
      return null;
    }
    return Math.round((scoreNow - scores[day - 1]) * 10) / 10.0;
  }

  /** The past daily scores, newest first, null where there was no data. */
  List<Double> newestFirst() {
    List<Double> scores = new ArrayList<>(this.scores.length);
    for (double score : this.scores) {
      scores.add(Double.isNaN(score) ? null : score);
    }
    return scores;
  }

  /** The highest score over the past {@code window} (whole days); null without any. */
  Double peakWithin(Duration window) {
    Double peak = null;
    for (int day = 1; day <= Math.min(window.toDays(), scores.length); day++) {
      double score = scores[day - 1];
      if (!Double.isNaN(score) && (peak == null || score > peak)) {
        peak = score;
      }
    }
    return peak;
  }
}
