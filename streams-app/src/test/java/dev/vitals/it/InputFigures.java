package dev.vitals.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vitals.schema.BillingEvent;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.TicketEvent;
import dev.vitals.schema.UsageEvent;
import dev.vitals.schema.UsageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * An independent verifier: a few exact figures per account computed straight from the records on the input topics,
 * read with a plain consumer, with arithmetic of its own and deliberately none of Vitals' ledgers, KPI or scoring
 * code, so a bug shared by the service and {@code replay} (which run the same code) still shows. Records are
 * de-duplicated by eventId, first copy kept, as SPEC's at-least-once contract says producers may repeat them.
 *
 * <p>The figures, by SPEC §3: the number of events per account and kind; the sum of {@code count} over usage events,
 * over API_CALL and over DOC_VIEWED events; the CSAT answers; NPS respondents, promoters (9–10) and detractors
 * (0–6), each respondent's latest answer counting once; and MRR, the latest {@code mrrCents} an account's billing
 * events carry (latest by {@code occurredAt}, the later record on the topic for equal times).
 */
public final class InputFigures {
  /** One account's figures. */
  public static final class Account {
    public final Map<String, Long> eventsByKind = new TreeMap<>();
    public long usageCount;
    public long apiCalls;
    public long docViews;
    public long csatAnswers;
    public Long mrrCents;
    private Instant mrrAt;
    private final Map<String, SurveyResponse> latestNps = new TreeMap<>();

    public long npsRespondents() {
      return latestNps.size();
    }

    public long npsPromoters() {
      return latestNps.values().stream().filter(answer -> answer.getScore() >= 9).count();
    }

    public long npsDetractors() {
      return latestNps.values().stream().filter(answer -> answer.getScore() <= 6).count();
    }

    /** 100 × (promoters − detractors) / respondents; null without respondents. */
    public Double nps() {
      long respondents = npsRespondents();
      return respondents == 0 ? null : 100.0 * (npsPromoters() - npsDetractors()) / respondents;
    }
  }

  private final Map<String, Account> accounts = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();
  private long records;
  private long duplicates;

  /** Reads the usage, ticket, billing and survey topics of {@code topics} from the beginning to their end. */
  public static InputFigures read(String bootstrapServers, ItTopics topics) {
    InputFigures figures = new InputFigures();
    TopicReader.readAll(bootstrapServers, topics.topics().usage()).forEach(r -> figures.usage(r.value()));
    TopicReader.readAll(bootstrapServers, topics.topics().tickets()).forEach(r -> figures.ticket(r.value()));
    TopicReader.readAll(bootstrapServers, topics.topics().billing()).forEach(r -> figures.billing(r.value()));
    TopicReader.readAll(bootstrapServers, topics.topics().surveys()).forEach(r -> figures.survey(r.value()));
    return figures;
  }

  /** The figures of every account, by accountId. */
  public Map<String, Account> accounts() {
    return accounts;
  }

  /** Records read from the topics, duplicates included. */
  public long records() {
    return records;
  }

  /** Records whose eventId an earlier record already carried. */
  public long duplicates() {
    return duplicates;
  }

  /**
   * The figures in the terms of the health record's KPIs, by account and JSON pointer. The MRR and the survey
   * figures hold over any history up to 90 days (their windows); the usage sums only when the whole history lies
   * within the last 7 days of each account's final health ({@code historyWithinAWeek}).
   */
  public Map<String, Map<String, Object>> asHealthKpis(boolean historyWithinAWeek) {
    Map<String, Map<String, Object>> kpis = new TreeMap<>();
    accounts.forEach((accountId, account) -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("/kpis/mrrCents", account.mrrCents);
      values.put("/kpis/npsRespondents", account.npsRespondents());
      values.put("/kpis/nps", account.nps());
      values.put("/kpis/csatAnswers", account.csatAnswers);
      if (historyWithinAWeek) {
        values.put("/kpis/usageEvents7d", account.usageCount);
        values.put("/kpis/apiCalls7d", account.apiCalls);
        values.put("/kpis/docViews30d", account.docViews);
      }
      kpis.put(accountId, values);
    });
    return kpis;
  }

  /**
   * Where the health records' KPI fields differ from these figures ({@link #asHealthKpis}), one line per field:
   * {@code account /kpis/field: verifier <a>, Vitals <b>}. Empty when all agree.
   */
  public List<String> differencesFrom(Map<String, JsonNode> health, boolean historyWithinAWeek) {
    List<String> differences = new ArrayList<>();
    asHealthKpis(historyWithinAWeek).forEach((accountId, figures) -> {
      JsonNode record = health.get(accountId);
      figures.forEach((pointer, want) -> {
        JsonNode actual = record == null ? MissingNode.getInstance() : record.at(pointer);
        if (!agrees(want, actual)) {
          differences.add(accountId + " " + pointer + ": verifier " + want + ", Vitals " + actual);
        }
      });
    });
    return differences;
  }

  /** How many figures {@link #differencesFrom} compares. */
  public long figures(boolean historyWithinAWeek) {
    return asHealthKpis(historyWithinAWeek).values().stream().mapToLong(Map::size).sum();
  }

  private static boolean agrees(Object want, JsonNode actual) {
    if (want == null) {
      return actual.isNull() || actual.isMissingNode();
    }
    if (want instanceof Double value) {
      return actual.isNumber() && Math.abs(actual.asDouble() - value) < 1e-9;
    }
    return actual.isNumber() && actual.asLong() == ((Number) want).longValue();
  }

  private boolean firstCopy(String eventId) {
    records++;
    if (seen.add(eventId)) {
      return true;
    }
    duplicates++;
    return false;
  }

  private Account account(String accountId, String kind) {
    Account account = accounts.computeIfAbsent(accountId, id -> new Account());
    account.eventsByKind.merge(kind, 1L, Long::sum);
    return account;
  }

  void usage(UsageEvent event) {
    if (firstCopy(event.getEventId())) {
      Account account = account(event.getAccountId(), "usage/" + event.getKind());
      account.usageCount += event.getCount();
      if (event.getKind() == UsageKind.API_CALL) {
        account.apiCalls += event.getCount();
      } else if (event.getKind() == UsageKind.DOC_VIEWED) {
        account.docViews += event.getCount();
      }
    }
  }

  void ticket(TicketEvent event) {
    if (firstCopy(event.getEventId())) {
      account(event.getAccountId(), "ticket/" + event.getKind());
    }
  }

  void billing(BillingEvent event) {
    if (firstCopy(event.getEventId())) {
      Account account = account(event.getAccountId(), "billing/" + event.getKind());
      if (event.getMrrCents() != null && (account.mrrAt == null || !event.getOccurredAt().isBefore(account.mrrAt))) {
        account.mrrCents = event.getMrrCents();
        account.mrrAt = event.getOccurredAt();
      }
    }
  }

  void survey(SurveyResponse answer) {
    if (firstCopy(answer.getEventId())) {
      Account account = account(answer.getAccountId(), "survey/" + answer.getSurvey());
      if (answer.getSurvey() == SurveyKind.CSAT) {
        account.csatAnswers++;
      } else if (answer.getSurvey() == SurveyKind.NPS) {
        SurveyResponse latest = account.latestNps.get(answer.getRespondentId());
        if (latest == null || !answer.getOccurredAt().isBefore(latest.getOccurredAt())) {
          account.latestNps.put(answer.getRespondentId(), answer);
        }
      }
    }
  }

  /** The same figures over events in hand (the de-duplicated input a test published), for the input-side check. */
  public static InputFigures of(List<? extends SpecificRecord> events) {
    InputFigures figures = new InputFigures();
    for (Object event : events) {
      if (event instanceof UsageEvent usage) {
        figures.usage(usage);
      } else if (event instanceof TicketEvent ticket) {
        figures.ticket(ticket);
      } else if (event instanceof BillingEvent billing) {
        figures.billing(billing);
      } else if (event instanceof SurveyResponse survey) {
        figures.survey(survey);
      }
    }
    return figures;
  }
}
