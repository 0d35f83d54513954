// Stress test of the WebAssembly engine in Node: 1,000,000 calls on one engine, failing
// and succeeding input mixed; every call must be answered (a result or an EgensagError,
// never a RuntimeError), and heap and RSS stay flat. Not part of the default test
// command: run scripts/stress.sh. Usage: node stress.mjs [calls]
import { Engine, EgensagError } from 'egensag';

const calls = Number(process.argv[2] ?? 1_000_000);
const engine = new Engine('{"id": "p", "kle": {"include": [{"pattern": "*"}]}}');
const good = JSON.stringify({
  as_of: '2026-11-23', subject: { cpr: '0101901234' }, viewer: { cpr: '0101901234', role: 'self' },
  cases: [{ id: 'S-1', source: 'KSD', title: 'T', kle: '32.30.04', parties: [{ cpr: '0101901234', role: 'primary' }],
            created: '2026-11-02', progress: [{ state: 'oplyst', at: '2026-11-05' }] }],
});
const inputs = [
  [(r) => engine.overview(r), good, true],
  [(r) => engine.explain(r), good, true],
  [(r) => engine.validate(r), '{"as_of": ', false],
  [(r) => engine.overview(r), '{"as_of": "2026-13-01"}', false],
  [(r) => engine.explain(r), '[' .repeat(10_000), false],
  [(r) => engine.notifications(r, '['), '{}', false],
];
const mb = (n) => Math.round(n / 1024 / 1024 * 10) / 10;
const sample = () => { globalThis.gc?.(); const m = process.memoryUsage(); return { heap: mb(m.heapUsed), rss: mb(m.rss), wasm: mb(m.arrayBuffers) }; };
let answered = 0, failed = 0, wrong = 0;
for (let i = 0; i < 1000; i++) engine.overview(good); // warm up
const start = sample();
let middle;
const t0 = Date.now();
for (let i = 0; i < calls; i++) {
  const [call, input, ok] = inputs[i % inputs.length];
  try {
    const out = call(input);
    answered++;
    if (!ok || out === undefined) wrong++;
  } catch (e) {
    answered++;
    failed++;
    if (ok || !(e instanceof EgensagError) || !e.code) wrong++;
  }
  if (i === Math.floor(calls / 2)) middle = sample();
}
const end = sample();
console.log(`calls ${calls}, answered ${answered}, failing by design ${failed}, wrong ${wrong}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`memory MB (heap/rss/arrayBuffers): start ${JSON.stringify(start)} middle ${JSON.stringify(middle)} end ${JSON.stringify(end)}`);
const flat = end.rss - middle.rss < 32 && end.wasm - middle.wasm < 16;
const ok = answered === calls && wrong === 0 && flat;
console.log(`${ok ? 3 : 2} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
