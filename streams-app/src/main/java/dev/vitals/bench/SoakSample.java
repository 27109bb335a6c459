package dev.vitals.bench;

import java.time.Duration;

/**
 * One look at a soaking pipeline.
 *
 * @param at time since the feed started
 * @param sent events fed so far
 * @param committed input records the pipeline's group has committed since the feed started
 * @param lag input records appended but not yet committed by the group (its consumer lag, all input partitions)
 * @param liveHeap heap in use right after a full collection, or -1 when this sample did not collect
 * @param rss the process's resident memory, or -1 where /proc is not there
 * @param errors ERROR log events since the soak started (every logger of the process)
 * @param strain where the pipeline's time may have gone (printed, not judged)
 */
record SoakSample(Duration at, SoakPlan.Phase phase, long sent, long committed, long lag, long liveHeap, long rss,
    long errors, SoakStrain strain) {

  boolean measuredHeap() {
    return liveHeap >= 0;
  }
}
