'use strict';
// Confluent's own Schema Registry client, pointed at a Confluent-compatible base URL (for Apicurio:
// http://host:port/apis/ccompat/v7). No retries beyond a couple: tests want fast, loud failures.
const { SchemaRegistryClient } = require('@confluentinc/schemaregistry');

function registryClient(url) {
  return new SchemaRegistryClient({
    baseURLs: [url], maxRetries: 2, retriesWaitMs: 200, retriesMaxWaitMs: 1000,
    createAxiosDefaults: { timeout: 60000 }, // a hung registry fails the request instead of the whole run
  });
}

/** Confluent's TopicNameStrategy subject for record values. */
function valueSubject(topic) {
  return `${topic}-value`;
}

module.exports = { registryClient, valueSubject };
