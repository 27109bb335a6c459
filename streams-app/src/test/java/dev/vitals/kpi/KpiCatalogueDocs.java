package dev.vitals.kpi;

import dev.vitals.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes docs/kpis.md from the bundled catalogue: run it after editing {@code vitals/kpis.yaml}. */
final class KpiCatalogueDocs {
  private KpiCatalogueDocs() {}

  public static void main(String[] args) throws IOException {
    Path file = RepositoryRoot.resolve("docs/kpis.md");
    Files.writeString(file, KpiCatalogue.bundled().toMarkdown());
    System.out.println("wrote " + file);
  }
}
