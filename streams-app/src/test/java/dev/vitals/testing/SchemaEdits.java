package dev.vitals.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Another version of a record schema, one field changed: the changes contract-evolution tests are about. */
public final class SchemaEdits {
  private SchemaEdits() {}

  /** {@code record} with {@code added} as its last field. */
  public static Schema withField(Schema record, Schema.Field added) {
    List<Schema.Field> fields = copies(record);
    fields.add(added);
    return like(record, fields);
  }

  /** {@code record} with field {@code name} of another type (no default). */
  public static Schema withFieldType(Schema record, String name, Schema type) {
    if (record.getField(name) == null) {
      throw new IllegalArgumentException(record.getFullName() + " has no field " + name);
    }
    List<Schema.Field> fields = new ArrayList<>();
    record.getFields().forEach(field -> fields.add(field.name().equals(name)
        ? new Schema.Field(name, type)
        : new Schema.Field(field, field.schema())));
    return like(record, fields);
  }

  /** A field may belong to one record only, so the new version gets copies. */
  private static List<Schema.Field> copies(Schema record) {
    List<Schema.Field> fields = new ArrayList<>();
    record.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
    return fields;
  }

  private static Schema like(Schema record, List<Schema.Field> fields) {
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }
}
