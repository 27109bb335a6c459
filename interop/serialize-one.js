'use strict';
// Serializes one record with Confluent's own AvroSerializer and prints the bytes, so that a test can
// compare them with another serializer's bytes for the same record and schema.
//
//   node serialize-one.js --registry URL --topic TOPIC --schema FILE.avsc --record FILE.json [--register true]
//
// With --register true the schema in FILE.avsc is first registered under <topic>-value with
// Confluent's SchemaRegistryClient (registering an already registered schema returns its id).
// Either way the serializer uses the subject's latest version (useLatestVersion), as Confluent
// documents for its JavaScript serde. The record is in avsc's form: timestamp-millis as epoch
// milliseconds, nullable fields as the bare value or null.
//
// Prints one JSON line: {"registeredId": N or null, "hex": "00000000..."}.

const fs = require('fs');
const { AvroSerializer, SerdeType } = require('@confluentinc/schemaregistry');
const { parseArgs, required } = require('./lib/args');
const { registryClient, valueSubject, retryingTimeouts } = require('./lib/registry');

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const registry = registryClient(required(args, 'registry'));
  const topic = required(args, 'topic');
  const schema = fs.readFileSync(required(args, 'schema'), 'utf8');
  const record = JSON.parse(fs.readFileSync(required(args, 'record'), 'utf8'));

  let registeredId = null;
  if (args.register === 'true') {
    registeredId = await retryingTimeouts(() => registry.register(valueSubject(topic), { schemaType: 'AVRO', schema }));
  }
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
  const bytes = await retryingTimeouts(() => serializer.serialize(topic, record));
  process.stdout.write(JSON.stringify({ registeredId, hex: bytes.toString('hex') }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`serialize-one: ${e.message}\n`);
  process.exit(1);
});
