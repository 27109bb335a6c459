package dev.vitals.metrics;

import dev.vitals.state.stored.StoredAgentTicket;
import dev.vitals.topology.StoreNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The ticket entries of {@value StoreNames#AGENT_TICKETS} this instance holds as active tasks, read at scrape time for
 * the ticket analytics. The store is keyed by account, like the account stores, so an instance reads the tickets of
 * exactly the accounts it exports.
 */
@FunctionalInterface
interface OwnedTickets {
  List<KeyValue<String, StoredAgentTicket>> read();

  static OwnedTickets of(KafkaStreams streams) {
    return () -> {
      try {
        return of(streams.store(StoreQueryParameters.fromNameAndType(StoreNames.AGENT_TICKETS,
            QueryableStoreTypes.<String, StoredAgentTicket>keyValueStore()))).read();
      } catch (InvalidStateStoreException e) {
        return List.of(); // starting, restoring or shutting down
      }
    };
  }

  static OwnedTickets of(ReadOnlyKeyValueStore<String, StoredAgentTicket> store) {
    return () -> {
      List<KeyValue<String, StoredAgentTicket>> tickets = new ArrayList<>();
      try (KeyValueIterator<String, StoredAgentTicket> all = store.all()) {
        all.forEachRemaining(tickets::add);
      }
      return tickets;
    };
  }

  static OwnedTickets none() {
    return List::of;
  }
}
