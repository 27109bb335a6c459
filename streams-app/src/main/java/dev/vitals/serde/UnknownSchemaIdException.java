package dev.vitals.serde;

/** The registry has no schema with the requested id (Confluent error 40403 on GET /schemas/ids). */
public class UnknownSchemaIdException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  private final int schemaId;

  public UnknownSchemaIdException(int schemaId, String where) {
    super("schema id " + schemaId + " not found in schema registry " + where);
    this.schemaId = schemaId;
  }

  public int schemaId() {
    return schemaId;
  }
}
