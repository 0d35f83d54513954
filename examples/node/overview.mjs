// Prints Anna's overview, made from the sample policy and request with the egensag package.
//   scripts/build-wasm.sh && (cd examples/node && npm install && node overview.mjs [request.json] [--json])
import { readFileSync } from 'node:fs';
import { Engine, EgensagError } from 'egensag';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const data = (name) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
const requestFile = args.find((a) => !a.startsWith('--'));
const request = requestFile ? readFileSync(requestFile, 'utf8') : data('anna.json');

/** Integer øre in Danish style: 1234550 → "12.345,50 kr.". */
function kroner(ore) {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} kr.`;
}

const engine = new Engine(data('policy.json'), data('kle-sample.xml'));
try {
  if (asJson) {
    console.log(engine.overviewJson(request));
  } else {
    const o = engine.overview(request);
    console.log(`Overblik for ${o.subject} pr. ${o.as_of} (set som ${o.viewer_role})`);
    console.log('\nMine sager');
    for (const c of o.cases) console.log(`  - ${c.title}: ${c.status.text} (siden ${c.status.since})`);
    console.log('\nMine planer');
    for (const p of o.plans ?? []) {
      console.log(`  - ${p.title}: ${p.status.text}; ${p.goals_achieved} af ${p.goals_total} mål nået`);
      for (const g of p.goals) console.log(`      mål: ${g.text}: ${g.status.text}`);
      for (const a of p.activities.filter((x) => x.current)) console.log(`      nu: ${a.text}`);
    }
    console.log('\nYdelser og gæld');
    for (const b of o.benefits) {
      const next = b.status.next_payment;
      const amount = next && (next.net_ore != null ? `${kroner(next.net_ore)} efter skat` : `${kroner(next.gross_ore)} før skat`);
      const pay = next ? `; næste udbetaling ${next.date}: ${amount}` : '';
      console.log(`  - ${b.name}: ${b.status.text}${pay}`);
    }
    for (const y of o.totals.paid_by_year) console.log(`  Udbetalt ${y.year}: ${kroner(y.net_ore)}`);
    console.log(`  Gæld i alt: ${kroner(o.totals.debt_ore)}`);
    console.log('\nAftaler');
    for (const a of o.appointments) {
      console.log(`  - ${a.start.slice(0, 16).replace('T', ' ')} ${a.kind} med ${a.with_role}: ${a.what.join(', ')}${a.cancelled ? ' (aflyst)' : ''}`);
    }
    console.log('\nDet kan du gøre (handlinger, som oversigten tillader)');
    for (const records of [o.cases, o.plans ?? [], o.appointments, o.benefits]) {
      for (const r of records) if (r.actions?.length) console.log(`  - ${r.source}/${r.id}: ${r.actions.join(', ')}`);
    }
  }
} catch (e) {
  if (!(e instanceof EgensagError)) throw e;
  console.error(`egensag: ${e.code} at ${e.path || '(input)'}: ${e.message}`);
  process.exitCode = 1;
} finally {
  engine.free();
}
