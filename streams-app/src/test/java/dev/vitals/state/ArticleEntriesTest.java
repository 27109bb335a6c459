package dev.vitals.state;

import static dev.vitals.testing.TestEvents.at;
import static dev.vitals.testing.TestEvents.docViewed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.kpi.AccountState;
import dev.vitals.kpi.ArticleFigure;
import dev.vitals.kpi.ArticleReliance;
import dev.vitals.kpi.EventDay;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Article views are stored one entry per day and article, written only by the view that lands there. */
class ArticleEntriesTest {
  private static final String ACCOUNT = "acme";

  @Test
  void shouldStoreEachDaysViewsOfAnArticleInOneEntryAndReadThemBack() {
    RecordingAccountStore store = new RecordingAccountStore();
    AccountBook book = new AccountBook(store, 10);
    book.apply(ACCOUNT, docViewed(ACCOUNT, "2026-06-10T10:00:00Z", "ana", "troubleshoot-sync"),
        at("2026-06-10T10:00:00Z"));
    book.apply(ACCOUNT, docViewed(ACCOUNT, "2026-06-10T11:00:00Z", "bo", "troubleshoot-sync"),
        at("2026-06-10T11:00:00Z"));

    AccountState read = new AccountBook(store, 10).find(ACCOUNT);

    assertThat(read.usage.articles.days).containsExactly(
        Map.entry(EventDay.of(at("2026-06-10T00:00:00Z")), Map.of("troubleshoot-sync", 2L)));
    assertThat(ArticleReliance.of(read, at("2026-06-30T10:00:00Z")))
        .containsExactly(new ArticleFigure("troubleshoot-sync", 2, 0, 0));
  }

}
