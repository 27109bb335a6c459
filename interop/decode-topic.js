'use strict';
// Reads a topic from its first record up to the end offsets it has when the script starts, and
// decodes every record value with Confluent's own AvroDeserializer (writer schema fetched by the id
// in the Confluent framing). Prints one JSON line per record on stdout:
//   {"partition":0,"offset":"12","key":"acc-0001","value":{...decoded record...}}
// Exits non-zero, naming partition and offset, on the first record that does not decode, and if
// the end offsets are not reached within --timeout-ms (default 60000).
//
//   node decode-topic.js --bootstrap HOST:PORT --registry URL --topic TOPIC [--timeout-ms N]
//
// Transactional topics (Vitals writes with exactly-once) hold commit markers; kafkajs reads
// committed records only and reports batches of markers through END_BATCH_PROCESS, which is how a
// partition is known to be read to its end.

const { AvroDeserializer, SerdeType } = require('@confluentinc/schemaregistry');
const { parseArgs, required } = require('./lib/args');
const { kafkaClient } = require('./lib/kafka');
const { registryClient, retryingTimeouts } = require('./lib/registry');

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const bootstrap = required(args, 'bootstrap');
  const registryUrl = required(args, 'registry');
  const topic = required(args, 'topic');
  const timeoutMs = Number(args['timeout-ms'] || 60000);

  const kafka = kafkaClient(bootstrap, 'vitals-interop-decoder');
  const admin = kafka.admin();
  await admin.connect();
  let ends;
  try {
    ends = await admin.fetchTopicOffsets(topic); // [{ partition, offset: high watermark, low, high }]
  } finally {
    await admin.disconnect();
  }
  // Partitions still to read: those whose end is past their start.
  const remaining = new Map(ends.filter((p) => BigInt(p.high) > BigInt(p.low))
    .map((p) => [p.partition, BigInt(p.high)]));
  if (remaining.size === 0) {
    return;
  }

  const deserializer = new AvroDeserializer(registryClient(registryUrl), SerdeType.VALUE, {});
  const consumer = kafka.consumer({ groupId: `vitals-interop-decode-${process.pid}-${Date.now()}` });
  let failure = null;
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  const reached = (partition, lastOffset) => {
    const end = remaining.get(partition);
    if (end !== undefined && BigInt(lastOffset) + 1n >= end) {
      remaining.delete(partition);
      if (remaining.size === 0) {
        finish();
      }
    }
  };
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => reached(payload.partition, payload.lastOffset));
  const timer = setTimeout(() => {
    failure = failure || new Error(`timed out after ${timeoutMs} ms; partitions not read to their end: `
      + [...remaining.keys()].join(', '));
    finish();
  }, timeoutMs);

  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (failure || BigInt(message.offset) >= (remaining.get(partition) ?? 0n)) {
          return; // past the end offsets taken at start (or already failing): not ours to check
        }
        let value;
        try {
          value = message.value === null ? null
              : await retryingTimeouts(() => deserializer.deserialize(topic, message.value));
        } catch (e) {
          failure = new Error(`${topic} partition ${partition} offset ${message.offset}: `
            + `Confluent's AvroDeserializer cannot decode the value: ${e.message}`);
          finish();
          return;
        }
        const key = message.key === null ? null : message.key.toString('utf8');
        process.stdout.write(JSON.stringify({ partition, offset: message.offset, key, value }) + '\n');
      },
    });
    await finished;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  if (failure) {
    throw failure;
  }
}

main().catch((e) => {
  process.stderr.write(`decode-topic: ${e.message}\n`);
  process.exit(1);
});
