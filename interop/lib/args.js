'use strict';
// Tiny "--name value" command-line parser for the interop scripts. Every script fails with one
// clear line and exit code 2 when a required argument is missing.

/** Parses process.argv-style arguments ("--topic x --registry y") into { topic: 'x', registry: 'y' }. */
function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!name.startsWith('--')) {
      usageError(`unexpected argument '${name}'`);
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) {
      usageError(`${name} needs a value`);
    }
    args[name.slice(2)] = value;
    i++;
  }
  return args;
}

/** The value of a required argument, or a one-line error and exit code 2. */
function required(args, name) {
  if (args[name] === undefined) {
    usageError(`--${name} is required`);
  }
  return args[name];
}

function usageError(message) {
  process.stderr.write(`${require('path').basename(process.argv[1])}: ${message}\n`);
  process.exit(2);
}

module.exports = { parseArgs, required };
