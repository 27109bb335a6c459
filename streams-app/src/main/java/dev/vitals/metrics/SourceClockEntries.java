package dev.vitals.metrics;

import dev.vitals.topology.StoreNames;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The entries of the event-clock store of every active task of this instance, read at scrape time: each task's
 * source clocks and data gaps ({@code SourceClocks}' keys), one entry per key and task, since the store's view over
 * several tasks iterates each task's store in turn. Only active tasks, so a partition counts on one instance.
 */
@FunctionalInterface
interface SourceClockEntries {
  void forEach(BiConsumer<String, Long> action);

  static SourceClockEntries of(KafkaStreams streams) {
    return action -> {
      try {
        ReadOnlyKeyValueStore<String, Long> store = streams.store(StoreQueryParameters.fromNameAndType(
            StoreNames.EVENT_CLOCK, QueryableStoreTypes.<String, Long>keyValueStore()));
        try (KeyValueIterator<String, Long> all = store.all()) {
          all.forEachRemaining(entry -> action.accept(entry.key, entry.value));
        }
      } catch (InvalidStateStoreException e) {
        // Starting, restoring or shutting down: no task to read, and this instance reports no source.
      }
    };
  }
}
