'use strict';
// Publishes a JSON-lines history of Vitals events (SPEC section 2) the way a Node.js upstream
// service would: each value serialized by Confluent's own AvroSerializer against the schema
// registry, each record produced with kafkajs, keyed by accountId (the cost centre for costs),
// with the event time (occurredAt) as the record timestamp.
//
//   node produce-events.js --bootstrap HOST:PORT --registry URL --events FILE.jsonl \
//        --schemas DIR --topics usage=T1,ticket=T2,billing=T3,survey=T4,account=T5,cost=T6
//
// DIR holds one self-contained Avro schema per event type, named <type>.avsc (usage.avsc, ...).
// Each schema is registered under its topic's TopicNameStrategy subject (<topic>-value) with
// Confluent's SchemaRegistryClient, and the serializer then uses that latest version. This is the
// pattern Confluent documents for its JavaScript serde: its AvroSerializer's autoRegisterSchemas
// would register a schema *inferred from the message object* (records named Record1, enums as
// strings), not the contract, so a real producer registers the contract explicitly.
//
// Prints one JSON object on stdout: records produced per topic and the schema id of each subject.
// Any line that cannot be converted, serialized or produced fails the whole run (exit code 1).

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { Partitioners } = require('kafkajs');
const { AvroSerializer, SerdeType } = require('@confluentinc/schemaregistry');
const { parseArgs, required } = require('./lib/args');
const { kafkaClient } = require('./lib/kafka');
const { registryClient, valueSubject, retryingTimeouts } = require('./lib/registry');
const { toAvroValue } = require('./lib/avro-value');

const BATCH_LINES = 500;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const bootstrap = required(args, 'bootstrap');
  const registryUrl = required(args, 'registry');
  const eventsFile = required(args, 'events');
  const schemasDir = required(args, 'schemas');
  const topics = parseTopics(required(args, 'topics'));

  const registry = registryClient(registryUrl);
  const schemas = new Map(); // type -> parsed schema
  const schemaIds = {};
  for (const [type, topic] of topics) {
    const text = fs.readFileSync(path.join(schemasDir, `${type}.avsc`), 'utf8');
    schemas.set(type, JSON.parse(text));
    schemaIds[valueSubject(topic)] = await retryingTimeouts(() => registry.register(valueSubject(topic), { schemaType: 'AVRO', schema: text }));
    progress(`registered ${valueSubject(topic)} as id ${schemaIds[valueSubject(topic)]}`);
  }
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });

  const producer = kafkaClient(bootstrap, 'vitals-interop-producer').producer({
    createPartitioner: Partitioners.DefaultPartitioner, // Java-compatible murmur2 on the key
    // One request in flight keeps each partition in file order. Not idempotent: kafkajs's InitProducerId does
    // not get past a freshly started broker whose transaction coordinator is still loading (it hangs).
    maxInFlightRequests: 1,
  });
  await producer.connect();
  progress('connected to the broker');
  const produced = {};
  try {
    let pending = new Map(); // topic -> messages, flushed every BATCH_LINES lines to keep file order
    let lineNumber = 0;
    const lines = readline.createInterface({ input: fs.createReadStream(eventsFile, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') {
        continue;
      }
      const where = `${eventsFile}:${lineNumber}`;
      const event = parseLine(line, where);
      const topic = topics.get(event.type);
      if (!topic) {
        throw new Error(`${where}: no topic given for event type '${event.type}' (--topics)`);
      }
      const value = toAvroValue(schemas.get(event.type), event, where);
      let bytes;
      try {
        bytes = await retryingTimeouts(() => serializer.serialize(topic, value));
      } catch (e) {
        throw new Error(`${where}: Confluent's AvroSerializer refused the event: ${e.message}`);
      }
      if (!pending.has(topic)) {
        pending.set(topic, []);
      }
      pending.get(topic).push({ key: value.accountId, value: bytes, timestamp: String(value.occurredAt) });
      produced[topic] = (produced[topic] || 0) + 1;
      if (lineNumber % BATCH_LINES === 0) {
        await flush(producer, pending);
        progress(`produced ${lineNumber} lines`);
        pending = new Map();
      }
    }
    await flush(producer, pending);
  } finally {
    await producer.disconnect();
  }
  process.stdout.write(JSON.stringify({ produced, schemaIds }) + '\n');
}

/** One line on stderr, so that a run that stalls shows how far it got. */
function progress(message) {
  process.stderr.write(`produce-events: ${message}\n`);
}

/** "usage=a,ticket=b" -> Map { usage => a, ticket => b } */
function parseTopics(text) {
  const topics = new Map();
  for (const pair of text.split(',')) {
    const [type, topic] = pair.split('=').map((s) => s && s.trim());
    if (!type || !topic) {
      throw new Error(`--topics: expected type=topic pairs, got '${pair}'`);
    }
    topics.set(type, topic);
  }
  return topics;
}

function parseLine(line, where) {
  let event;
  try {
    event = JSON.parse(line);
  } catch (e) {
    throw new Error(`${where}: not JSON: ${e.message}`);
  }
  if (typeof event.type !== 'string') {
    throw new Error(`${where}: no "type"`);
  }
  return event;
}

async function flush(producer, pending) {
  if (pending.size === 0) {
    return;
  }
  const topicMessages = [...pending].map(([topic, messages]) => ({ topic, messages }));
  await producer.sendBatch({ topicMessages, acks: -1 });
}

main().catch((e) => {
  process.stderr.write(`produce-events: ${e.message}\n`);
  process.exit(1);
});
