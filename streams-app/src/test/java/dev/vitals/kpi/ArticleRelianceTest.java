package dev.vitals.kpi;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.docViewed;
import static dev.vitals.testing.TestEvents.survey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.schema.SurveyKind;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Help-article reliance of one account as of 2026-06-30: views in the 30 usage days 06-01..06-30, RESOURCE ratings
 * of the 90 days before, worked out by hand.
 */
class ArticleRelianceTest {
  private static final String ACCOUNT = "acme";

  private static SpecificRecord rating(String at, String respondent, String article, int score) {
    return survey(ACCOUNT, at, respondent, SurveyKind.RESOURCE, score).setTouchpoint(article).build();
  }

  private static AccountState given(SpecificRecord... events) {
    AccountState state = AccountState.of(ACCOUNT);
    for (SpecificRecord event : events) {
      state.apply(event, (java.time.Instant) event.get(event.getSchema().getField("occurredAt").pos()));
    }
    return state;
  }

  @Test
  void shouldCountEachArticlesViewsIn30DaysAndRatingsIn90MostViewedFirst() {
    AccountState state = given(
        docViewed(ACCOUNT, "2026-05-31T10:00:00Z", "ana", "troubleshoot-sync"),   // day before the 30 days
        docViewed(ACCOUNT, "2026-06-01T10:00:00Z", "ana", "troubleshoot-sync"),
        docViewed(ACCOUNT, "2026-06-10T10:00:00Z", "bo", "troubleshoot-sync"),
        docViewed(ACCOUNT, "2026-06-10T11:00:00Z", "bo", "troubleshoot-sync"),
        docViewed(ACCOUNT, "2026-06-20T10:00:00Z", "ana", "getting-started"),
        rating("2026-04-01T10:00:00Z", "ana", "troubleshoot-sync", 5),   // 90 days before 06-30 10:00: out
        rating("2026-06-10T10:05:00Z", "bo", "troubleshoot-sync", 2),
        rating("2026-06-11T10:05:00Z", "ana", "troubleshoot-sync", 1),
        rating("2026-06-12T10:05:00Z", "ana", "billing-faq", 4));

    List<ArticleFigure> figures = ArticleReliance.of(state, at("2026-06-30T10:00:00Z"));

    assertThat(figures).containsExactly(
        new ArticleFigure("troubleshoot-sync", 3, 2, 3),
        new ArticleFigure("getting-started", 1, 0, 0),
        new ArticleFigure("billing-faq", 0, 1, 4));
  }

  @Test
  void shouldForgetArticleViewsWithTheUsageDays() {
    AccountState state = given(docViewed(ACCOUNT, "2026-06-10T10:00:00Z", "ana", "troubleshoot-sync"),
        docViewed(ACCOUNT, "2026-06-11T10:00:00Z", "ana", "getting-started"));

    state.usage.prune(EventDay.of(at("2026-06-11T00:00:00Z")));

    assertThat(state.usage.articles.days).containsOnlyKeys(EventDay.of(at("2026-06-11T00:00:00Z")));
  }
}
