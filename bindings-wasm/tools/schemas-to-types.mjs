// Generates the package's types.d.ts from the committed JSON Schemas in schemas/ (which
// the core generates from its own Rust types), so the TypeScript declarations, the
// schemas and the Rust types cannot disagree.
//   node bindings-wasm/tools/schemas-to-types.mjs OUT.d.ts
// Needs json-schema-to-typescript (bindings-wasm/package.json, `npm ci` in bindings-wasm).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: schemas-to-types.mjs OUT.d.ts');
  process.exit(2);
}

// The TypeScript name of a root schema whose title would shadow a global.
const RENAME = { Error: 'ErrorObject' };

/** Makes a schema plain for json-schema-to-typescript: a `$ref` keeps no sibling keywords
 *  (otherwise each annotated use becomes a copy of the type: Area1, Area2…), refs to renamed
 *  roots follow the rename, and Rust doc examples (fenced code) leave descriptions. */
function tidy(value) {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.$ref === 'string') {
    const name = value.$ref.replace('#/$defs/', '');
    return { $ref: `#/$defs/${RENAME[name] ?? name}` };
  }
  const result = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] = key === 'description' && typeof inner === 'string' ? withoutCode(inner) : tidy(inner);
  }
  return result;
}

function withoutCode(text) {
  let inCode = false;
  const kept = [];
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) inCode = !inCode;
    else if (!inCode) kept.push(line);
  }
  return kept.join('\n').trim();
}

const schemasDir = join(root, 'schemas');
const defs = {};
const addDef = (name, schema, from) => {
  if (name in defs && JSON.stringify(defs[name]) !== JSON.stringify(schema)) {
    throw new Error(`${from}: $defs/${name} differs from another schema's; cannot merge`);
  }
  defs[name] = schema;
};
for (const file of readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = JSON.parse(readFileSync(join(schemasDir, file), 'utf8'));
  const { $defs = {}, $schema, $id, ...rootSchema } = schema;
  for (const [name, def] of Object.entries($defs)) addDef(RENAME[name] ?? name, tidy(def), file);
  const name = RENAME[rootSchema.title] ?? rootSchema.title;
  if (!name) throw new Error(`${file}: a root schema needs a title`);
  addDef(name, tidy({ ...rootSchema, title: name }), file);
}

const names = Object.keys(defs).sort();
const combined = {
  title: 'EgensagTypes',
  description: 'Every type of the egensag JSON API (an index; use the named types).',
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { $ref: `#/$defs/${n}` }])),
  additionalProperties: false,
  $defs: Object.fromEntries(names.map((n) => [n, defs[n]])),
};
const ts = await compile(combined, 'EgensagTypes', {
  additionalProperties: false,
  unknownAny: true,
  bannerComment:
    '/* Generated from schemas/*.schema.json by bindings-wasm/tools/schemas-to-types.mjs\n' +
    ' * (json-schema-to-typescript). Do not edit: regenerate with\n' +
    ' * cargo xtask bless. */',
});
writeFileSync(out, ts);
