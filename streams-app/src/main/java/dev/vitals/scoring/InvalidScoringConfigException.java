package dev.vitals.scoring;

/**
 * A scoring configuration that cannot be used. The message is one line naming the source (file or resource),
 * the field path inside it and the problem, e.g. {@code scoring.yaml: weights.SMB.usage: must be >= 0, was -1},
 * so that whoever edited the file can fix it without reading code.
 *
 * <p>Records validate themselves with a path relative to their own fields; whoever builds them from a larger
 * document prefixes the parent path ({@link #under}) and finally the source ({@link #in}).
 */
public final class InvalidScoringConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String problem;

  public InvalidScoringConfigException(String path, String problem) {
    this(null, path, problem, null);
  }

  private InvalidScoringConfigException(String source, String path, String problem, Throwable cause) {
    super(render(source, path, problem), cause);
    this.source = source;
    this.path = path == null ? "" : path;
    this.problem = problem;
  }

  /** A problem with the document as a whole (unreadable file, broken YAML). */
  static InvalidScoringConfigException ofSource(String source, String problem, Throwable cause) {
    return new InvalidScoringConfigException(source, "", problem, cause);
  }

  /** The same problem, one level further down: {@code under("weights")} turns {@code SMB.usage} into {@code weights.SMB.usage}. */
  public InvalidScoringConfigException under(String parent) {
    String joined = path.isEmpty() ? parent : path.startsWith("[") ? parent + path : parent + "." + path;
    return new InvalidScoringConfigException(source, joined, problem, getCause());
  }

  /** The same problem, attributed to a file or resource. */
  public InvalidScoringConfigException in(String sourceName) {
    return new InvalidScoringConfigException(sourceName, path, problem, getCause());
  }

  /** File or resource name; null until {@link #in} was applied. */
  public String source() {
    return source;
  }

  /** Dotted field path, e.g. {@code weights.SMB.usage}; empty for a problem with the whole document. */
  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }

  private static String render(String source, String path, String problem) {
    StringBuilder message = new StringBuilder();
    if (source != null) {
      message.append(source).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      message.append(path).append(": ");
    }
    return message.append(problem).toString();
  }
}
