package dev.vitals.topology;

import org.apache.kafka.common.serialization.Serde;

/** A topic described once: its name and the serdes of its keys and values. */
public record Topic<K, V>(String name, Serde<K> key, Serde<V> value) {}
