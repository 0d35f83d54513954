// Browser test of examples/web/: Debian's chromium, driven by playwright-core, loads the
// page from a local static server and checks, for each viewer, that the cases, benefits
// and appointments shown are exactly those the Node API returns for the same request, and
// that withheld or out-of-scope records appear nowhere in the DOM. Screenshots go to
// target/browser/. Prints a final "N passed, N failed" line; exits 1 on any failure.
//
// EGENSAG_PKG_DIR: the package to test (default bindings-wasm/pkg; scripts/test-wasm.sh
// passes the one installed from the packed tarball). CHROMIUM: the browser binary.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PKG_DIR = resolve(process.env.EGENSAG_PKG_DIR ?? join(ROOT, 'bindings-wasm', 'pkg'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'target', 'browser');

const { Engine } = await import(pathToFileURL(join(PKG_DIR, 'node.js')).href);
const data = (name) => readFileSync(join(ROOT, 'examples', 'data', name), 'utf8');
const engine = new Engine(data('policy.json'), data('kle-sample.xml'));

/** Integer øre in Danish style, as the page writes it. */
function kroner(ore) {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} kr.`;
}

const VIEWERS = [
  { key: 'anna', file: 'anna.json', hidden: ['Underretning fra tredjemand', 'Særlig støtte', 'Fejlregistreret sag'], shown: ['Praktisk hjælp i hjemmet'] },
  { key: 'anna-proxy', file: 'anna-proxy.json', hidden: ['Underretning fra tredjemand', 'Særlig støtte', 'Praktisk hjælp i hjemmet'], shown: [] },
  { key: 'clara-parent', file: 'clara-parent.json', hidden: ['Ungeindsats – uddannelse'], shown: ['Aflastning'] },
];

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}${detail ? `\n    ${detail}` : ''}`);
  }
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const { server, url } = await serve({ pkgDir: PKG_DIR });
const userDataDir = mkdtempSync(join(tmpdir(), 'egensag-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 900 },
    locale: 'da-DK',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  const wasmResponses = [];
  page.on('response', (r) => r.url().endsWith('.wasm') && wasmResponses.push(r));

  await page.goto(`${url}/examples/web/`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });

  check('the page is Danish', (await page.getAttribute('html', 'lang')) === 'da');
  const h2 = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent.trim()));
  check('sections Mine sager, Ydelser og gæld, Aftaler', same(h2, ['Mine sager', 'Ydelser og gæld', 'Aftaler']), JSON.stringify(h2));
  check('one h1', (await page.$$('h1')).length === 1);
  check('the .wasm is served as application/wasm',
    wasmResponses.length === 1 && wasmResponses[0].headers()['content-type'] === 'application/wasm',
    wasmResponses.map((r) => `${r.url()} ${r.headers()['content-type']}`).join(', '));

  mkdirSync(SHOTS, { recursive: true });
  for (const viewer of VIEWERS) {
    const expected = engine.overview(data(viewer.file));
    await page.check(`input[name="viewer"][value="${viewer.key}"]`);
    await page.waitForSelector(`body[data-viewer="${viewer.key}"][data-state="ready"]`, { timeout: 10_000 });
    const label = `[${viewer.key}]`;

    const errorShown = await page.isVisible('#error');
    check(`${label} no error shown`, !errorShown, errorShown ? await page.textContent('#error') : '');

    const caseTitles = await page.$$eval('[data-kind="case"] h3', (e) => e.map((x) => x.textContent));
    check(`${label} cases match the Node API (${expected.cases.length})`,
      same(caseTitles, expected.cases.map((c) => c.title)), JSON.stringify(caseTitles));
    const caseStatus = await page.$$eval('[data-kind="case"] .status .badge', (e) => e.map((x) => x.textContent));
    check(`${label} case status texts`, same(caseStatus, expected.cases.map((c) => c.status.text)), JSON.stringify(caseStatus));

    const benefitNames = await page.$$eval('[data-kind="benefit"] h3', (e) => e.map((x) => x.textContent));
    check(`${label} benefits match the Node API (${expected.benefits.length})`,
      same(benefitNames, expected.benefits.map((b) => b.name)), JSON.stringify(benefitNames));

    const appointmentIds = await page.$$eval('[data-kind="appointment"]', (e) => e.map((x) => x.dataset.id));
    const expectedVisits = expected.appointments.filter((a) => a.kind === 'home_visit');
    const expectedOthers = expected.appointments.filter((a) => a.kind !== 'home_visit');
    check(`${label} appointments match the Node API (${expected.appointments.length})`,
      same(appointmentIds, [...expectedVisits, ...expectedOthers].map((a) => `${a.source}/${a.id}`)), JSON.stringify(appointmentIds));
    const visitCount = await page.$$eval('#home-visits [data-kind="appointment"]', (e) => e.length);
    check(`${label} upcoming home visits (${expectedVisits.length})`, visitCount === expectedVisits.length);

    const years = await page.$$eval('[data-kind="year-total"]', (rows) => rows.map((r) => [r.querySelector('th').textContent, r.querySelector('td').textContent]));
    check(`${label} totals by year`,
      same(years, expected.totals.paid_by_year.map((y) => [String(y.year), kroner(y.net_ore)])), JSON.stringify(years));
    const text = await page.textContent('main');
    check(`${label} total debt ${kroner(expected.totals.debt_ore)}`, text.includes(`Gæld i alt: ${kroner(expected.totals.debt_ore)}`));
    for (const b of expected.benefits) {
      const next = b.status.next_payment;
      if (next) {
        const amount = kroner(next.net_ore ?? next.gross_ore);
        check(`${label} next payment of ${b.name}: ${amount}`, text.includes(amount));
      }
    }

    const html = await page.content();
    for (const title of viewer.hidden) {
      check(`${label} "${title}" appears nowhere in the DOM`, !html.includes(title));
    }
    for (const title of viewer.shown) {
      check(`${label} "${title}" is shown`, html.includes(title));
    }
    check(`${label} no CPR number in the DOM`, !/\d{6}-?\d{4}/.test(html.replace(/\d{6}-XXXX/g, '')));

    await page.screenshot({ path: join(SHOTS, `screenshot-${viewer.key}.png`), fullPage: true });
  }
  check('no page or console errors', problems.length === 0, problems.join('\n    '));
} catch (e) {
  check('the browser test ran to the end', false, e.stack ?? String(e));
} finally {
  await context?.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  engine.free();
}

console.log(`screenshots in ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
