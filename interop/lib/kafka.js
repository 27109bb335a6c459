'use strict';
// kafkajs client settings shared by the scripts: quiet logs (warnings and errors only, on stderr),
// short retries so that a broken broker fails the run instead of hanging it.
const { Kafka, logLevel } = require('kafkajs');

function kafkaClient(bootstrapServers, clientId) {
  return new Kafka({
    clientId,
    brokers: bootstrapServers.split(',').map((b) => b.trim()).filter(Boolean),
    logLevel: logLevel.WARN,
    retry: { retries: 5, initialRetryTime: 200 },
    connectionTimeout: 5000,
  });
}

module.exports = { kafkaClient };
