// A tiny static file server for the browser test and for trying examples/web/ by hand:
//   node tests/browser/server.mjs   → serves the repository root on 127.0.0.1, free port
// EGENSAG_PKG_DIR, when set, is served in place of /bindings-wasm/pkg/ (the test points
// it at the package installed from the packed tarball).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PKG_PREFIX = '/bindings-wasm/pkg/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** The file a URL path names, or undefined when it would leave its root. */
function fileFor(pathname, pkgDir) {
  let base = ROOT;
  let rest = pathname;
  if (pkgDir && pathname.startsWith(PKG_PREFIX)) {
    base = resolve(pkgDir);
    rest = pathname.slice(PKG_PREFIX.length);
  }
  const file = normalize(join(base, rest));
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

/** Starts the server; resolves to { server, url }. */
export function serve({ port = 0, pkgDir = process.env.EGENSAG_PKG_DIR } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      let file = fileFor(decodeURIComponent(pathname), pkgDir);
      if (!file) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolveServer({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serve({ port: Number(process.env.PORT ?? 0) });
  console.log(`serving ${ROOT} at ${url}/examples/web/`);
}
