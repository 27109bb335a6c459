package dev.vitals.state;

import static dev.vitals.testing.TestEvents.answer;
import static dev.vitals.testing.TestEvents.featureUsed;
import static dev.vitals.testing.TestEvents.login;
import static dev.vitals.testing.TestEvents.profile;
import static dev.vitals.testing.TestEvents.subscribed;
import static dev.vitals.testing.TestEvents.ticketStep;
import static dev.vitals.testing.TestEvents.usage;

import dev.vitals.kpi.AccountFigures;
import dev.vitals.kpi.AccountState;
import dev.vitals.schema.Segment;
import dev.vitals.schema.SurveyKind;
import dev.vitals.schema.TicketEventKind;
import dev.vitals.schema.UsageKind;
import dev.vitals.state.stored.StoredAccountFigures;
import dev.vitals.state.stored.StoredRetention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * A small account with every kind of entry, and its stored form as released: {@code state/sample-v<N>.txt} holds
 * one line per stored value ({@code key<TAB>hex}, the key's separators written {@code |}). Run {@link #main} to
 * write the sample of a new format version; never rewrite a released line (a store added within a version adds its
 * own lines, as the figures did).
 */
final class StoredStateSample {
  static final String ACCOUNT = "acme";
  private static final String FIGURES = "figures|";
  private static final String RETENTION = "retention|";

  private StoredStateSample() {}

  static List<SpecificRecord> events() {
    return List.of(
        profile(ACCOUNT, "2026-03-01T00:00:00Z", Segment.SMB, "reports").setCsm("dana").build(),
        subscribed(ACCOUNT, "2026-03-01T00:00:00Z", 50_000, 10, "2027-03-01"),
        login(ACCOUNT, "2026-03-02T09:00:00Z", "ana"),
        login(ACCOUNT, "2026-03-03T09:00:00Z", "bo"),
        featureUsed(ACCOUNT, "2026-03-03T10:00:00Z", "ana", "reports"),
        usage(ACCOUNT, "2026-03-03T11:00:00Z", UsageKind.MILESTONE).setFeature("onboarding-complete").build(),
        ticketStep(ACCOUNT, "2026-03-03T12:00:00Z", "T1", TicketEventKind.OPENED),
        ticketStep(ACCOUNT, "2026-03-03T13:00:00Z", "T1", TicketEventKind.AGENT_REPLIED),
        ticketStep(ACCOUNT, "2026-03-03T15:00:00Z", "T1", TicketEventKind.RESOLVED),
        answer(ACCOUNT, "2026-03-03T16:00:00Z", "r1", SurveyKind.NPS, 6));
  }

  /** The store as this release writes the sample account. */
  static InMemoryAccountStore written() {
    InMemoryAccountStore store = new InMemoryAccountStore();
    AccountBook book = new AccountBook(store, 10);
    events().forEach(event -> book.apply(ACCOUNT, event, AccountHistories.occurredAt(event)));
    return store;
  }

  /**
   * Every stored value of {@code store}'s sample account, by readable key, and the figures the topology stores beside
   * its health record (store vitals-account-figures), as of the account's latest event.
   */
  static Map<String, String> lines(InMemoryAccountStore store) {
    Map<String, String> lines = new TreeMap<>();
    lines.put("summary|" + ACCOUNT, HexFormat.of().formatHex(store.summary(ACCOUNT)));
    store.forEachEntry(ACCOUNT, (key, value) ->
        lines.put(key.replace(EntryKey.SEPARATOR, '|'), HexFormat.of().formatHex(value)));
    AccountState state = new AccountBook(store, 1).find(ACCOUNT);
    AccountFigures figures = state.measuredAt(state.latestEventAt).figures();
    lines.put(FIGURES + ACCOUNT, HexFormat.of().formatHex(new StateFormat().encode(StoredFigures.toStored(figures))));
    lines.put(RETENTION + ACCOUNT, HexFormat.of().formatHex(new StateFormat().encode(
        StoredRetentionFigures.of(state.billing, state.latestEventAt))));
    return lines;
  }

  /** The stored figures of the sample, decoded. */
  static AccountFigures figures(List<String> sample) {
    for (String line : sample) {
      String[] parts = line.split("\t");
      if (parts[0].equals(FIGURES + ACCOUNT)) {
        return StoredFigures.fromStored(new StateFormat().decode(HexFormat.of().parseHex(parts[1]),
            StoredAccountFigures.class));
      }
    }
    throw new IllegalArgumentException("no figures in the sample");
  }

  /** The stored retention answers of the sample (store vitals-account-retention), decoded. */
  static StoredRetention retention(List<String> sample) {
    for (String line : sample) {
      String[] parts = line.split("\t");
      if (parts[0].equals(RETENTION + ACCOUNT)) {
        return new StateFormat().decode(HexFormat.of().parseHex(parts[1]), StoredRetention.class);
      }
    }
    throw new IllegalArgumentException("no retention answers in the sample");
  }

  /** Reads a stored sample back into a store. */
  static InMemoryAccountStore read(List<String> sample) {
    InMemoryAccountStore store = new InMemoryAccountStore();
    for (String line : sample) {
      String[] parts = line.split("\t");
      byte[] value = HexFormat.of().parseHex(parts[1]);
      if (parts[0].startsWith(FIGURES) || parts[0].startsWith(RETENTION)) {
        continue;   // not an account-store value: see figures(sample) and retention(sample)
      }
      if (parts[0].startsWith("summary|")) {
        store.putSummary(parts[0].substring("summary|".length()), value);
      } else {
        store.putEntry(parts[0].replace('|', EntryKey.SEPARATOR), value);
      }
    }
    return store;
  }

  public static void main(String[] args) throws IOException {
    List<String> out = new ArrayList<>();
    lines(written()).forEach((key, hex) -> out.add(key + "\t" + hex));
    Path file = Path.of("src/test/resources/state/sample-v" + StateFormat.VERSION + ".txt");
    Files.write(file, out);
    System.out.println("wrote " + file);
  }
}
