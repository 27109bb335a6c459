'use strict';
// Confluent's own Schema Registry client, pointed at a Confluent-compatible base URL (for Apicurio:
// http://host:port/apis/ccompat/v7). No retries beyond a couple: tests want fast, loud failures.
const http = require('http');
const { SchemaRegistryClient } = require('@confluentinc/schemaregistry');

function registryClient(url) {
  return new SchemaRegistryClient({
    baseURLs: [url], maxRetries: 2, retriesWaitMs: 200, retriesMaxWaitMs: 1000,
    // A fresh connection per request: a pooled keep-alive connection the registry has dropped was seen to hang a
    // request until its timeout on a loaded machine. The timeout turns a hung request into an error to retry.
    createAxiosDefaults: { timeout: 10000, httpAgent: new http.Agent({ keepAlive: false }) },
  });
}

/** Runs a registry-backed call again (up to 3 attempts) when it fails on a timeout, and only then. */
async function retryingTimeouts(call) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (attempt >= 3 || !/timeout/i.test(String(e && e.message))) {
        throw e;
      }
      process.stderr.write(`registry request timed out (attempt ${attempt}); retrying\n`);
    }
  }
}

/** Confluent's TopicNameStrategy subject for record values. */
function valueSubject(topic) {
  return `${topic}-value`;
}

module.exports = { registryClient, valueSubject, retryingTimeouts };
