// Browser and bundler entry: fetches and instantiates egensag_wasm_bg.wasm (resolved
// next to this file with `new URL(…, import.meta.url)`) before the module is ready.
import init from './egensag_wasm.js';

await init({ module_or_path: new URL('./egensag_wasm_bg.wasm', import.meta.url) });

export { Engine, EgensagError, coreVersion, sources, sourcesJson, sourcesUtf8 } from './api.js';
