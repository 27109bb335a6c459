package dev.vitals.replay;

/** What one replay did: lines read, events accepted, lines rejected (by the parser or the pipeline), outputs. */
public record ReplaySummary(int lines, int rejected, int accounts, int alerts) {

  public int accepted() {
    return lines - rejected;
  }

  /** 0 when every line was accepted, 3 when some were rejected (the run still completes). */
  public int exitCode() {
    return rejected == 0 ? 0 : 3;
  }
}
