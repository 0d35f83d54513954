// Runs every conformance vector in tests/vectors/ through the installed package and
// compares the outputs byte for byte, exactly as core/tests/vectors.rs computes them.
// EGENSAG_REPO is the repository root (set by scripts/test-wasm.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, EgensagError, sourcesJson } from 'egensag';

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

/** The request with the records of the vector's index documents added (mirrors add_sources). */
function addSources(dir, engine, request) {
  const profile = read(dir, 'source-profile.json');
  for (const kind of ['sf1470', 'ydelsesindeks']) {
    const document = read(dir, `${kind}.xml`);
    if (document === undefined) continue;
    const asOf = JSON.parse(request).as_of;
    request = engine.addSourcesJson(request, sourcesJson(kind, document, asOf, profile));
  }
  return request;
}

/** The outputs of one vector, as a Map from file name to bytes (mirrors run_vector). */
function runVector(dir) {
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
      request = addSources(dir, engine, request);
    } catch (e) {
      return new Map([['error.json', errorJson(e)]]);
    }
    let overview;
    try {
      overview = engine.overviewJson(request);
    } catch (e) {
      return new Map([['error.json', errorJson(e)]]);
    }
    const out = new Map();
    try {
      out.set('explanation.json', engine.explainJson(request));
    } catch (e) {
      out.set('explanation.json', errorJson(e));
    }
    const previous = read(dir, 'previous.json');
    if (previous !== undefined) {
      try {
        out.set('notifications.json', engine.notificationsJson(previous, overview));
      } catch (e) {
        out.set('notifications.json', errorJson(e));
      }
    }
    const represented = read(dir, 'represented-request.json');
    if (represented !== undefined) {
      try {
        out.set('represented.json', engine.representedJson(represented));
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

for (const dir of dirs) {
  test(`vector ${dir.slice(vectorsDir.length + 1)}`, () => {
    const outputs = runVector(dir);
    for (const name of ['overview.json', 'explanation.json', 'notifications.json', 'represented.json', 'error.json']) {
      assert.equal(outputs.get(name), read(dir, name), `${name} differs`);
    }
  });
}
