package dev.vitals.health;

import dev.vitals.kpi.AccountState;
import dev.vitals.schema.Segment;
import dev.vitals.scoring.HealthModel;
import dev.vitals.kpi.EventDay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The account's closing scores (the score as of the last millisecond of a UTC day) on each of the days before the
 * day it is scored on.
 * They come from the account's ledgers, not from whichever evaluations happened to run, so they depend only on the
 * events, and a late event corrects the past as it should. Each is computed once and kept in the state; a late
 * event (or a profile change, or another scoring configuration) invalidates those from its day on. Days that closed
 * before the account's first event have no score.
 *
 * @param scores {@code scores[d - 1]} is the closing score {@code d} days before the day scored, or NaN
 */
record ScoreHistory(double[] scores) {

  static ScoreHistory of(HealthModel model, String scoringKey, AccountState state, Segment segment, long today,
      int days) {
    SortedMap<Long, Double> kept = state.closingScores;
    if (!Objects.equals(state.closingScoresModel, scoringKey)) {
      kept.clear();
      state.closingScoresModel = scoringKey;
    } else if (state.rescoreFromDay != null) {
      kept.tailMap(state.rescoreFromDay).clear();
    }
    state.rescoreFromDay = null;
    kept.headMap(today - days).clear();
    double[] scores = new double[days];
    for (int back = 1; back <= days; back++) {
      long day = today - back;
      Instant close = EventDay.lastInstantOf(day);
      scores[back - 1] = close.isBefore(state.firstEventAt)
          ? Double.NaN
          : kept.computeIfAbsent(day, d -> model.score(state.kpisAt(close), segment));
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
