package dev.vitals.serde;

/**
 * The registry refused to register a schema under a subject because it breaks the subject's
 * compatibility rule (HTTP 409). A producer must not retry this: the contract has to change.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  private final String subject;

  public IncompatibleSchemaException(String subject, String registryMessage) {
    super("schema registry answered 409: schema is incompatible with subject '" + subject + "'"
        + (registryMessage == null || registryMessage.isBlank() ? "" : ": " + registryMessage));
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
