package dev.vitals.metrics;

import dev.vitals.alert.AlertRules;
import dev.vitals.kpi.AccountFigures;
import dev.vitals.kpi.DurationHistogram;
import dev.vitals.kpi.MrrMovement;
import dev.vitals.schema.AccountKpiValues;
import dev.vitals.schema.AlertRule;
import dev.vitals.schema.HealthBand;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The business series of docs/metrics.md, per segment: counts and sums over the owned accounts, never ratios, so
 * that Prometheus can add instances up and its recording rules divide (SPEC §6). Every series of a segment is
 * exported, zeros included, so a panel or a rule over a quiet segment reads 0 rather than nothing.
 */
final class SegmentTotals {
  private static final double[] SCORE_BOUNDS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
  private static final double[] DURATION_BOUNDS = DurationHistogram.UPPER_BOUNDS.stream()
      .mapToDouble(d -> d.toSeconds()).toArray();
  private static final String[] CONTACTS = {"1", "2", "3+"};

  private final Map<String, Totals> segments = new TreeMap<>();

  void add(OwnedAccount account) {
    segments.computeIfAbsent(account.segment(), s -> new Totals()).add(account);
  }

  void exportTo(MetricFamilies families) {
    segments.forEach((segment, totals) -> totals.exportTo(segment, families));
  }

  /** One segment's running totals. */
  private static final class Totals {
    private final long[] accountsByBand = new long[HealthBand.values().length];
    private final long[] mrrByBand = new long[HealthBand.values().length];
    private final long[] scoreCounts = new long[SCORE_BOUNDS.length + 1];
    private double scoreSum;
    private long npsRespondents;
    private long npsPromoters;
    private long npsPassives;
    private long npsDetractors;
    private long csatAnswers;
    private long csatSatisfied;
    private long cesAnswers;
    private long cesSum;
    private long ticketsOpen;
    private long ticketsOpened;
    private final long[] resolvedByContacts = new long[CONTACTS.length];
    private long firstContactResolved;
    private final long[] firstResponseCounts = new long[DURATION_BOUNDS.length + 1];
    private long firstResponseSeconds;
    private final long[] resolutionCounts = new long[DURATION_BOUNDS.length + 1];
    private long resolutionSeconds;
    private long payingAccounts;
    private long periodStartMrr;
    private final long[] movementCents = new long[MrrMovement.Kind.values().length];
    private final long[] retainedMovementCents = new long[MrrMovement.Kind.values().length];
    private long activeUsers;
    private long seats;
    private long seatedActiveUsers;
    private long powerUsers;
    private long usageEvents;
    private long apiCalls;
    private long apiErrors;
    private long docViews;
    private long paymentFailures;
    private final long[] openAlerts = new long[AlertRule.values().length];

    void add(OwnedAccount account) {
      var health = account.health();
      AccountKpiValues kpis = health.getKpis();
      int band = health.getBand().ordinal();
      accountsByBand[band]++;
      scoreCounts[bucketOf(health.getScore())]++;
      scoreSum += health.getScore();
      long mrr = kpis.getMrrCents() == null ? 0 : kpis.getMrrCents();
      mrrByBand[band] += mrr;
      payingAccounts += mrr > 0 ? 1 : 0;
      npsRespondents += kpis.getNpsRespondents();
      csatAnswers += kpis.getCsatAnswers();
      cesAnswers += kpis.getCesAnswers();
      ticketsOpen += kpis.getOpenTickets();
      ticketsOpened += kpis.getTicketsOpened30d();
      activeUsers += kpis.getActiveUsers30d();
      if (kpis.getSeats() != null) {
        seats += kpis.getSeats();
        seatedActiveUsers += kpis.getActiveUsers30d();
      }
      powerUsers += kpis.getPowerUsers30d();
      usageEvents += kpis.getUsageEvents7d();
      apiCalls += kpis.getApiCalls7d();
      docViews += kpis.getDocViews30d();
      paymentFailures += kpis.getPaymentFailures30d();
      health.getOpenAlerts().forEach(rule -> openAlerts[rule.ordinal()]++);
      if (account.figures() != null) {
        addFigures(account.figures());
      }
    }

    private void addFigures(AccountFigures figures) {
      npsPromoters += figures.npsPromoters();
      npsPassives += figures.npsPassives();
      npsDetractors += figures.npsDetractors();
      csatSatisfied += figures.csatSatisfied();
      cesSum += figures.cesSum();
      for (int i = 0; i < CONTACTS.length; i++) {
        resolvedByContacts[i] += figures.resolvedByContacts()[i];
      }
      firstContactResolved += figures.firstContactResolved();
      addCounts(firstResponseCounts, figures.firstResponses().counts());
      firstResponseSeconds += figures.firstResponses().sumSeconds();
      addCounts(resolutionCounts, figures.resolutions().counts());
      resolutionSeconds += figures.resolutions().sumSeconds();
      Long start = figures.revenue().periodStartCents();
      periodStartMrr += start == null ? 0 : start;
      for (MrrMovement.Kind kind : MrrMovement.Kind.values()) {
        movementCents[kind.ordinal()] += figures.revenue().centsOf(kind);
        retainedMovementCents[kind.ordinal()] += figures.revenue().retainedCentsOf(kind);
      }
      apiErrors += figures.apiErrors7d();
    }

    void exportTo(String segment, MetricFamilies out) {
      Labels labels = Labels.of("segment", segment);
      for (HealthBand band : HealthBand.values()) {
        Labels byBand = labels.add("band", band.name());
        out.gauge("vitals_accounts", "Accounts owned, by health band", byBand, accountsByBand[band.ordinal()]);
        out.gauge("vitals_mrr_cents", "Monthly recurring revenue now, in cents, by health band", byBand,
            mrrByBand[band.ordinal()]);
      }
      out.histogram("vitals_health_score", "Health scores of the accounts (0-100)", labels, SCORE_BOUNDS,
          scoreCounts, scoreSum);
      out.gauge("vitals_nps_respondents", "NPS respondents in the last 90 days", labels, npsRespondents);
      out.gauge("vitals_nps_promoters", "NPS promoters (9-10) in the last 90 days", labels, npsPromoters);
      out.gauge("vitals_nps_passives", "NPS passives (7-8) in the last 90 days", labels, npsPassives);
      out.gauge("vitals_nps_detractors", "NPS detractors (0-6) in the last 90 days", labels, npsDetractors);
      out.gauge("vitals_csat_answers", "CSAT answers in the last 90 days", labels, csatAnswers);
      out.gauge("vitals_csat_satisfied", "CSAT answers of 4 or 5 in the last 90 days", labels, csatSatisfied);
      out.gauge("vitals_ces_answers", "CES answers in the last 90 days", labels, cesAnswers);
      out.gauge("vitals_ces_points", "Sum of the CES answers (1-7 points each) of the last 90 days", labels,
          cesSum);
      out.gauge("vitals_tickets_open", "Tickets whose latest step is not RESOLVED", labels, ticketsOpen);
      out.gauge("vitals_tickets_opened_30d", "Tickets opened in the last 30 days", labels, ticketsOpened);
      for (int i = 0; i < CONTACTS.length; i++) {
        out.gauge("vitals_tickets_resolved_30d", "Tickets resolved in the last 30 days, by agent replies it took",
            labels.add("contacts", CONTACTS[i]), resolvedByContacts[i]);
      }
      out.gauge("vitals_tickets_resolved_first_contact_30d",
          "Tickets resolved in the last 30 days with at most one reply and never reopened", labels,
          firstContactResolved);
      out.histogram("vitals_ticket_first_response_seconds",
          "Opened to first agent reply, tickets opened in the last 30 days", labels, DURATION_BOUNDS,
          firstResponseCounts, firstResponseSeconds);
      out.histogram("vitals_ticket_resolution_seconds",
          "Opened to final resolution, tickets resolved in the last 30 days", labels, DURATION_BOUNDS,
          resolutionCounts, resolutionSeconds);
      out.gauge("vitals_paying_accounts", "Accounts with MRR above zero", labels, payingAccounts);
      out.gauge("vitals_mrr_period_start_cents", "MRR 30 days ago of the accounts paying then, in cents", labels,
          periodStartMrr);
      for (MrrMovement.Kind kind : MrrMovement.Kind.values()) {
        Labels byKind = labels.add("kind", kind.name().toLowerCase(Locale.ROOT));
        out.gauge("vitals_mrr_movement_cents", "MRR movements of the last 30 days, in cents, by kind", byKind,
            movementCents[kind.ordinal()]);
        out.gauge("vitals_mrr_retained_movement_cents",
            "MRR movements of the last 30 days of the accounts paying 30 days ago, in cents, by kind", byKind,
            retainedMovementCents[kind.ordinal()]);
      }
      out.gauge("vitals_active_users_30d", "Distinct users active in the last 30 days", labels, activeUsers);
      out.gauge("vitals_seats", "Seats of the accounts whose seat count is known", labels, seats);
      out.gauge("vitals_seated_active_users_30d", "Active users of the accounts whose seat count is known", labels,
          seatedActiveUsers);
      out.gauge("vitals_power_users_30d", "Users active on at least 15 of the last 30 days", labels, powerUsers);
      out.gauge("vitals_usage_events_7d", "Usage events in the last 7 days", labels, usageEvents);
      out.gauge("vitals_api_calls_7d", "API calls in the last 7 days", labels, apiCalls);
      out.gauge("vitals_api_errors_7d", "Failed API calls in the last 7 days", labels, apiErrors);
      out.gauge("vitals_doc_views_30d", "Help-article views in the last 30 days", labels, docViews);
      out.gauge("vitals_payment_failures_30d", "Payment failures in the last 30 days not followed by a payment",
          labels, paymentFailures);
      for (AlertRule rule : AlertRule.values()) {
        out.gauge("vitals_alerts_open", "Open churn-risk alerts",
            labels.add("rule", rule.name()).add("severity", AlertRules.severityOf(rule).name()),
            openAlerts[rule.ordinal()]);
      }
    }

    private static int bucketOf(double score) {
      for (int i = 0; i < SCORE_BOUNDS.length; i++) {
        if (score <= SCORE_BOUNDS[i]) {
          return i;
        }
      }
      return SCORE_BOUNDS.length;
    }

    private static void addCounts(long[] totals, int[] counts) {
      for (int i = 0; i < totals.length && i < counts.length; i++) {
        totals[i] += counts[i];
      }
    }
  }
}
