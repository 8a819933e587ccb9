import {RE2JS} from 're2js';
import {InputError} from './errors.js';

/**
 * A regular expression from a user input (a credential's `repository`, a mirror's `/tags/`,
 * `cleanup-pattern`). JavaScript's RegExp backtracks, so `^(a+)+$` against a 31-character tag
 * takes seconds; these run on RE2 (re2js, linear time in the input), and every match is bounded
 * in input length too.
 */
export interface TextPattern {
  /** The expression as the user wrote it, for messages. */
  readonly source: string;
  /** Whether the pattern matches anywhere in `text` (search, as Python's re.search in Zuul). */
  test(text: string): boolean;
}

/** Longest expression accepted: a credential or tag pattern is a line, not a program. */
export const MAX_PATTERN_LENGTH = 1024;
/**
 * Longest text a pattern is matched against. Tags have at most 128 characters and repository
 * names 255; anything longer than this is not a name and never matches.
 */
export const MAX_MATCH_LENGTH = 4096;

/**
 * Compile `source` with the linear-time engine; InputError naming `field` when it is too long
 * or not valid RE2 syntax (lookaround and backreferences are not: they need backtracking).
 */
export function compileUserRegex(source: string, field: string): TextPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new InputError(
      field,
      `is a regular expression of ${source.length} characters; the limit is ${MAX_PATTERN_LENGTH}`
    );
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (e) {
    const reason = (e as Error).message.replace(/^error parsing regexp: /, '');
    throw new InputError(
      field,
      `is not a valid regular expression for the linear-time (RE2) engine: ${reason}${/\(\?[=!<]|\\[1-9]/.test(source) ? ' (lookaround and backreferences are not supported)' : ''}`,
      {cause: e}
    );
  }
  return {
    source,
    test: text => text.length <= MAX_MATCH_LENGTH && compiled.test(text)
  };
}

/**
 * One of imagegate's own expressions (user text in it only as an escaped literal): JavaScript's
 * RegExp, which is linear for these, with the same length bound on the text as user patterns.
 */
export function builtInPattern(source: string): TextPattern {
  const compiled = new RegExp(source);
  return {
    source,
    test: text => text.length <= MAX_MATCH_LENGTH && compiled.test(text)
  };
}
