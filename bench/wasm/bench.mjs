// Times the npm package's Engine.overviewJson (or, with `--utf8`, its bytes twin
// overviewUtf8) in Node: median ns per call over ROUNDS rounds of ITERATIONS calls,
// printed as `NS OUTPUT_BYTES` (the format of the native twin
// bench/examples/time_overview.rs; bench/wasm/run.sh compares the two).
//
// With `--serve` it times one round for each line it reads on stdin and prints that
// round's `NS OUTPUT_BYTES`, as time_overview --serve does (run.sh interleaves them).
//
//   node bench/wasm/bench.mjs [--utf8] [--serve] POLICY.json REQUEST.json ITERATIONS ROUNDS
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Engine } from '../../bindings-wasm/pkg/node.js';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && args.splice(i, 1).length === 1;
};
const utf8 = flag('--utf8');
const serve = flag('--serve');
const [policyPath, requestPath, iterations, rounds] = args;
const engine = new Engine(readFileSync(policyPath, 'utf8'));
const text = readFileSync(requestPath, 'utf8').replace(/[\r\n]+$/, '');
// The string API gets a string and its caller needs the output's UTF-8 length (what
// native writes); the bytes API gets the file's bytes and gives bytes.
const requestBytes = Buffer.from(text, 'utf8');
const call = utf8
  ? () => engine.overviewUtf8(requestBytes).length
  : () => Buffer.byteLength(engine.overviewJson(text));

function round() {
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < Number(iterations); i++) bytes = call();
  return [Number(process.hrtime.bigint() - start) / Number(iterations), bytes];
}

for (let i = 0; i < 3; i++) round(); // warm up (and let V8 tier up)
if (serve) {
  for await (const _ of createInterface({ input: process.stdin })) {
    const [ns, bytes] = round();
    process.stdout.write(`${Math.round(ns)} ${bytes}\n`);
  }
} else {
  const samples = [];
  let bytes = 0;
  for (let r = 0; r < Number(rounds); r++) {
    const [ns, b] = round();
    samples.push(ns);
    bytes = b;
  }
  samples.sort((a, b) => a - b);
  console.log(`${Math.round(samples[Math.floor(samples.length / 2)])} ${bytes}`);
}
