// Browser test of examples/web/: Debian's chromium, driven by playwright-core, loads the
// page from a local static server and checks, for each viewer, that the cases, plans,
// benefits and appointments shown are exactly those the Node API returns for the same
// request, that the action buttons are exactly the (record, action) pairs the overview
// lists (none for a read-only proxy), and that withheld or out-of-scope records appear
// nowhere in the DOM. Screenshots go to
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

// `buttons`: 'some' (the viewer may act: at least one button), 'none' (a read-only
// mandate: no button at all, while the overview does show records).
const VIEWERS = [
  {
    key: 'anna', file: 'anna.json', buttons: 'some',
    hidden: ['Underretning fra tredjemand', 'Særlig støtte', 'Fejlregistreret sag'],
    shown: ['Praktisk hjælp i hjemmet', 'Min plan for at vende tilbage til arbejdet'],
  },
  {
    key: 'anna-proxy', file: 'anna-proxy.json', buttons: 'none',
    // The fuldmagt covers cases and benefits only: not the plan.
    hidden: ['Underretning fra tredjemand', 'Særlig støtte', 'Praktisk hjælp i hjemmet', 'Min plan for at vende tilbage til arbejdet'],
    shown: [],
  },
  {
    key: 'clara-parent', file: 'clara-parent.json', buttons: 'none',
    hidden: ['Ungeindsats – uddannelse'], shown: ['Aflastning', 'Handleplan for aflastning'],
  },
];

const RECORD_KINDS = { cases: 'case', benefits: 'benefit', appointments: 'appointment', plans: 'plan' };

/** Every (record kind, record id, action) the overview lists, as sorted "kind|source/id|action" keys. */
function expectedActions(overview) {
  const keys = [];
  for (const [list, kind] of Object.entries(RECORD_KINDS)) {
    for (const record of overview[list] ?? []) {
      for (const action of record.actions ?? []) keys.push(`${kind}|${record.source}/${record.id}|${action}`);
    }
  }
  return keys.sort();
}

/** The plans as the page should show them: id, title, status text, goal ids and statuses. */
function expectedPlans(overview) {
  return (overview.plans ?? []).map((p) => ({
    id: `${p.source}/${p.id}`,
    title: p.title,
    status: p.status.text,
    summary: `${p.goals_achieved} af ${p.goals_total} mål er nået.`,
    goals: p.goals.map((g) => ({ id: g.id, code: g.status.code, text: g.text, status: g.status.text })),
    now: p.activities.filter((a) => a.current).map((a) => a.id),
  }));
}

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
  check('sections Mine sager, Mine planer, Ydelser og gæld, Aftaler',
    same(h2, ['Mine sager', 'Mine planer', 'Ydelser og gæld', 'Aftaler']), JSON.stringify(h2));
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

    const plans = await page.$$eval('[data-kind="plan"]', (cards) => cards.map((card) => ({
      id: card.dataset.id,
      title: card.querySelector('h3').textContent,
      status: card.querySelector('.status .badge').textContent,
      summary: card.querySelector('.goals-summary').textContent,
      goals: [...card.querySelectorAll('.goal')].map((g) => ({
        id: g.dataset.goalId,
        code: g.dataset.goalStatus,
        text: g.querySelector('.goal-text').textContent,
        status: g.querySelector('.badge').textContent,
      })),
      now: [...card.querySelectorAll('[data-activity="now"]')].map((a) => a.dataset.activityId),
    })));
    check(`${label} plans, goals and goal statuses match the Node API (${(expected.plans ?? []).length})`,
      same(plans, expectedPlans(expected)), JSON.stringify(plans));
    for (const p of expected.plans ?? []) {
      for (const g of p.goals) {
        for (const a of [g.citizen_assessment, g.caseworker_assessment]) {
          if (!a) continue;
          const shown = await page.$eval(`[data-kind="plan"][data-id="${p.source}/${p.id}"] [data-goal-id="${g.id}"]`,
            (goal, want) => goal.textContent.includes(want), `${a.score} af ${a.scale_max}`);
          check(`${label} plan ${p.id} goal ${g.id} shows the assessment ${a.score} af ${a.scale_max}`, shown);
        }
      }
    }

    // Action buttons: exactly the overview's (record, action) pairs, each inside its record's card.
    const buttons = await page.$$eval('main button', (bs) => bs.map((b) => ({
      key: `${b.dataset.recordKind}|${b.dataset.recordId}|${b.dataset.action}`,
      action: b.dataset.action,
      inCard: b.closest('[data-kind]')?.dataset.kind === b.dataset.recordKind
        && b.closest('[data-kind]')?.dataset.id === b.dataset.recordId,
    })));
    const wanted = expectedActions(expected);
    const shownKeys = buttons.map((b) => b.key).sort();
    check(`${label} action buttons are exactly the overview's actions (${wanted.length})`,
      same(shownKeys, wanted), `shown ${JSON.stringify(shownKeys)}\n    wanted ${JSON.stringify(wanted)}`);
    const unlisted = buttons.filter((b) => !b.action || !wanted.includes(b.key));
    check(`${label} no button for an action the overview does not list`, unlisted.length === 0, JSON.stringify(unlisted));
    check(`${label} every action button sits in its record's card`, buttons.every((b) => b.inCard), JSON.stringify(buttons));
    const visibleRecords = Object.keys(RECORD_KINDS).reduce((n, list) => n + (expected[list] ?? []).length, 0);
    if (viewer.buttons === 'none') {
      check(`${label} a read-only ${expected.viewer_role} sees records (${visibleRecords}) but no action button`,
        visibleRecords > 0 && buttons.length === 0 && wanted.length === 0, `records ${visibleRecords}, buttons ${buttons.length}`);
    }
    if (viewer.buttons === 'some') {
      check(`${label} at least one action button`, buttons.length > 0);
      const first = expected.plans?.find((p) => p.actions?.length) ?? expected.cases.find((c) => c.actions?.length);
      if (first) {
        const selector = `button[data-record-id="${first.source}/${first.id}"][data-action="${first.actions[0]}"]`;
        await page.click(selector);
        const message = await page.textContent('#action-message');
        check(`${label} clicking ${first.actions[0]} only shows a message`,
          (await page.isVisible('#action-message')) && message.includes(first.actions[0]) && message.includes('Der er ikke sket noget'),
          message);
      }
    }

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
