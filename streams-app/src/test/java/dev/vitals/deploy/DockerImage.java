package dev.vitals.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runtime stage of the repository's Dockerfile (the instructions after its last FROM), as far as tests need. */
record DockerImage(Map<String, String> env, String user, List<String> exposed, String healthcheck,
    String entrypoint, String cmd) {

  private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

  static DockerImage load() {
    List<String> instructions = instructions(DeployFiles.read(DeployFiles.path("Dockerfile")));
    int lastFrom = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (keyword(instructions.get(i)).equals("FROM")) {
        lastFrom = i;
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    String user = "root";
    List<String> exposed = new ArrayList<>();
    String healthcheck = "";
    String entrypoint = "";
    String cmd = "";
    for (String instruction : instructions.subList(lastFrom, instructions.size())) {
      String arguments = instruction.substring(keyword(instruction).length()).trim();
      switch (keyword(instruction)) {
        case "ENV" -> {
          Matcher pair = ENV_PAIR.matcher(arguments);
          while (pair.find()) {
            String value = pair.group(2);
            env.put(pair.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
          }
        }
        case "USER" -> user = arguments;
        case "EXPOSE" -> exposed.addAll(List.of(arguments.split("\\s+")));
        case "HEALTHCHECK" -> healthcheck = arguments;
        case "ENTRYPOINT" -> entrypoint = arguments;
        case "CMD" -> cmd = arguments;
        default -> { }
      }
    }
    return new DockerImage(env, user, exposed, healthcheck, entrypoint, cmd);
  }

  /** Instructions with their continuation lines joined and comments left out. */
  private static List<String> instructions(String dockerfile) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile.split("\n")) {
      String text = line.strip();
      if (text.startsWith("#") || (text.isEmpty() && current.length() == 0)) {
        continue;
      }
      boolean continues = text.endsWith("\\");
      current.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
      if (!continues) {
        instructions.add(current.toString().trim());
        current.setLength(0);
      }
    }
    return instructions;
  }

  private static String keyword(String instruction) {
    int space = instruction.indexOf(' ');
    return (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase();
  }
}
