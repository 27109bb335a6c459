'use strict';
// Turns one event of Vitals' JSON-lines format (SPEC section 2: instants as ISO-8601 strings, dates
// as yyyy-mm-dd, optional fields may be left out) into the value avsc expects for a given Avro
// schema. The Confluent serializer builds its avsc types without logical-type classes, so a
// timestamp-millis is written from its underlying long (epoch milliseconds) and a date from its
// underlying int (days since 1970-01-01). Fields the JSON leaves out take the schema's default;
// fields the schema does not have (such as "type") are dropped.

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * @param schema the parsed (self-contained) Avro schema of a record
 * @param json the event as parsed from one JSON line
 * @param where a label for error messages, e.g. "events.jsonl:12"
 */
function toAvroValue(schema, json, where) {
  const named = new Map();
  return convert(schema, json, where, named, schema.namespace);
}

function convert(type, value, path, named, namespace) {
  if (Array.isArray(type)) {
    return convertUnion(type, value, path, named, namespace);
  }
  if (typeof type === 'string') {
    if (PRIMITIVES.has(type)) {
      return primitive(type, value, path);
    }
    const definition = named.get(type) || named.get(`${namespace}.${type}`);
    if (!definition) {
      throw new Error(`${path}: unknown named type '${type}'`);
    }
    return convert(definition, value, path, named, namespace);
  }
  if (type.name) {
    // Remember named types (records, enums, fixed) so that later references by name resolve.
    const ns = type.namespace || namespace;
    const fullName = type.name.includes('.') ? type.name : (ns ? `${ns}.${type.name}` : type.name);
    named.set(fullName, type);
    named.set(type.name, type);
    namespace = ns;
  }
  switch (type.type) {
    case 'record':
      return convertRecord(type, value, path, named, namespace);
    case 'enum':
      if (!type.symbols.includes(value)) {
        throw new Error(`${path}: '${value}' is not one of ${type.name}'s symbols ${type.symbols.join(', ')}`);
      }
      return value;
    case 'array':
      expect(Array.isArray(value), path, 'an array', value);
      return value.map((item, i) => convert(type.items, item, `${path}[${i}]`, named, namespace));
    case 'map':
      expect(value !== null && typeof value === 'object', path, 'an object', value);
      return Object.fromEntries(Object.entries(value)
        .map(([k, v]) => [k, convert(type.values, v, `${path}.${k}`, named, namespace)]));
    case 'fixed':
      return value;
    default:
      return logical(type, value, path);
  }
}

function convertRecord(type, value, path, named, namespace) {
  expect(value !== null && typeof value === 'object' && !Array.isArray(value), path, 'an object', value);
  const out = {};
  for (const field of type.fields) {
    const fieldPath = `${path}.${field.name}`;
    if (value[field.name] === undefined) {
      if (!('default' in field)) {
        throw new Error(`${fieldPath}: missing, and the schema has no default for it`);
      }
      // An Avro default is written in the JSON form of the field's (first union branch's) type.
      out[field.name] = field.default;
    } else {
      out[field.name] = convert(field.type, value[field.name], fieldPath, named, namespace);
    }
  }
  return out;
}

function convertUnion(branches, value, path, named, namespace) {
  if (value === null) {
    if (!branches.includes('null')) {
      throw new Error(`${path}: null, but the union has no null branch`);
    }
    return null;
  }
  const others = branches.filter((branch) => branch !== 'null');
  if (others.length !== 1) {
    // Vitals' contracts only use [null, T]; a wider union would need avsc's wrapped form.
    throw new Error(`${path}: unions other than [null, T] are not supported by this script`);
  }
  return convert(others[0], value, path, named, namespace);
}

function logical(type, value, path) {
  switch (type.logicalType) {
    case 'timestamp-millis':
      return typeof value === 'string' ? instantMillis(value, path) : value;
    case 'date':
      return typeof value === 'string' ? epochDay(value, path) : value;
    default:
      return primitive(type.type, value, path);
  }
}

function primitive(type, value, path) {
  switch (type) {
    case 'int':
    case 'long':
      expect(Number.isSafeInteger(value), path, `an integer (${type})`, value);
      return value;
    case 'string':
      expect(typeof value === 'string', path, 'a string', value);
      return value;
    default:
      return value;
  }
}

function instantMillis(text, path) {
  const millis = Date.parse(text);
  expect(/^\d{4}-\d{2}-\d{2}T.*Z$/.test(text) && !Number.isNaN(millis), path, 'an ISO-8601 instant', text);
  return millis;
}

function epochDay(text, path) {
  expect(/^\d{4}-\d{2}-\d{2}$/.test(text), path, 'a date yyyy-mm-dd', text);
  const millis = Date.parse(`${text}T00:00:00Z`);
  expect(!Number.isNaN(millis), path, 'a date yyyy-mm-dd', text);
  return millis / MILLIS_PER_DAY;
}

function expect(ok, path, what, value) {
  if (!ok) {
    throw new Error(`${path}: expected ${what}, got ${JSON.stringify(value)}`);
  }
}

module.exports = { toAvroValue };
