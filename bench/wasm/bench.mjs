// Times the npm package's Engine.overviewJson in Node: median ns per call over ROUNDS
// rounds of ITERATIONS calls, printed as `NS OUTPUT_BYTES` (the format of the native
// twin bench/examples/time_overview.rs; bench/wasm/run.sh compares the two).
//
//   node bench/wasm/bench.mjs POLICY.json REQUEST.json ITERATIONS ROUNDS
import { readFileSync } from 'node:fs';
import { Engine } from '../../bindings-wasm/pkg/node.js';

const [policyPath, requestPath, iterations, rounds] = process.argv.slice(2);
const engine = new Engine(readFileSync(policyPath, 'utf8'));
const request = readFileSync(requestPath, 'utf8').replace(/[\r\n]+$/, '');
let bytes = 0;
for (let i = 0; i < 3; i++) bytes = engine.overviewJson(request).length; // warm up
const samples = [];
for (let r = 0; r < Number(rounds); r++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < Number(iterations); i++) {
    bytes = Buffer.byteLength(engine.overviewJson(request));
  }
  samples.push(Number(process.hrtime.bigint() - start) / Number(iterations));
}
samples.sort((a, b) => a - b);
console.log(`${Math.round(samples[Math.floor(samples.length / 2)])} ${bytes}`);
