// The typed API of egensag. The data types (Request, Policy, Overview, …) are in
// types.d.ts, generated from the core's own types through their JSON Schemas.
import type {
  Benefit,
  Case,
  Catalogue,
  ErrorCode,
  Explanation,
  Notifications,
  Overview,
  Policy,
  Problem,
  Represented,
  RepresentedRequest,
  Request,
  SourceProfile,
  ValidationReport,
} from './types.js';

export * from './types.js';

/** An error from egensag: a stable machine code, a message without personal data, and a path. */
export declare class EgensagError extends Error {
  constructor(code: ErrorCode, message: string, path: string);
  readonly name: 'EgensagError';
  /** The stable machine code, e.g. `invalid_input`. */
  readonly code: ErrorCode;
  /** Where in the input, e.g. `cases[3].kle`; empty for the whole input. */
  readonly path: string;
  /** The error as core writes it. */
  toJSON(): { code: ErrorCode; message: string; path: string };
}

/**
 * A compiled policy (and optional KLE catalogue), used for any number of requests.
 * Every input is JSON text or an object (serialised with `JSON.stringify`).
 * Every method throws `EgensagError` on bad input; the engine stays usable afterwards.
 */
export declare class Engine {
  /**
   * @param policy the municipality's policy
   * @param catalogue the KLE catalogue as KLE-online XML or JSON, for subject and area titles
   */
  constructor(policy: string | Policy, catalogue?: string | Catalogue | null);
  /** The citizen's overview. */
  overview(request: string | Request): Overview;
  /** Every record's decision, with reasons and rules. */
  explain(request: string | Request): Explanation;
  /** What the engine would hide because a source wrote it wrong. */
  validate(request: string | Request): ValidationReport;
  /** The notifications from an earlier overview to a later one of the same subject. */
  notifications(previous: string | Overview, current: string | Overview): Notifications;
  /** Whom the viewer may act for: one entry per usable mandate, by the overview's rules. */
  represented(request: string | RepresentedRequest): Represented;
  /** `represented` as the core's exact JSON text. */
  representedJson(request: string | RepresentedRequest): string;
  /** `request` with the records of a `sources` result added after its own cases or benefits. */
  addSources(request: string | Request, sources: string | SourceRecords): Request;
  /** `addSources` as the core's exact JSON text. */
  addSourcesJson(request: string | Request, sources: string | SourceRecords): string;
  /** The overview as the core's exact JSON text. */
  overviewJson(request: string | Request): string;
  /** The explanation as the core's exact JSON text. */
  explainJson(request: string | Request): string;
  /** The validation report as the core's exact JSON text. */
  validateJson(request: string | Request): string;
  /** The notifications as the core's exact JSON text. */
  notificationsJson(previous: string | Overview, current: string | Overview): string;
  /**
   * `overviewJson` on bytes: UTF-8 JSON in (a `Uint8Array`, such as a Node `Buffer`), the
   * core's exact JSON out as UTF-8 bytes. The `…Utf8` methods skip JavaScript's string
   * encoding and decoding; bytes that are not UTF-8 are refused (`invalid_json`).
   */
  overviewUtf8(request: Uint8Array): Uint8Array;
  /** `explainJson` on UTF-8 bytes. */
  explainUtf8(request: Uint8Array): Uint8Array;
  /** `validateJson` on UTF-8 bytes. */
  validateUtf8(request: Uint8Array): Uint8Array;
  /** `representedJson` on UTF-8 bytes. */
  representedUtf8(request: Uint8Array): Uint8Array;
  /** `notificationsJson` on UTF-8 bytes. */
  notificationsUtf8(previous: Uint8Array, current: Uint8Array): Uint8Array;
  /** `addSourcesJson` on UTF-8 bytes. */
  addSourcesUtf8(request: Uint8Array, sources: Uint8Array): Uint8Array;
  /** Releases the engine's WebAssembly memory now; the engine cannot be used afterwards. */
  free(): void;
}

/** Which index a document is: SF1470 `Sag` (cases) or Ydelsesindeks (benefits). */
export type SourceKind = 'sf1470' | 'ydelsesindeks';

/** What a source reader returns: the records, and what could not be read (with paths). */
export interface SourceRecords {
  cases?: Case[];
  benefits?: Benefit[];
  problems: Problem[];
}

/**
 * Reads a KOMBIT index document for the day `asOf` (`YYYY-MM-DD`; relations are
 * evaluated on that day), with an optional source profile. Throws `EgensagError`.
 */
export declare function sources(
  kind: SourceKind,
  document: string,
  asOf: string,
  profile?: string | SourceProfile | null,
): SourceRecords;

/** `sources` as the core's exact JSON text. */
export declare function sourcesJson(
  kind: SourceKind,
  document: string,
  asOf: string,
  profile?: string | SourceProfile | null,
): string;

/** `sourcesJson` on a UTF-8 document (and profile): the core's exact JSON as UTF-8 bytes. */
export declare function sourcesUtf8(
  kind: SourceKind,
  document: Uint8Array,
  asOf: string,
  profile?: Uint8Array | null,
): Uint8Array;

/** The version of the egensag core compiled into the module. */
export declare function coreVersion(): string;
