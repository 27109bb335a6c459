package dev.vitals.agent;

import dev.vitals.state.stored.StoredPoorRating;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The support board's latest poor ratings: CSAT answers of 1 or 2 with their account, ticket, agent and comment. The
 * comment is free text a customer wrote: it is served by REST only and never becomes a metric label.
 */
public final class PoorRatings {
  /** A CSAT answer of this or lower is a poor rating. */
  public static final int POOR_AT_MOST = 2;
  /** The most a query returns. */
  public static final int MAX_LIMIT = 100;

  private static final Comparator<StoredPoorRating> LATEST_FIRST =
      Comparator.comparingLong(StoredPoorRating::getAnsweredAt).reversed()
          .thenComparing(StoredPoorRating::getAccountId);

  private PoorRatings() {}

  /** The {@code limit} latest of {@code ratings}, latest first (ties by account, so the order is stable). */
  public static List<StoredPoorRating> latest(Iterator<StoredPoorRating> ratings, int limit) {
    List<StoredPoorRating> all = new ArrayList<>();
    ratings.forEachRemaining(all::add);
    all.sort(LATEST_FIRST);
    return all.subList(0, Math.min(limit, all.size()));
  }
}
