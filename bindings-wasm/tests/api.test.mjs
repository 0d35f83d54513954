// The API's shape: objects and strings are interchangeable, parsed results equal the
// JSON variants, and the package entry points resolve as documented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as egensag from 'egensag';
import { Engine, EgensagError, coreVersion, sources, sourcesJson } from 'egensag';

const repo = process.env.EGENSAG_REPO ?? new URL('../../', import.meta.url).pathname;
const data = (name) => readFileSync(join(repo, 'examples', 'data', name), 'utf8');
const policy = data('policy.json');
const catalogue = data('kle-sample.xml');

test('exports', () => {
  assert.deepEqual(Object.keys(egensag).sort(), [
    'EgensagError',
    'Engine',
    'coreVersion',
    'sources',
    'sourcesJson',
    'sourcesUtf8',
  ]);
  const pkg = createRequire(import.meta.url)('egensag/package.json');
  assert.equal(coreVersion(), pkg.version);
  assert.equal(typeof EgensagError, 'function');
});

test('strings and objects give the same bytes', () => {
  const fromText = new Engine(policy, catalogue);
  const fromObject = new Engine(JSON.parse(policy), catalogue);
  for (const name of ['anna.json', 'anna-proxy.json', 'clara-parent.json']) {
    const text = data(name);
    const object = JSON.parse(text);
    assert.equal(fromObject.overviewJson(object), fromText.overviewJson(text), name);
    assert.equal(fromObject.explainJson(object), fromText.explainJson(text), name);
    assert.equal(fromObject.validateJson(object), fromText.validateJson(text), name);
    assert.deepEqual(fromText.overview(text), JSON.parse(fromText.overviewJson(text)));
    assert.deepEqual(fromText.explain(text), JSON.parse(fromText.explainJson(text)));
    assert.deepEqual(fromText.validate(text), JSON.parse(fromText.validateJson(text)));
  }
  fromText.free();
  fromObject.free();
});

test('notifications take overviews as text or objects', () => {
  const engine = new Engine(policy, catalogue);
  const anna = data('anna.json');
  const overview = engine.overview(anna);
  const same = engine.notifications(overview, overview);
  assert.deepEqual(same.notifications, []);
  assert.equal(engine.notificationsJson(engine.overviewJson(anna), engine.overviewJson(anna)), JSON.stringify(same));
  const earlier = { ...overview, cases: overview.cases.slice(1) };
  const changed = engine.notifications(earlier, overview);
  assert.ok(changed.notifications.length > 0);
  engine.free();
});

test('the catalogue is optional', () => {
  const engine = new Engine(policy);
  const overview = engine.overview(data('anna.json'));
  assert.ok(overview.cases.length > 0);
  const withNull = new Engine(policy, null);
  assert.equal(withNull.overviewJson(data('anna.json')), engine.overviewJson(data('anna.json')));
});

test('withheld and out-of-scope records are not in the overview', () => {
  const engine = new Engine(policy, catalogue);
  const self = engine.overviewJson(data('anna.json'));
  assert.ok(!self.includes('Underretning fra tredjemand'));
  assert.ok(!self.includes('Særlig støtte'));
  assert.ok(!self.includes('1207852318'), 'no CPR number in the output');
  const proxy = engine.overviewJson(data('anna-proxy.json'));
  assert.ok(!proxy.includes('Praktisk hjælp i hjemmet'));
  const parent = engine.overviewJson(data('clara-parent.json'));
  assert.ok(!parent.includes('Ungeindsats – uddannelse'));
});

test('CommonJS require works where Node can require ES modules (Node >= 20.19)', { skip: !process.features.require_module }, () => {
  const required = createRequire(import.meta.url)('egensag');
  assert.equal(required.Engine, Engine);
  assert.equal(required.EgensagError, EgensagError);
});

test('index documents: read, added to a request, shown in the overview', () => {
  const fixture = (name) => readFileSync(join(repo, 'tests', 'sources', name), 'utf8');
  const profile = fixture('profile.json');
  const xml = fixture('sf1470/sag-history.xml');
  const read = sources('sf1470', xml, '2026-11-23', JSON.parse(profile));
  assert.deepEqual(read, JSON.parse(sourcesJson('sf1470', xml, '2026-11-23', profile)));
  assert.equal(read.cases[0].id, 'S-1001');
  assert.deepEqual(read.problems, []);
  const engine = new Engine({ id: 'p', kle: { include: [{ pattern: '*' }] }, max_sensitivity: 'vip' });
  const request = {
    as_of: '2026-11-23',
    subject: { cpr: '0101901234' },
    viewer: { cpr: '0101901234', role: 'self' },
  };
  const merged = engine.addSources(request, read);
  assert.equal(engine.overview(merged).cases[0].id, 'S-1001');
  assert.equal(engine.addSourcesJson(JSON.stringify(request), read), JSON.stringify(merged));
  assert.throws(
    () => sources('kombit', xml, '2026-11-23'),
    (e) => e instanceof EgensagError && e.code === 'invalid_input' && e.path === 'kind',
  );
  assert.throws(
    () => engine.addSources(request, { plans: [] }),
    (e) => e instanceof EgensagError && e.path.startsWith('sources'),
  );
  engine.free();
});

test('represented: whom the viewer may act for, from real mandates', () => {
  const engine = new Engine(policy, catalogue);
  const viewer = '0302704411';
  const request = {
    as_of: '2026-11-23',
    viewer: { cpr: viewer },
    mandates: [
      {
        id: 'fuldmagt-udloebet',
        kind: 'fuldmagt',
        holder: viewer,
        subject: '0101901234',
        valid_from: '2025-03-01',
        valid_to: '2026-06-30',
        privileges: ['act'],
      },
      {
        id: 'fuldmagt-anna',
        kind: 'fuldmagt',
        holder: viewer,
        subject: '1207852318',
        valid_from: '2026-01-01',
        valid_to: '2027-12-31',
        privileges: ['read'],
        scope: { kle: ['32.*'], records: ['cases', 'benefits'] },
      },
    ],
  };
  const result = engine.represented(request);
  assert.equal(result.as_of, '2026-11-23');
  // Only the mandate in force is listed; the one that expired on 2026-06-30 is not.
  assert.deepEqual(
    result.represented.map((r) => [r.subject, r.role, r.mandate_id, r.valid_to]),
    [['120785-XXXX', 'proxy', 'fuldmagt-anna', '2027-12-31']],
  );
  assert.deepEqual(result.represented[0].scope.kle, ['32.*']);
  const text = engine.representedJson(JSON.stringify(request));
  assert.deepEqual(JSON.parse(text), result, 'text and object give the same answer');
  for (const cpr of ['1207852318', '0101901234', viewer]) assert.ok(!text.includes(cpr), 'no CPR number in the output');
  engine.free();
});

test('represented: bad input is an EgensagError with a code and a path, and no CPR number', () => {
  const engine = new Engine(policy);
  const badCpr = '3207852318'; // day 32: not a CPR number
  const request = {
    as_of: '2026-11-23',
    viewer: { cpr: '0302704411' },
    mandates: [
      {
        id: 'm1',
        kind: 'fuldmagt',
        holder: '0302704411',
        subject: badCpr,
        valid_from: '2026-01-01',
        privileges: ['read'],
      },
    ],
  };
  assert.throws(
    () => engine.represented(request),
    (e) =>
      e instanceof EgensagError &&
      e.code === 'invalid_input' &&
      e.path === 'mandates[0].subject' &&
      !e.message.includes(badCpr) &&
      !e.message.includes('0302704411'),
  );
  assert.throws(
    () => engine.representedJson('{"as_of":"2026-11-23"}'),
    (e) => e instanceof EgensagError && e.code === 'invalid_input' && typeof e.path === 'string',
  );
  // The engine stays usable after an error.
  assert.deepEqual(engine.represented({ as_of: '2026-11-23', viewer: { cpr: '0302704411' } }).represented, []);
  engine.free();
});
