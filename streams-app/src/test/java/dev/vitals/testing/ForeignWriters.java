package dev.vitals.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Writer schemas a careless producer could register for an input contract, and records written with them: one that
 * lacks a required field, one whose enum knows a symbol the contract does not. Records are carried over in Avro's
 * generic form (longs for timestamps, symbols for enums), so no logical-type conversion is involved.
 */
final class ForeignWriters {
  /** The symbol the widened enum adds. */
  static final String UNKNOWN_SYMBOL = "CORPUS_UNKNOWN";

  private ForeignWriters() {}

  /** The contract's required fields without a default: each one a writer must not drop. */
  static List<String> requiredFields(Schema contract) {
    return contract.getFields().stream().filter(f -> !f.hasDefaultValue()).map(Schema.Field::name).toList();
  }

  /** {@code contract} without the field {@code dropped}. */
  static Schema without(Schema contract, String dropped) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : contract.getFields()) {
      if (!field.name().equals(dropped)) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return Schema.createRecord(contract.getName(), contract.getDoc(), contract.getNamespace(), false, fields);
  }

  /** The name of the contract's first required enum field (every input contract has one). */
  static String requiredEnumField(Schema contract) {
    return contract.getFields().stream()
        .filter(f -> f.schema().getType() == Schema.Type.ENUM && !f.hasDefaultValue())
        .map(Schema.Field::name).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(contract.getFullName() + " has no required enum"));
  }

  /** {@code contract} with the enum of field {@code enumField} widened by {@link #UNKNOWN_SYMBOL}. */
  static Schema withUnknownSymbol(Schema contract, String enumField) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : contract.getFields()) {
      if (field.name().equals(enumField)) {
        Schema known = field.schema();
        List<String> symbols = new ArrayList<>(known.getEnumSymbols());
        symbols.add(UNKNOWN_SYMBOL);
        fields.add(new Schema.Field(field.name(),
            Schema.createEnum(known.getName(), known.getDoc(), known.getNamespace(), symbols)));
      } else {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return Schema.createRecord(contract.getName(), contract.getDoc(), contract.getNamespace(), false, fields);
  }

  /**
   * The Avro body of a record written with {@code writer}: the fields of {@code contractBody} (a body of the
   * contract's schema) that the writer has, and {@code overrideField} set to the symbol {@code overrideSymbol}
   * (null: none).
   */
  static byte[] rewrite(Schema contract, byte[] contractBody, Schema writer, String overrideField,
      String overrideSymbol) {
    try {
      GenericRecord source = new GenericDatumReader<GenericRecord>(contract)
          .read(null, DecoderFactory.get().binaryDecoder(contractBody, null));
      GenericRecord target = new GenericData.Record(writer);
      for (Schema.Field field : writer.getFields()) {
        target.put(field.name(), field.name().equals(overrideField)
            ? new GenericData.EnumSymbol(field.schema(), overrideSymbol)
            : source.get(field.name()));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(writer).write(target, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
