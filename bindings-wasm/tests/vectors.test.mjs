// Runs every conformance vector in tests/vectors/ through the installed package and
// compares the outputs byte for byte, exactly as core/tests/vectors.rs computes them.
// Every vector runs twice: through the `…Json` methods (strings) and through their
// `…Utf8` twins (bytes in, bytes out); the runner is the same for both.
// EGENSAG_REPO is the repository root (set by scripts/test-wasm.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, EgensagError, sourcesJson, sourcesUtf8 } from 'egensag';

const repo = process.env.EGENSAG_REPO ?? new URL('../../', import.meta.url).pathname;
const vectorsDir = join(repo, 'tests', 'vectors');

function read(dir, name) {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
}

/** The error as core's Error::to_json writes it. */
function errorJson(e) {
  if (!(e instanceof EgensagError)) throw e;
  return JSON.stringify(e);
}

/**
 * The package's methods as one of the two ways runs them: `call(engine, 'overview', …)`
 * calls `overviewJson` or `overviewUtf8`, with the files' text as strings or as UTF-8
 * bytes, and gives back text either way.
 */
const ways = {
  Json: {
    call: (engine, name, ...inputs) => engine[`${name}Json`](...inputs),
    sources: (kind, document, asOf, profile) => sourcesJson(kind, document, asOf, profile),
  },
  Utf8: {
    call: (engine, name, ...inputs) =>
      text(engine[`${name}Utf8`](...inputs.map(bytes))),
    sources: (kind, document, asOf, profile) =>
      text(sourcesUtf8(kind, bytes(document), asOf, profile === undefined ? undefined : bytes(profile))),
  },
};

function bytes(text) {
  return Buffer.from(text, 'utf8');
}

function text(bytes) {
  assert.ok(bytes instanceof Uint8Array, 'a …Utf8 method returns a Uint8Array');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The request with the records of the vector's index documents added (mirrors add_sources). */
function addSources(dir, engine, request, way) {
  const profile = read(dir, 'source-profile.json');
  for (const kind of ['sf1470', 'ydelsesindeks']) {
    const document = read(dir, `${kind}.xml`);
    if (document === undefined) continue;
    const asOf = JSON.parse(request).as_of;
    request = way.call(engine, 'addSources', request, way.sources(kind, document, asOf, profile));
  }
  return request;
}

/** The outputs of one vector, as a Map from file name to bytes (mirrors run_vector). */
function runVector(dir, way) {
  const policy = read(dir, 'policy.json');
  let request = read(dir, 'request.json');
  assert.ok(policy !== undefined && request !== undefined, `${dir}: policy.json and request.json`);
  const catalogue = read(dir, 'catalogue.xml') ?? read(dir, 'catalogue.json');
  let engine;
  try {
    engine = new Engine(policy, catalogue);
  } catch (e) {
    return new Map([['error.json', errorJson(e)]]);
  }
  try {
    try {
      request = addSources(dir, engine, request, way);
    } catch (e) {
      return new Map([['error.json', errorJson(e)]]);
    }
    let overview;
    try {
      overview = way.call(engine, 'overview', request);
    } catch (e) {
      return new Map([['error.json', errorJson(e)]]);
    }
    const out = new Map();
    try {
      out.set('explanation.json', way.call(engine, 'explain', request));
    } catch (e) {
      out.set('explanation.json', errorJson(e));
    }
    const previous = read(dir, 'previous.json');
    if (previous !== undefined) {
      try {
        out.set('notifications.json', way.call(engine, 'notifications', previous, overview));
      } catch (e) {
        out.set('notifications.json', errorJson(e));
      }
    }
    const represented = read(dir, 'represented-request.json');
    if (represented !== undefined) {
      try {
        out.set('represented.json', way.call(engine, 'represented', represented));
      } catch (e) {
        out.set('represented.json', errorJson(e));
      }
    }
    out.set('overview.json', overview);
    return out;
  } finally {
    engine.free();
  }
}

const dirs = readdirSync(vectorsDir)
  .map((name) => join(vectorsDir, name))
  .filter((p) => statSync(p).isDirectory())
  .sort();

test('there are conformance vectors', () => {
  assert.ok(dirs.length >= 3, `expected conformance vectors under ${vectorsDir}`);
});

for (const [wayName, way] of Object.entries(ways)) {
  for (const dir of dirs) {
    test(`vector ${dir.slice(vectorsDir.length + 1)} (…${wayName})`, () => {
      const outputs = runVector(dir, way);
      for (const name of ['overview.json', 'explanation.json', 'notifications.json', 'represented.json', 'error.json']) {
        assert.equal(outputs.get(name), read(dir, name), `${name} differs`);
      }
    });
  }
}
