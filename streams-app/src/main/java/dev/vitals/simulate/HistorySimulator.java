package dev.vitals.simulate;

import dev.vitals.events.JsonEventCodec;
import dev.vitals.schema.Segment;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;

/**
 * A deterministic history of a SaaS customer base for demos, replays and tests: given a seed, a
 * number of accounts, a start and a number of days, it plays every account's story (see
 * {@link Archetype}) and yields all input events (SPEC §2) in event-time order.
 *
 * <p>Events are generated a day at a time as the iterator is consumed, so memory holds one day
 * plus the tickets still open, however long the history; the live demo can pace the same
 * iterator by event time. The same seed and arguments always give the same events, ids included.
 *
 * <p>The period starts at midnight UTC of {@code start}'s day. Accounts other than ONBOARDING
 * ones are already customers: their profile and SUBSCRIPTION_STARTED come first, at the start,
 * so every account has an MRR from day one; ONBOARDING accounts subscribe mid-period.
 */
public final class HistorySimulator implements Iterable<SpecificRecord> {
  /**
   * Archetypes are dealt from a shuffled cycle so any eight consecutive accounts include every
   * kind; healthy customers are the majority, as in a real book of business.
   */
  private static final List<Archetype> ARCHETYPE_CYCLE = List.of(
      Archetype.HEALTHY, Archetype.DECLINING, Archetype.HEALTHY, Archetype.CHURNING,
      Archetype.DORMANT, Archetype.HEALTHY, Archetype.EXPANDING, Archetype.ONBOARDING);
  private static final List<Segment> SEGMENT_CYCLE = List.of(
      Segment.ENTERPRISE, Segment.MID_MARKET, Segment.MID_MARKET, Segment.SMB, Segment.SMB);

  private final long seed;
  private final SimulationPeriod period;
  private final List<AccountPlan> plans;
  private final long ledgerSeed;

  public HistorySimulator(long seed, int accounts, Instant start, int days) {
    if (accounts < 1) {
      throw new IllegalArgumentException("accounts must be at least 1, got " + accounts);
    }
    this.seed = seed;
    this.period = new SimulationPeriod(start.truncatedTo(ChronoUnit.DAYS), days);
    SplittableRandom root = new SplittableRandom(seed);
    List<Archetype> archetypes = shuffled(ARCHETYPE_CYCLE, root);
    List<Segment> segments = shuffled(SEGMENT_CYCLE, root);
    List<String> names = companyNames(root);
    List<AccountPlan> planned = new ArrayList<>(accounts);
    for (int i = 0; i < accounts; i++) {
      Archetype archetype = archetypes.get(i % archetypes.size());
      int startDay = archetype == Archetype.ONBOARDING
          ? (int) Math.round(days * (0.25 + root.nextDouble() * 0.35)) : 0;
      String name = names.get(i % names.size()) + (i < names.size() ? "" : " " + (i / names.size() + 1));
      planned.add(new AccountPlan(i, String.format("acc-%04d", i + 1), name, archetype,
          segments.get(i % segments.size()), ProductCatalogue.pick(root, ProductCatalogue.CSMS),
          ProductCatalogue.pick(root, ProductCatalogue.REGIONS), startDay, root.nextLong()));
    }
    this.plans = List.copyOf(planned);
    this.ledgerSeed = root.nextLong();
  }

  public long seed() {
    return seed;
  }

  /** Midnight UTC of the first simulated day. */
  public Instant start() {
    return period.start();
  }

  /** The end of the last simulated day (exclusive): every event occurs before it. */
  public Instant end() {
    return period.end();
  }

  public int days() {
    return period.days();
  }

  /** Each account's archetype, by accountId, in account order. */
  public Map<String, Archetype> archetypes() {
    Map<String, Archetype> byAccount = new LinkedHashMap<>();
    plans.forEach(plan -> byAccount.put(plan.accountId(), plan.archetype()));
    return Collections.unmodifiableMap(byAccount);
  }

  /** Each account's segment, by accountId, in account order. */
  public Map<String, Segment> segments() {
    Map<String, Segment> byAccount = new LinkedHashMap<>();
    plans.forEach(plan -> byAccount.put(plan.accountId(), plan.segment()));
    return Collections.unmodifiableMap(byAccount);
  }

  /** A fresh pass over the whole history; every call starts again from the first event. */
  @Override
  public Iterator<SpecificRecord> iterator() {
    return new DayByDay();
  }

  public Stream<SpecificRecord> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * Writes the whole history as JSON lines ({@link JsonEventCodec}), one event per line.
   *
   * @return the number of events written
   */
  public long writeJsonLines(Writer out) throws IOException {
    JsonEventCodec codec = new JsonEventCodec();
    long written = 0;
    for (SpecificRecord event : this) {
      out.write(codec.format(event));
      out.write('\n');
      written++;
    }
    out.flush();
    return written;
  }

  private Map<YearMonth, Integer> newAccountsByMonth() {
    Map<YearMonth, Integer> won = new HashMap<>();
    for (AccountPlan plan : plans) {
      if (plan.archetype() == Archetype.ONBOARDING && plan.startDay() < period.days()) {
        won.merge(YearMonth.from(period.date(plan.startDay())), 1, Integer::sum);
      }
    }
    return won;
  }

  private static <T> List<T> shuffled(List<T> values, SplittableRandom rng) {
    List<T> copy = new ArrayList<>(values);
    for (int i = copy.size() - 1; i > 0; i--) {
      Collections.swap(copy, i, rng.nextInt(i + 1));
    }
    return copy;
  }

  private static List<String> companyNames(SplittableRandom rng) {
    List<String> names = new ArrayList<>();
    for (String stem : ProductCatalogue.COMPANY_STEMS) {
      for (String trade : ProductCatalogue.COMPANY_TRADES) {
        names.add(stem + " " + trade);
      }
    }
    return shuffled(names, rng);
  }

  /** Plays one day of every account, then releases that day's events in order. */
  private final class DayByDay implements Iterator<SpecificRecord> {
    private final List<AccountSimulation> accounts = new ArrayList<>();
    private final MonthlySpend ledger = new MonthlySpend(period, ledgerSeed, plans.size(), newAccountsByMonth());
    private final EventTimeline timeline = new EventTimeline();
    private final ArrayDeque<SpecificRecord> ready = new ArrayDeque<>();
    private int nextDay;

    DayByDay() {
      plans.forEach(plan -> accounts.add(new AccountSimulation(plan, period)));
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && nextDay < period.days()) {
        int day = nextDay++;
        for (AccountSimulation account : accounts) {
          account.simulateDay(day, timeline);
        }
        ledger.simulateDay(day, timeline);
        // Ticket steps after the period's end stay unreleased: those tickets are still open.
        timeline.releaseBefore(period.dayStart(day + 1), ready::add);
      }
      return !ready.isEmpty();
    }

    @Override
    public SpecificRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }
  }
}
