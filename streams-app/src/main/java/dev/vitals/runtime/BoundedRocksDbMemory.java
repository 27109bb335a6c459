package dev.vitals.runtime;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB's memory for the whole instance: every store shares one block cache, and memtables are charged to
 * that cache through one write-buffer manager, so memory stays flat as accounts (and stores, and tasks) grow.
 * Kafka Streams instantiates this class per store by name, which is why the cache lives in a static holder: it
 * must be one per JVM, created once from the configured size ({@value #TOTAL_BYTES_CONFIG}).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  public static final String TOTAL_BYTES_CONFIG = "vitals.rocksdb.total.bytes";
  static final long DEFAULT_TOTAL_BYTES = 256L * 1024 * 1024;
  private static final double WRITE_BUFFER_SHARE = 0.25;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    SharedMemory memory = SharedMemory.get(totalBytes(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(memory.cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(memory.writeBuffers);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The shared cache outlives any one store; it is released with the JVM.
  }

  private static long totalBytes(Map<String, Object> configs) {
    Object configured = configs.get(TOTAL_BYTES_CONFIG);
    return configured == null ? DEFAULT_TOTAL_BYTES : Long.parseLong(configured.toString());
  }

  /** The one cache and write-buffer manager of this JVM. */
  private static final class SharedMemory {
    private static SharedMemory instance;

    final Cache cache;
    final WriteBufferManager writeBuffers;

    private SharedMemory(long totalBytes) {
      this.cache = new LRUCache(totalBytes, -1, false, 0.1);
      this.writeBuffers = new WriteBufferManager((long) (totalBytes * WRITE_BUFFER_SHARE), cache);
    }

    static synchronized SharedMemory get(long totalBytes) {
      if (instance == null) {
        instance = new SharedMemory(totalBytes);
      }
      return instance;
    }
  }
}
