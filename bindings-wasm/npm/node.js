// Node entry: reads egensag_wasm_bg.wasm from disk and instantiates it synchronously.
import { readFileSync } from 'node:fs';
import { initSync } from './egensag_wasm.js';

initSync({ module: readFileSync(new URL('./egensag_wasm_bg.wasm', import.meta.url)) });

export { Engine, EgensagError, coreVersion, sources, sourcesJson, sourcesUtf8 } from './api.js';
