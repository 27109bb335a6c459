package dev.vitals.cli;

public final class VitalsCli {
  public static void main(String[] args) {}
}
