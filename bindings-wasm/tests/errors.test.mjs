// Bad inputs give an EgensagError with a code and a path, never a crash, and the same
// engine keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, EgensagError, sourcesUtf8 } from 'egensag';

const repo = process.env.EGENSAG_REPO ?? new URL('../../', import.meta.url).pathname;
const data = (name) => readFileSync(join(repo, 'examples', 'data', name), 'utf8');
const policy = data('policy.json');
const catalogue = data('kle-sample.xml');
const anna = data('anna.json');

const engine = new Engine(policy, catalogue);
const expected = engine.overviewJson(anna);

/** Asserts that `f` throws an EgensagError with `code` (and `path`, if given), then that the engine still works. */
function rejects(f, code, path) {
  let thrown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof EgensagError, `expected an EgensagError, got ${thrown}`);
  assert.ok(thrown instanceof Error);
  assert.equal(thrown.name, 'EgensagError');
  if (code !== undefined) assert.equal(thrown.code, code, thrown.message);
  assert.match(thrown.code, /^(invalid_json|invalid_input|invalid_policy|limit_exceeded|internal)$/);
  assert.equal(typeof thrown.path, 'string');
  if (path !== undefined) assert.equal(thrown.path, path, thrown.message);
  assert.equal(typeof thrown.message, 'string');
  assert.ok(thrown.message.length > 0);
  assert.doesNotMatch(thrown.message, /\d{6}/, 'no CPR-like digits in messages');
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(thrown))), ['code', 'message', 'path']);
  assert.equal(engine.overviewJson(anna), expected, 'the engine keeps working after an error');
  return thrown;
}

const annaObject = JSON.parse(anna);
const withCase = (patch) => ({ ...annaObject, cases: [{ ...annaObject.cases[0], ...patch }] });

test('bad JSON', () => {
  for (const text of ['', '{', '{"as_of": }', '\u0000', '{"as_of": "2026-11-23",,}']) {
    rejects(() => engine.overview(text), 'invalid_json');
  }
  // A lone surrogate escape: an error either way (core calls it invalid_input).
  rejects(() => engine.overview('"\\ud800"'), undefined);
  rejects(() => engine.overview(`{"as_of": "2026-11-23\\udc00"}`), undefined);
  rejects(() => engine.overview('{"as_of": }'), 'invalid_json', 'as_of');
  rejects(() => engine.explain('{'), 'invalid_json');
  rejects(() => engine.validate('{'), 'invalid_json');
  rejects(() => engine.notifications('{', '{}'), 'invalid_json');
});

test('wrong types', () => {
  rejects(() => engine.overview({ ...annaObject, as_of: 5 }), 'invalid_input', 'as_of');
  rejects(() => engine.overview({ ...annaObject, as_of: '2026-13-01' }), 'invalid_input', 'as_of');
  rejects(() => engine.overview({ ...annaObject, viewer: { ...annaObject.viewer, role: 'king' } }), 'invalid_input', 'viewer.role');
  rejects(() => engine.overview(withCase({ created: true })), 'invalid_input', 'cases[0].created');
  rejects(() => engine.overview(withCase({ parties: {} })), 'invalid_input', 'cases[0].parties');
  rejects(() => engine.overview(42), 'invalid_input');
  rejects(() => engine.overview([]), 'invalid_input');
  rejects(() => engine.overview(null), 'invalid_input');
  rejects(() => engine.explain({ ...annaObject, cases: 'none' }), 'invalid_input', 'cases');
  rejects(() => engine.validate({ ...annaObject, subject: { cpr: 1207852318 } }), 'invalid_input', 'subject.cpr');
});

test('values JSON cannot carry', () => {
  rejects(() => engine.overview(undefined), 'invalid_input', '');
  rejects(() => engine.overview(() => 1), 'invalid_input', '');
  rejects(() => engine.overview(Symbol('x')), 'invalid_input', '');
  rejects(() => engine.overview(10n), 'invalid_input', '');
  const cyclic = { ...annaObject };
  cyclic.self = cyclic;
  rejects(() => engine.overview(cyclic), 'invalid_input', '');
  rejects(() => engine.notifications(undefined, '{}'), 'invalid_input', 'previous');
  rejects(() => engine.notifications(engine.overview(anna), undefined), 'invalid_input', 'current');
});

test('unknown fields', () => {
  rejects(() => engine.overview({ ...annaObject, surprise: 1 }), 'invalid_input', 'surprise');
  rejects(() => engine.overview(withCase({ colour: 'red' })), 'invalid_input', 'cases[0].colour');
  rejects(() => engine.overview({ ...annaObject, viewer: { ...annaObject.viewer, name: 'x' } }), 'invalid_input', 'viewer.name');
  const overview = engine.overview(anna);
  rejects(() => engine.notifications({ ...overview, extra: true }, overview), 'invalid_input', 'previous.extra');
  rejects(() => engine.notifications(overview, { ...overview, extra: true }), 'invalid_input', 'current.extra');
  rejects(() => new Engine({ ...JSON.parse(policy), unknown: true }), 'invalid_policy', 'unknown');
});

test('bad policies and catalogues', () => {
  const policyObject = JSON.parse(policy);
  const cases = [
    [() => new Engine('{'), 'invalid_json'],
    [() => new Engine(''), 'invalid_json'],
    [() => new Engine({ ...policyObject, id: 1 }), 'invalid_policy', 'id'],
    [() => new Engine({ ...policyObject, kle: { include: [{ pattern: 'not a pattern' }] } }), 'invalid_policy', 'kle.include[0].pattern'],
    [() => new Engine(undefined), 'invalid_policy', ''],
    [() => new Engine(policy, '<not xml'), 'invalid_policy', 'catalogue'],
    [() => new Engine(policy, '{"entries": 3}'), 'invalid_policy', 'entries'],
    [() => new Engine(policy, () => 1), 'invalid_policy', 'catalogue'],
  ];
  for (const [f, code, path] of cases) {
    rejects(f, code, path);
  }
});

test('garbage never breaks the module', () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pieces = ['{', '}', '[', ']', '"', ':', ',', 'null', 'true', '1e999', '-0', '"as_of"', '"cases"', '\\u0000', '"2026-02-30"', '9'.repeat(30), 'æøå', '\ud83d\ude00', '\ud800'];
  for (let i = 0; i < 300; i++) {
    let text = '';
    const n = Math.floor(random() * 20);
    for (let j = 0; j < n; j++) text += pieces[Math.floor(random() * pieces.length)];
    for (const f of [() => engine.overview(text), () => engine.explain(text), () => engine.validate(text), () => engine.notifications(text, text)]) {
      try {
        f();
      } catch (e) {
        assert.ok(e instanceof EgensagError, `${JSON.stringify(text)}: ${e}`);
      }
    }
  }
  // Deep nesting and big inputs hit the policy's limits, not the stack.
  rejects(() => engine.overview('['.repeat(100000)), 'limit_exceeded');
  rejects(() => engine.overview('{"as_of":' + '['.repeat(100000)), 'limit_exceeded');
  rejects(() => engine.overview(' '.repeat(65 * 1024 * 1024)), 'limit_exceeded');
  assert.equal(engine.overviewJson(anna), expected);
});

test('the …Utf8 twins: the same bytes, and bytes that are not UTF-8 refused with where', () => {
  const bytes = Buffer.from(anna, 'utf8');
  assert.deepEqual(Buffer.from(engine.overviewUtf8(bytes)), Buffer.from(expected, 'utf8'));
  assert.deepEqual(Buffer.from(engine.explainUtf8(new Uint8Array(bytes))), Buffer.from(engine.explainJson(anna), 'utf8'));
  const broken = Buffer.from('{"as_of": "2026-11-23\xff"}', 'latin1');
  const e = rejects(() => engine.overviewUtf8(broken), 'invalid_json', '');
  assert.match(e.message, /offset 21/);
  rejects(() => engine.notificationsUtf8(bytes, broken), 'invalid_json', 'current');
  rejects(() => engine.addSourcesUtf8(bytes, broken), 'invalid_json', 'sources');
  rejects(() => sourcesUtf8('sf1470', broken, '2026-11-23'), 'invalid_json', '');
  // A string is not bytes: refused, never encoded behind the caller's back.
  rejects(() => engine.overviewUtf8(anna), 'invalid_input', '');
  rejects(() => engine.notificationsUtf8(bytes, 'x'), 'invalid_input', 'current');
  rejects(() => sourcesUtf8('sf1470', '<Sag/>', '2026-11-23'), 'invalid_input', 'document');
});

test('a freed engine says so', () => {
  const e = new Engine(policy);
  e.free();
  e.free();
  assert.throws(() => e.overview(anna), (err) => err instanceof EgensagError && /freed/.test(err.message));
});
