// Renders a citizen's overview from the sample data with the egensag package.
// Everything shown comes from engine.overview(): the page never reads the raw records.
import { Engine, EgensagError } from 'egensag';

const VIEWERS = {
  anna: { file: '../data/anna.json', label: 'Du ser din egen oversigt.' },
  'anna-proxy': { file: '../data/anna-proxy.json', label: 'Du ser oversigten som fuldmægtig for' },
  'clara-parent': { file: '../data/clara-parent.json', label: 'Du ser oversigten som forælder med forældremyndighed over' },
};

/** Integer øre in Danish style: 1234550 → "12.345,50 kr.". */
export function kroner(ore) {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} kr.`;
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2026-11-30" (or the date part of a date-time) → "30. november 2026". */
function dato(text) {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/** The local time written in a date-time: "2026-11-24T09:00:00+01:00" → "09.00". */
function klokken(text) {
  return text.slice(11, 16).replace(':', '.');
}

/** Makes an element with text and children. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role') node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A definition list from [term, value] pairs, skipping empty values. */
function facts(pairs) {
  const dl = el('dl');
  for (const [term, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    dl.append(el('dt', {}, term), el('dd', {}, value));
  }
  return dl;
}

/** Danish button texts for the action codes of DOMAIN.md section 9. */
const ACTION_LABELS = {
  'case.send_document': 'Send et dokument',
  'case.answer_request': 'Svar på vores henvendelse',
  'appointment.cancel': 'Aflys aftalen',
  'appointment.rebook': 'Flyt aftalen',
  'plan.assess_goal': 'Vurdér dine mål',
  'plan.approve': 'Godkend planen',
};

/**
 * The buttons for what the viewer may do with a record: exactly the codes in the
 * record's `actions` from the overview, in its order, and nothing when it has none.
 * Each button names its record and action in data attributes; clicking only says what a
 * portal would do here.
 */
function actionButtons(kind, record) {
  const actions = record.actions ?? [];
  if (!actions.length) return null;
  const recordId = `${record.source}/${record.id}`;
  return el('div', { class: 'actions', role: 'group', 'aria-label': 'Det kan du gøre' },
    actions.map((code) => el('button', {
      type: 'button',
      'data-record-kind': kind,
      'data-record-id': recordId,
      'data-action': code,
      title: code,
    }, ACTION_LABELS[code] ?? code, ' ', el('code', { class: 'action-code' }, code))));
}

/** Says what a portal would do for a clicked action button; the example does nothing. */
function showAction(button) {
  const message = document.getElementById('action-message');
  const label = ACTION_LABELS[button.dataset.action] ?? button.dataset.action;
  message.textContent = `Eksempel: „${label}“ (${button.dataset.action}) for ${button.dataset.recordId} ville her gå videre til fagsystemet. Der er ikke sket noget.`;
  message.hidden = false;
}

function caseItem(c) {
  const status = c.status;
  const awaiting = status.awaiting.length
    ? el('div', { class: 'awaiting' },
        el('p', {}, el('strong', {}, 'Vi mangler fra dig:')),
        el('ul', {}, status.awaiting.map((a) =>
          el('li', {}, a.what, a.deadline ? ` – senest ${dato(a.deadline)}` : ''))))
    : null;
  const documents = c.documents?.length
    ? el('details', {},
        el('summary', {}, `Dokumenter (${c.documents.length})`),
        el('ul', {}, c.documents.map((d) =>
          el('li', {}, `${d.title} (${dato(d.date)}, ${d.direction === 'incoming' ? 'modtaget' : 'sendt'})`))))
    : null;
  return el('li', { class: 'card', 'data-kind': 'case', 'data-id': `${c.source}/${c.id}` },
    el('h3', {}, c.title),
    el('p', { class: `status status-${status.code}` },
      el('span', { class: 'badge' }, status.text),
      ` siden ${dato(status.since)}`),
    status.outcome_text ? el('p', {}, status.outcome_text) : null,
    status.overdue
      ? el('p', { class: 'overdue' }, el('strong', {}, 'Forsinket: '),
          `vi forventede en afgørelse senest ${dato(status.expected_decision_by)}.`)
      : status.expected_decision_by
        ? el('p', {}, `Forventet afgørelse senest ${dato(status.expected_decision_by)}.`)
        : null,
    awaiting,
    facts([
      ['Område', c.area.title ? `${c.area.title} (${c.area.number})` : c.area.number],
      ['Oprettet', dato(c.created)],
      ['Sagsnummer', c.id],
    ]),
    documents,
    actionButtons('case', c));
}

function benefitItem(b) {
  const next = b.status.next_payment;
  return el('li', { class: 'card', 'data-kind': 'benefit', 'data-id': `${b.source}/${b.id}` },
    el('h3', {}, b.name),
    el('p', { class: `status status-${b.status.code}` },
      el('span', { class: 'badge' }, b.status.text), ` siden ${dato(b.status.since)}`),
    next
      ? el('p', { class: 'next-payment' },
          el('strong', {}, 'Næste udbetaling: '),
          `${dato(next.date)}: `,
          next.net_ore !== undefined && next.net_ore !== null
            ? `${kroner(next.net_ore)} efter skat (${kroner(next.gross_ore)} før skat)`
            : `${kroner(next.gross_ore)} før skat`)
      : null,
    b.debt_ore ? el('p', { class: 'debt' }, el('strong', {}, 'Du skal betale tilbage: '), kroner(b.debt_ore)) : null,
    facts([
      ['Bevilget', b.grant ? `${kroner(b.grant.amount_ore)} fra ${dato(b.grant.from)}${b.grant.to ? ` til ${dato(b.grant.to)}` : ''}` : null],
      ['Udbetalinger i oversigten', b.payments?.length ? String(b.payments.length) : null],
    ]),
    actionButtons('benefit', b));
}

function totalsBlock(totals) {
  const block = el('div', { class: 'totals' });
  if (totals.paid_by_year.length) {
    block.append(el('table', {},
      el('caption', {}, 'Udbetalt i alt pr. år (efter skat)'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'År'), el('th', { scope: 'col' }, 'Beløb'))),
      el('tbody', {}, totals.paid_by_year.map((y) =>
        el('tr', { 'data-kind': 'year-total' }, el('th', { scope: 'row' }, String(y.year)), el('td', {}, y.net_ore == null ? 'For stort til at vise' : kroner(y.net_ore)))))));
  }
  block.append(el('p', { class: 'debt-total' }, el('strong', {}, 'Gæld i alt: '),
    totals.debt_ore == null ? 'For stor til at vise' : kroner(totals.debt_ore)));
  return block;
}

const KINDS = { meeting: 'Møde', home_visit: 'Besøg i hjemmet', phone: 'Telefonsamtale', video: 'Videomøde' };

function appointmentItem(a) {
  return el('li', { class: `card${a.cancelled ? ' cancelled' : ''}`, 'data-kind': 'appointment', 'data-id': `${a.source}/${a.id}` },
    el('h3', {}, `${KINDS[a.kind] ?? a.kind} ${dato(a.start)} kl. ${klokken(a.start)}–${klokken(a.end)}`),
    a.cancelled ? el('p', { class: 'badge cancelled-text' }, 'Aflyst') : null,
    facts([
      ['Med', a.with_role],
      ['Hvor', a.place],
    ]),
    a.what.length ? el('ul', { class: 'tasks', 'aria-label': 'Det skal ske' }, a.what.map((w) => el('li', {}, w))) : null,
    actionButtons('appointment', a));
}

const PLAN_KINDS = {
  handleplan: 'Handleplan',
  indsatsplan: 'Indsatsplan',
  jobplan: 'Jobplan',
  genoptraeningsplan: 'Genoptræningsplan',
  other: 'Plan',
};

const ACTIVITY_STATUS = { planned: 'planlagt', ongoing: 'i gang', completed: 'afsluttet', cancelled: 'aflyst' };

/** "3 af 5 (12. november 2026)" for an assessment, or null when there is none. */
function assessment(a) {
  return a ? `${a.score} af ${a.scale_max} (${dato(a.at)})` : null;
}

function goalItem(g, self) {
  return el('li', { class: 'goal', 'data-goal-id': g.id, 'data-goal-status': g.status.code },
    el('p', { class: 'goal-text' }, g.text),
    el('p', { class: `status status-${g.status.code}` },
      el('span', { class: 'badge' }, g.status.text), ` siden ${dato(g.status.since)}`),
    facts([
      [self ? 'Din vurdering' : 'Borgerens vurdering', assessment(g.citizen_assessment)],
      ['Sagsbehandlerens vurdering', assessment(g.caseworker_assessment)],
    ]));
}

/** "Virksomhedspraktik – 2. november 2026 til 18. december 2026, med virksomhedskonsulent". */
function activityText(a) {
  const when = a.to && a.to !== a.from ? `${dato(a.from)} til ${dato(a.to)}` : dato(a.from);
  return [`${a.text} – ${when}`, a.with_role ? `med ${a.with_role}` : null, a.place ? `i/på ${a.place}` : null]
    .filter(Boolean).join(', ');
}

/**
 * The plan's activities as the overview marks them: those going on now (`current`), and
 * those still to come (not yet started, not cancelled or completed).
 */
function activitiesBlock(plan, asOf) {
  const now = plan.activities.filter((a) => a.current);
  const next = plan.activities.filter((a) => !a.current && a.from > asOf && (a.status === 'planned' || a.status === 'ongoing'));
  const list = (items, kind, empty) => el('ul', { class: 'activities' },
    items.length
      ? items.map((a) => el('li', { 'data-activity-id': a.id, 'data-activity': kind },
          activityText(a), ` (${ACTIVITY_STATUS[a.status] ?? a.status})`))
      : el('li', { class: 'empty' }, empty));
  return el('div', { class: 'plan-activities' },
    el('h4', {}, 'Aktiviteter nu'), list(now, 'now', 'Ingen aktiviteter lige nu.'),
    el('h4', {}, 'Næste aktiviteter'), list(next, 'next', 'Ingen planlagte aktiviteter.'));
}

function planItem(p, overview) {
  const self = overview.viewer_role === 'self';
  return el('li', { class: 'card plan', 'data-kind': 'plan', 'data-id': `${p.source}/${p.id}` },
    el('h3', {}, p.title),
    el('p', { class: `status status-${p.status.code}` },
      el('span', { class: 'badge' }, p.status.text), ` siden ${dato(p.status.since)}`),
    p.awaiting_approval ? el('p', { class: 'awaiting-approval' }, el('strong', {}, 'Planen venter på godkendelse.')) : null,
    p.follow_up_overdue
      ? el('p', { class: 'overdue' }, el('strong', {}, 'Opfølgningen er forsinket: '), `den var sat til ${dato(p.next_follow_up)}.`)
      : null,
    facts([
      ['Slags plan', PLAN_KINDS[p.kind] ?? p.kind],
      ['Område', p.area.title ? `${p.area.title} (${p.area.number})` : p.area.number],
      ['Periode', p.period.to ? `${dato(p.period.from)} til ${dato(p.period.to)}` : `fra ${dato(p.period.from)}`],
      ['Næste opfølgning', p.next_follow_up && !p.follow_up_overdue ? dato(p.next_follow_up) : null],
    ]),
    el('h4', {}, 'Mål'),
    el('p', { class: 'goals-summary' }, `${p.goals_achieved} af ${p.goals_total} mål er nået.`),
    el('ul', { class: 'goals' }, p.goals.map((g) => goalItem(g, self))),
    activitiesBlock(p, overview.as_of),
    actionButtons('plan', p));
}

function fill(list, items, render, empty) {
  list.replaceChildren(...(items.length ? items.map(render) : [el('li', { class: 'empty' }, empty)]));
}

function render(overview, viewer) {
  const who = document.getElementById('who');
  const v = VIEWERS[viewer];
  who.textContent = viewer === 'anna' ? v.label : `${v.label} borgeren ${overview.subject}.`;
  who.hidden = false;
  document.getElementById('action-message').hidden = true;
  fill(document.getElementById('cases'), overview.cases, caseItem, 'Ingen sager at vise.');
  // An overview made before plans existed has no `plans`: none to show.
  fill(document.getElementById('plans'), overview.plans ?? [], (p) => planItem(p, overview), 'Ingen planer at vise.');
  fill(document.getElementById('benefits'), overview.benefits, benefitItem, 'Ingen ydelser at vise.');
  document.getElementById('totals').replaceChildren(totalsBlock(overview.totals));
  const visits = overview.appointments.filter((a) => a.kind === 'home_visit');
  const others = overview.appointments.filter((a) => a.kind !== 'home_visit');
  fill(document.getElementById('home-visits'), visits, appointmentItem, 'Ingen kommende besøg.');
  fill(document.getElementById('appointments'), others, appointmentItem, 'Ingen andre aftaler.');
}

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

async function main() {
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  const [policy, catalogue] = await Promise.all([text('../data/policy.json'), text('../data/kle-sample.xml')]);
  const requests = Object.fromEntries(
    await Promise.all(Object.entries(VIEWERS).map(async ([key, v]) => [key, await text(v.file)])));
  const engine = new Engine(policy, catalogue);

  const show = (viewer) => {
    document.body.dataset.state = 'loading';
    error.hidden = true;
    try {
      render(engine.overview(requests[viewer]), viewer);
      status.textContent = 'Oversigten er opdateret.';
    } catch (e) {
      error.textContent = e instanceof EgensagError
        ? `Oversigten kunne ikke vises (${e.code} ved ${e.path || 'input'}): ${e.message}`
        : `Oversigten kunne ikke vises: ${e}`;
      error.hidden = false;
    }
    document.body.dataset.viewer = viewer;
    document.body.dataset.state = 'ready';
  };

  document.getElementById('indhold').addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (button) showAction(button);
  });

  const form = document.getElementById('viewer-form');
  form.addEventListener('change', () => show(new FormData(form).get('viewer')));
  show(new FormData(form).get('viewer'));
}

main().catch((e) => {
  const error = document.getElementById('error');
  error.textContent = `Eksemplet kunne ikke starte: ${e}`;
  error.hidden = false;
  document.body.dataset.state = 'failed';
});
