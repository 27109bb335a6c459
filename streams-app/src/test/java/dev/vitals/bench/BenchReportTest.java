package dev.vitals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench rewrites only its own section of docs/benchmarks.md: what people wrote there stays. */
class BenchReportTest {
  @TempDir
  Path work;

  @Test
  void replacesOnlyWhatIsBetweenTheMarkers() throws Exception {
    Path file = work.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n\nintro\n\n" + BenchReport.START + "\nold results\n" + BenchReport.END
        + "\n\n## Changes and their effect\n\n| a change | before | after |\n");

    BenchReport.write(file, BenchReport.START + "\nnew results\n" + BenchReport.END + "\n");

    assertThat(Files.readString(file)).isEqualTo("# Benchmarks\n\nintro\n\n" + BenchReport.START
        + "\nnew results\n" + BenchReport.END + "\n\n## Changes and their effect\n\n| a change | before | after |\n");
  }

  @Test
  void appendsToAFileWithoutMarkersAndKeepsItsText() throws Exception {
    Path file = work.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\n\n## Changes and their effect\n");

    BenchReport.write(file, BenchReport.START + "\nresults\n" + BenchReport.END + "\n");

    assertThat(Files.readString(file)).isEqualTo("# Benchmarks\n\n## Changes and their effect\n\n"
        + BenchReport.START + "\nresults\n" + BenchReport.END + "\n");
  }

  @Test
  void startsANewFileWithAnIntroductionAndAnEmptyRecordOfChanges() throws Exception {
    Path file = work.resolve("docs/benchmarks.md");

    BenchReport.write(file, BenchReport.START + "\nresults\n" + BenchReport.END + "\n");

    String written = Files.readString(file);
    assertThat(written).startsWith("# Benchmarks").contains(BenchReport.START + "\nresults\n" + BenchReport.END)
        .contains("## Changes and their effect");
    assertThat(written.indexOf("## Changes and their effect")).isGreaterThan(written.indexOf(BenchReport.END));
  }
}
