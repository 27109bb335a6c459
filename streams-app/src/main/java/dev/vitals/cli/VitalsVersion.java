package dev.vitals.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VitalsVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VitalsCli.class.getPackage().getImplementationVersion();
    return new String[] {"vitals " + (version == null ? "development" : version)};
  }
}
