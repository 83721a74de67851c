// A Node.js client of a Duro host that knows nothing but one generated .proto file (NodeClientIT).
//
//   node client.js <port> <path of Tally.proto> <hex id of an object>
//
// It loads ONLY that file with @grpc/proto-loader, makes the calls below, and prints one JSON object
// with everything it saw on stdout; the Java test asserts the values. Failures to load or connect
// go to stderr with a non-zero exit code. int64 values are printed as decimal strings.
'use strict';

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [port, protoPath, hexId] = process.argv.slice(2);
if (!port || !protoPath || !hexId) {
  console.error('usage: node client.js <port> <proto file> <hex object id>');
  process.exit(2);
}

// The object's name travels percent-encoded: every UTF-8 byte outside 0x21..0x7E, and '%', as %XX
// (package dev.duro.grpc). The name is chosen to need it: a space, a '%' and a two-byte character.
const NAME = 'café 50%';

function percentEncode(text) {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    out +=
      b < 0x21 || b > 0x7e || b === 0x25
        ? '%' + b.toString(16).toUpperCase().padStart(2, '0')
        : String.fromCharCode(b);
  }
  return out;
}

function percentDecode(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      bytes.push(parseInt(text.substr(i + 1, 2), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const definition = protoLoader.loadSync(protoPath, {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const Tally = grpc.loadPackageDefinition(definition).interop.Tally;
const client = new Tally('127.0.0.1:' + port, grpc.credentials.createInsecure());
const deadlineMs = 30000;

function byName(name) {
  const m = new grpc.Metadata();
  m.set('x-duro-object-name', percentEncode(name));
  return m;
}

function byId(hex) {
  const m = new grpc.Metadata();
  m.set('x-duro-object-id', hex);
  return m;
}

// Resolves to {ok: reply} or {error: {...}}; never rejects, so every outcome is reported.
function call(method, request, metadata) {
  return new Promise((resolve) => {
    client[method](request, metadata, {deadline: Date.now() + deadlineMs}, (err, reply) => {
      if (!err) {
        resolve({ok: reply});
        return;
      }
      const trailer = (key) => {
        const values = err.metadata ? err.metadata.get(key) : [];
        return values.length === 0 ? null : String(values[0]);
      };
      const message = trailer('duro-error-message');
      resolve({
        error: {
          code: err.code,
          codeName: grpc.status[err.code],
          details: err.details,
          kind: trailer('duro-error-kind'),
          type: trailer('duro-error-type'),
          message: message === null ? null : percentDecode(message),
        },
      });
    });
  });
}

function value(result) {
  if (result.error) {
    throw new Error('unexpected failure: ' + JSON.stringify(result.error));
  }
  return result.ok.value;
}

async function main() {
  const out = {};
  const named = byName(NAME);

  out.increments = [];
  for (const by of ['1', '2', '3']) {
    out.increments.push(value(await call('add', {by}, named)));
  }
  out.totalAfterIncrements = value(await call('total', {}, named));

  // A record with a nested google.protobuf.Timestamp, in and out of a repeated field; a negative
  // int64 takes ten varint bytes on the wire.
  const entry = {label: 'from node ✓', amount: '-42', at: {seconds: '1700000000', nanos: 123456789}};
  out.remembered = value(await call('remember', {entry}, byName('journal')));

  // A failing turn: a remote failure with its type and message, and nothing committed.
  out.failure = (await call('fail', {why: 'boom ü'}, named)).error || null;
  out.totalAfterFailure = value(await call('total', {}, named));

  // An id the Java side made, as hex.
  out.byIdIncrement = value(await call('add', {by: '5'}, byId(hexId)));

  // Ids the host must refuse before anything runs.
  out.malformedId = (await call('add', {by: '1'}, byId('not-hex'))).error || null;
  out.noId = (await call('add', {by: '1'}, new grpc.Metadata())).error || null;

  process.stdout.write(JSON.stringify(out) + '\n');
}

main()
  .catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exitCode = 1;
  })
  .finally(() => client.close());
