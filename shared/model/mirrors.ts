import {InputError, InputErrors} from './errors.js';
import {templateProblem} from './entry-fields.js';
import {tagProblem, digestProblem} from './grammar.js';
import {parseRepositoryName, type RepositoryName} from './reference.js';
import {type TextPattern, compileUserRegex} from './user-regex.js';
import {
  describeType,
  isMapping,
  parseStructuredInput,
  unknownKeyErrors
} from './structured-input.js';

/** Which source tags an entry mirrors: one tag, a list, or a regex over the source tag list. */
export type TagSelection =
  | {readonly kind: 'list'; readonly tags: readonly string[]}
  | {readonly kind: 'regex'; readonly pattern: TextPattern};

/** One entry of the `mirrors` input, validated. Zuul's keys plus imagegate's. */
export interface MirrorEntry {
  readonly field: string;
  readonly source: RepositoryName;
  readonly destination: RepositoryName;
  readonly destinationInput: string;
  /** Key into the credentials for the destination (Zuul's `dest_registry`), when given. */
  readonly destinationRegistry?: string;
  readonly tags: TagSelection;
  /** Only with a single source tag: the destination tag name (default: the source tag). */
  readonly destinationTag?: string;
  /** Platforms to keep, e.g. `linux/amd64`; empty means all. */
  readonly platforms: readonly string[];
  readonly noClobber: boolean;
  readonly sourceDigest?: string;
}

const KEYS = [
  'src_repository',
  'src_tag',
  'dest_repository',
  'dest_tag',
  'dest_registry',
  'tags',
  'platforms',
  'no_clobber',
  'src_digest'
] as const;
const ALIASES: Record<string, string> = {
  source: 'src_repository',
  src: 'src_repository',
  destination: 'dest_repository',
  dest: 'dest_repository',
  tag: 'src_tag',
  arch: 'platforms'
};

/** Parse the `mirrors` input; throws InputErrors naming each bad field. */
export function parseMirrors(text: string, field = 'mirrors'): MirrorEntry[] {
  const value = parseStructuredInput(text, field);
  if (!Array.isArray(value))
    throw new InputError(field, `must be a list of mirror entries, got ${describeType(value)}`);
  if (value.length === 0) throw new InputError(field, 'must list at least one entry');
  const errors: InputError[] = [];
  const entries: MirrorEntry[] = [];
  value.forEach((raw, i) => {
    const at = `${field}[${i}]`;
    if (!isMapping(raw)) {
      errors.push(
        new InputError(
          at,
          `must be a mapping with src_repository and dest_repository, got ${describeType(raw)}`
        )
      );
      return;
    }
    const before = errors.length;
    for (const e of unknownKeyErrors(raw, KEYS, ALIASES, at)) errors.push(e);
    const str = (key: string, required: boolean): string | undefined => {
      const v = raw[key];
      if (v === undefined) {
        if (required) errors.push(new InputError(`${at}.${key}`, 'is required'));
        return undefined;
      }
      if (typeof v !== 'string' || v === '') {
        errors.push(
          new InputError(`${at}.${key}`, `must be a non-empty string, got ${describeType(v)}`)
        );
        return undefined;
      }
      const template = templateProblem(v);
      if (template !== undefined) {
        errors.push(new InputError(`${at}.${key}`, template));
        return undefined;
      }
      return v;
    };
    const tryParse = (key: string, text: string | undefined): RepositoryName | undefined => {
      if (text === undefined) return undefined;
      try {
        return parseRepositoryName(text, `${at}.${key}`);
      } catch (e) {
        if (e instanceof InputError) errors.push(e);
        else throw e;
        return undefined;
      }
    };
    const srcText = str('src_repository', true);
    const destText = str('dest_repository', true);
    const source = tryParse('src_repository', srcText);
    const destination = tryParse('dest_repository', destText);
    const srcTag = str('src_tag', false);
    const destTag = str('dest_tag', false);
    const destRegistry = str('dest_registry', false);
    const srcDigest = str('src_digest', false);
    if (srcTag !== undefined) pushProblem(errors, `${at}.src_tag`, tagProblem(srcTag));
    if (destTag !== undefined) pushProblem(errors, `${at}.dest_tag`, tagProblem(destTag));
    if (srcDigest !== undefined) pushProblem(errors, `${at}.src_digest`, digestProblem(srcDigest));
    const tags = parseTagSelection(raw.tags, srcTag, `${at}`, errors);
    if (destTag !== undefined && !(tags?.kind === 'list' && tags.tags.length === 1)) {
      errors.push(
        new InputError(
          `${at}.dest_tag`,
          'needs exactly one source tag (src_tag); with several tags the names are kept'
        )
      );
    }
    const platforms = parsePlatforms(raw.platforms, `${at}.platforms`, errors);
    let noClobber = false;
    if (raw.no_clobber !== undefined) {
      if (typeof raw.no_clobber !== 'boolean')
        errors.push(
          new InputError(
            `${at}.no_clobber`,
            `must be true or false, got ${describeType(raw.no_clobber)}`
          )
        );
      else noClobber = raw.no_clobber;
    }
    if (errors.length > before || !source || !destination || !tags || destText === undefined)
      return;
    entries.push({
      field: at,
      source,
      destination,
      destinationInput: destText,
      ...(destRegistry !== undefined && {destinationRegistry: destRegistry}),
      tags,
      ...(destTag !== undefined && {destinationTag: destTag}),
      platforms,
      noClobber,
      ...(srcDigest !== undefined && {sourceDigest: srcDigest})
    });
  });
  if (errors.length > 0) throw new InputErrors(errors);
  return entries;
}

function parseTagSelection(
  value: unknown,
  srcTag: string | undefined,
  at: string,
  errors: InputError[]
): TagSelection | undefined {
  if (value === undefined) {
    if (srcTag === undefined) {
      errors.push(
        new InputError(`${at}.src_tag`, 'is required (or give "tags": a list or a /regex/)')
      );
      return undefined;
    }
    return {kind: 'list', tags: [srcTag]};
  }
  if (srcTag !== undefined) {
    errors.push(new InputError(`${at}.tags`, 'cannot be combined with src_tag; use one of them'));
    return undefined;
  }
  if (typeof value === 'string' && /^\/.*\/$/.test(value) && value.length > 2) {
    try {
      return {kind: 'regex', pattern: compileUserRegex(value.slice(1, -1), `${at}.tags`)};
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e);
      return undefined;
    }
  }
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(
      new InputError(
        `${at}.tags`,
        `must be a non-empty list of tags or a "/regex/", got ${describeType(value)}`
      )
    );
    return undefined;
  }
  const tags: string[] = [];
  value.forEach((t, i) => {
    if (typeof t !== 'string')
      errors.push(new InputError(`${at}.tags[${i}]`, `must be a string, got ${describeType(t)}`));
    else if (tagProblem(t))
      errors.push(new InputError(`${at}.tags[${i}]`, tagProblem(t) as string));
    else tags.push(t);
  });
  return {kind: 'list', tags};
}

function parsePlatforms(value: unknown, at: string, errors: InputError[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(
      new InputError(
        at,
        `must be a list of platforms like ["linux/amd64"], got ${describeType(value)}`
      )
    );
    return [];
  }
  const out: string[] = [];
  value.forEach((p, i) => {
    if (typeof p !== 'string' || !/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/.test(p)) {
      errors.push(
        new InputError(`${at}[${i}]`, `${describeType(p)} is not a platform like "linux/amd64"`)
      );
    } else out.push(p);
  });
  return out;
}

function pushProblem(errors: InputError[], field: string, problem: string | undefined): void {
  if (problem !== undefined) errors.push(new InputError(field, problem));
}
