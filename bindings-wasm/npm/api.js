// The JavaScript API of egensag. It only converts at the boundary: objects are
// JSON.stringify'd before they reach the WebAssembly module, outputs are JSON.parse'd,
// and errors (thrown by the module as core's error JSON) become EgensagError.
import {
  RawEngine,
  coreVersion as rawCoreVersion,
  sourcesJson as rawSourcesJson,
  sourcesUtf8 as rawSourcesUtf8,
} from './egensag_wasm.js';

/** An error from egensag: a stable machine `code`, a `message` and the `path` of the offending value. */
export class EgensagError extends Error {
  constructor(code, message, path) {
    super(message);
    this.name = 'EgensagError';
    this.code = code;
    this.path = path;
  }

  /** The error as core writes it: `{"code":…,"message":…,"path":…}`. */
  toJSON() {
    return { code: this.code, message: this.message, path: this.path };
  }
}

/** JSON text as given, or an object serialised with JSON.stringify. */
function jsonText(value, code, path) {
  if (typeof value === 'string') return value;
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (typeof text !== 'string') {
    throw new EgensagError(code, 'expected JSON text or a value JSON.stringify can serialise', path);
  }
  return text;
}

/**
 * UTF-8 JSON as given to a `…Utf8` method: a `Uint8Array` (a Node `Buffer` is one).
 * Anything else is refused, so that a string never passes as bytes by mistake.
 */
function utf8Bytes(value, path) {
  if (value instanceof Uint8Array) return value;
  throw new EgensagError('invalid_input', 'expected UTF-8 JSON as a Uint8Array', path);
}

/** Calls into the module, turning a thrown error JSON into an EgensagError. */
function call(f) {
  try {
    return f();
  } catch (e) {
    if (typeof e === 'string') {
      let parsed;
      try {
        parsed = JSON.parse(e);
      } catch {
        throw new EgensagError('internal', e, '');
      }
      throw new EgensagError(parsed.code, parsed.message, parsed.path);
    }
    throw e;
  }
}

/** A compiled policy (and optional KLE catalogue), used for any number of requests. */
export class Engine {
  #raw;

  constructor(policy, catalogue) {
    const policyJson = jsonText(policy, 'invalid_policy', '');
    const catalogueText =
      catalogue === undefined || catalogue === null
        ? undefined
        : jsonText(catalogue, 'invalid_policy', 'catalogue');
    this.#raw = call(() => new RawEngine(policyJson, catalogueText));
  }

  #engine() {
    if (this.#raw === undefined) {
      throw new EgensagError('invalid_input', 'the engine has been freed', '');
    }
    return this.#raw;
  }

  /** The overview as core's exact JSON text. */
  overviewJson(request) {
    const text = jsonText(request, 'invalid_input', '');
    return call(() => this.#engine().overviewJson(text));
  }

  /** The explanation as core's exact JSON text. */
  explainJson(request) {
    const text = jsonText(request, 'invalid_input', '');
    return call(() => this.#engine().explainJson(text));
  }

  /** The validation report as core's exact JSON text. */
  validateJson(request) {
    const text = jsonText(request, 'invalid_input', '');
    return call(() => this.#engine().validateJson(text));
  }

  /** Whom the viewer may act for, as core's exact JSON text. */
  representedJson(request) {
    const text = jsonText(request, 'invalid_input', '');
    return call(() => this.#engine().representedJson(text));
  }

  /** Whom the viewer may act for: one entry per usable mandate. */
  represented(request) {
    return JSON.parse(this.representedJson(request));
  }

  /** The notifications from `previous` to `current` as core's exact JSON text. */
  notificationsJson(previous, current) {
    const before = jsonText(previous, 'invalid_input', 'previous');
    const after = jsonText(current, 'invalid_input', 'current');
    return call(() => this.#engine().notificationsJson(before, after));
  }

  /** `request` with the records of a `sources` result added, as core's exact JSON text. */
  addSourcesJson(request, sources) {
    const text = jsonText(request, 'invalid_input', '');
    const read = jsonText(sources, 'invalid_input', 'sources');
    return call(() => this.#engine().addSourcesJson(text, read));
  }

  /**
   * The `…Utf8` twins of the `…Json` methods: UTF-8 JSON in (a `Uint8Array`, such as a
   * Node `Buffer` or a fetch body's bytes), core's exact JSON out as a new `Uint8Array`.
   * They skip JavaScript's string encoding and decoding, which is about a fifth of a large
   * overview's time; bytes that are not UTF-8 are refused (`invalid_json`, with the offset).
   */
  overviewUtf8(request) {
    const bytes = utf8Bytes(request, '');
    return call(() => this.#engine().overviewUtf8(bytes));
  }

  /** {@link Engine#explainJson} on UTF-8 bytes. */
  explainUtf8(request) {
    const bytes = utf8Bytes(request, '');
    return call(() => this.#engine().explainUtf8(bytes));
  }

  /** {@link Engine#validateJson} on UTF-8 bytes. */
  validateUtf8(request) {
    const bytes = utf8Bytes(request, '');
    return call(() => this.#engine().validateUtf8(bytes));
  }

  /** {@link Engine#representedJson} on UTF-8 bytes. */
  representedUtf8(request) {
    const bytes = utf8Bytes(request, '');
    return call(() => this.#engine().representedUtf8(bytes));
  }

  /** {@link Engine#notificationsJson} on UTF-8 bytes. */
  notificationsUtf8(previous, current) {
    const before = utf8Bytes(previous, 'previous');
    const after = utf8Bytes(current, 'current');
    return call(() => this.#engine().notificationsUtf8(before, after));
  }

  /** {@link Engine#addSourcesJson} on UTF-8 bytes. */
  addSourcesUtf8(request, sources) {
    const bytes = utf8Bytes(request, '');
    const read = utf8Bytes(sources, 'sources');
    return call(() => this.#engine().addSourcesUtf8(bytes, read));
  }

  /** `request` with the records of a `sources` result added after its own. */
  addSources(request, sources) {
    return JSON.parse(this.addSourcesJson(request, sources));
  }

  /** The citizen's overview. */
  overview(request) {
    return JSON.parse(this.overviewJson(request));
  }

  /** Every record's decision, with reasons and rules. */
  explain(request) {
    return JSON.parse(this.explainJson(request));
  }

  /** What the engine would hide because a source wrote it wrong. */
  validate(request) {
    return JSON.parse(this.validateJson(request));
  }

  /** The notifications from an earlier overview to a later one of the same subject. */
  notifications(previous, current) {
    return JSON.parse(this.notificationsJson(previous, current));
  }

  /** Releases the engine's WebAssembly memory now; the engine cannot be used afterwards. */
  free() {
    const raw = this.#raw;
    this.#raw = undefined;
    raw?.free();
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Engine.prototype[Symbol.dispose] = Engine.prototype.free;
}

/**
 * Reads a KOMBIT index document (`'sf1470'` or `'ydelsesindeks'`) for the day `asOf`
 * (`YYYY-MM-DD`), with an optional source profile, as core's exact JSON text.
 */
export function sourcesJson(kind, document, asOf, profile) {
  if (typeof kind !== 'string') throw new EgensagError('invalid_input', 'expected a string', 'kind');
  if (typeof document !== 'string') {
    throw new EgensagError('invalid_input', 'expected the document as a string', 'document');
  }
  if (typeof asOf !== 'string') throw new EgensagError('invalid_input', 'expected a date YYYY-MM-DD', 'as_of');
  const profileText =
    profile === undefined || profile === null ? undefined : jsonText(profile, 'invalid_input', 'profile');
  return call(() => rawSourcesJson(kind, document, asOf, profileText));
}

/** {@link sourcesJson} on a UTF-8 document (and profile), core's exact JSON out as bytes. */
export function sourcesUtf8(kind, document, asOf, profile) {
  if (typeof kind !== 'string') throw new EgensagError('invalid_input', 'expected a string', 'kind');
  const bytes = utf8Bytes(document, 'document');
  if (typeof asOf !== 'string') throw new EgensagError('invalid_input', 'expected a date YYYY-MM-DD', 'as_of');
  const profileBytes = profile === undefined || profile === null ? undefined : utf8Bytes(profile, 'profile');
  return call(() => rawSourcesUtf8(kind, bytes, asOf, profileBytes));
}

/** Reads a KOMBIT index document into records (`cases` or `benefits`) and `problems`. */
export function sources(kind, document, asOf, profile) {
  return JSON.parse(sourcesJson(kind, document, asOf, profile));
}

/** The version of the egensag core compiled into the module. */
export function coreVersion() {
  return rawCoreVersion();
}
