import {
  type Document,
  LineCounter,
  YAMLParseError,
  isMap,
  isScalar,
  parseDocument,
  visit
} from 'yaml';
import {InputError, MAX_REPORTED_ERRORS} from './errors.js';
import {escapeOutside, quoteOutside} from './outside-text.js';

/** Largest structured input we accept; anything bigger is a mistake, not a list of images. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * Parse a YAML or JSON input (JSON is YAML). Throws InputError naming `field` for empty, oversized
 * or unparsable text, with the line and column of a syntax error. With `secret`, a syntax error
 * gives only its position and code: the parser's own words may quote the text.
 *
 * Numbers are read as the text written in the source: Zuul lists carry unquoted versions
 * (`tags: [2.15]`, `tags: [1.10]`), and a tag, a label or a build argument is text, so `1.10`
 * stays "1.10" instead of becoming the number 1.1. No field of imagegate's lists is a number.
 * Booleans and nulls keep their type (`no_clobber: true`).
 */
export function parseStructuredInput(
  text: string,
  field: string,
  options: {secret?: boolean} = {}
): unknown {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(field, `is ${size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (1 MiB)`);
  }
  if (text.trim() === '') throw new InputError(field, 'must not be empty');
  try {
    const lineCounter = new LineCounter();
    // The parser's own `uniqueKeys` compares every key with every other one (quadratic: a
    // mapping of 90 000 keys takes minutes); repeated keys are found here with a set instead.
    const doc = parseDocument(text, {uniqueKeys: false, prettyErrors: true, lineCounter});
    if (doc.errors.length > 0) throw doc.errors[0];
    keepNumbersAsWritten(doc);
    const repeated = repeatedKey(doc);
    if (repeated !== undefined) {
      const {line, col} = lineCounter.linePos(repeated.offset);
      const key = options.secret ? '' : ` ${quoteOutside(repeated.key, 60)}`;
      throw new InputError(field, `repeats the key${key} at line ${line}, column ${col}`);
    }
    // An alias bomb (billion laughs) stops at the alias count instead of filling the memory.
    return doc.toJS({maxAliasCount: 1000});
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof YAMLParseError) {
      const where = e.linePos?.[0]
        ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}`
        : '';
      const what = options.secret ? `(${e.code})` : `: ${escapeOutside(e.message.split('\n')[0])}`;
      throw new InputError(
        field,
        `is not valid YAML or JSON${where}${what}`,
        options.secret ? undefined : {cause: e}
      );
    }
    const what = options.secret ? '' : `: ${escapeOutside(String(e))}`;
    throw new InputError(
      field,
      `is not valid YAML or JSON${what}`,
      options.secret ? undefined : {cause: e}
    );
  }
}

/** Replace every number scalar (keys too) by its source text: `1.10` → "1.10", `0x1F` → "0x1F". */
function keepNumbersAsWritten(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' || typeof node.value === 'bigint') {
        node.value = node.source ?? String(node.value);
      }
    }
  });
}

/** The first key that a mapping of the document repeats, with where it is. */
function repeatedKey(doc: Document): {key: string; offset: number} | undefined {
  let found: {key: string; offset: number} | undefined;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const node = pair.key;
        const key = isScalar(node) ? String(node.value) : String(node);
        if (seen.has(key)) {
          found = {key, offset: (isScalar(node) && node.range?.[0]) || 0};
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    }
  });
  return found;
}

/** A plain object (mapping), not an array or null. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value looks to a user, for "expected X, got Y" messages. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quoteOutside(value, 100)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** Edit distance, for "did you mean" suggestions on unknown keys. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The closest known key to `key`, or undefined when none is close enough. */
export function suggestKey(
  key: string,
  known: readonly string[],
  aliases: Readonly<Record<string, string>> = {}
): string | undefined {
  const normalised = key.toLowerCase().replace(/-/g, '_');
  if (aliases[normalised]) return aliases[normalised];
  if (known.includes(normalised)) return normalised;
  // An abbreviation (`src_repo`, `repo`) is the most common slip after typos.
  const extended = known.find(k => k.startsWith(normalised) && normalised.length >= 3);
  if (extended) return extended;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(normalised, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** One InputError per key of `entry` that is not in `known`, with a "did you mean" suggestion. */
export function unknownKeyErrors(
  entry: Record<string, unknown>,
  known: readonly string[],
  aliases: Readonly<Record<string, string>>,
  at: string
): InputError[] {
  const unknown = Object.keys(entry).filter(key => !known.includes(key));
  // A hostile mapping may have a hundred thousand keys: name the first ones, count the rest.
  const named = unknown.slice(0, MAX_REPORTED_ERRORS).map(key => {
    const suggestion = suggestKey(key, known, aliases);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    return new InputError(
      `${at}.${escapeOutside(key, 100)}`,
      `unknown key${hint}; known keys: ${known.join(', ')}`
    );
  });
  if (unknown.length > named.length) {
    named.push(new InputError(at, `has ${unknown.length - named.length} more unknown keys`));
  }
  return named;
}
