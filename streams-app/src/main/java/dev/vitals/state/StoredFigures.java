package dev.vitals.state;

import dev.vitals.kpi.AccountFigures;
import dev.vitals.kpi.DurationHistogram;
import dev.vitals.kpi.MrrMovement;
import dev.vitals.kpi.RevenueMovements;
import dev.vitals.state.stored.StoredAccountFigures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Maps an account's {@link AccountFigures} onto their stored form and back. */
public final class StoredFigures {
  private StoredFigures() {}

  public static StoredAccountFigures toStored(AccountFigures figures) {
    RevenueMovements revenue = figures.revenue();
    return StoredAccountFigures.newBuilder()
        .setNpsPromoters(figures.npsPromoters())
        .setNpsPassives(figures.npsPassives())
        .setNpsDetractors(figures.npsDetractors())
        .setCsatSatisfied(figures.csatSatisfied())
        .setCesSum(figures.cesSum())
        .setResolvedByContacts(ints(figures.resolvedByContacts()))
        .setFirstContactResolved(figures.firstContactResolved())
        .setFirstResponseCounts(ints(figures.firstResponses().counts()))
        .setFirstResponseSecondsSum(figures.firstResponses().sumSeconds())
        .setResolutionCounts(ints(figures.resolutions().counts()))
        .setResolutionSecondsSum(figures.resolutions().sumSeconds())
        .setPeriodStartMrrCents(revenue.periodStartCents())
        .setMovementCents(byKind(revenue.cents()))
        .setRetainedMovementCents(byKind(revenue.retainedCents()))
        .setApiErrors7d(figures.apiErrors7d())
        .build();
  }

  public static AccountFigures fromStored(StoredAccountFigures stored) {
    return new AccountFigures(
        stored.getNpsPromoters(),
        stored.getNpsPassives(),
        stored.getNpsDetractors(),
        stored.getCsatSatisfied(),
        stored.getCesSum(),
        ints(stored.getResolvedByContacts(), 3),
        stored.getFirstContactResolved(),
        new DurationHistogram(ints(stored.getFirstResponseCounts(), DurationHistogram.UPPER_BOUNDS.size() + 1),
            stored.getFirstResponseSecondsSum()),
        new DurationHistogram(ints(stored.getResolutionCounts(), DurationHistogram.UPPER_BOUNDS.size() + 1),
            stored.getResolutionSecondsSum()),
        new RevenueMovements(stored.getPeriodStartMrrCents(), kinds(stored.getMovementCents()),
            kinds(stored.getRetainedMovementCents())),
        stored.getApiErrors7d());
  }

  private static List<Integer> ints(int[] values) {
    List<Integer> list = new ArrayList<>(values.length);
    for (int value : values) {
      list.add(value);
    }
    return list;
  }

  /** A stored array as an array of {@code length}: missing trailing elements (an older writer) count as zero. */
  private static int[] ints(List<Integer> stored, int length) {
    int[] values = new int[length];
    for (int i = 0; i < Math.min(length, stored.size()); i++) {
      values[i] = stored.get(i);
    }
    return values;
  }

  private static List<Long> byKind(Map<MrrMovement.Kind, Long> cents) {
    List<Long> list = new ArrayList<>();
    for (MrrMovement.Kind kind : MrrMovement.Kind.values()) {
      list.add(cents.get(kind));
    }
    return list;
  }

  private static Map<MrrMovement.Kind, Long> kinds(List<Long> stored) {
    Map<MrrMovement.Kind, Long> cents = new EnumMap<>(MrrMovement.Kind.class);
    MrrMovement.Kind[] kinds = MrrMovement.Kind.values();
    for (int i = 0; i < kinds.length; i++) {
      cents.put(kinds[i], i < stored.size() ? stored.get(i) : 0L);
    }
    return cents;
  }
}
