import {InputError} from './errors.js';
import {describeType} from './structured-input.js';

/*
 * Readers for the fields of one YAML/JSON list entry. Each appends an InputError naming the
 * field (`container-images[0].tags[1]`) instead of throwing, so a parse reports every problem.
 */

/**
 * Why a text value cannot work on GitHub, or undefined. Zuul expands Jinja templates
 * (`{{ zuul.tag }}`) in job variables; nothing expands them here, and a workflow's own
 * `${{ }}` expressions are expanded by the runner before an action sees its inputs.
 */
export function templateProblem(value: string): string | undefined {
  const template = /\$?\{\{.*?\}\}|\{%.*?%\}/s.exec(value);
  if (!template) return undefined;
  return template[0].startsWith('$')
    ? `"${value}" holds a workflow expression (${template[0]}), which only a workflow's with: expands; write the value itself here`
    : `"${value}" is a Zuul (Jinja) template, which nothing expands on GitHub: write the value itself, or put a workflow expression such as \${{ github.ref_name }} in the workflow's with:`;
}

/** A non-empty string field, or undefined when absent (an error when not a string). */
export function optionalString(
  entry: Record<string, unknown>,
  key: string,
  field: string,
  errors: InputError[]
): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    errors.push(
      new InputError(
        `${field}.${key}`,
        `must be a string, got ${describeType(value)}${quoteHint(value)}`
      )
    );
    return undefined;
  }
  if (value.trim() === '') {
    errors.push(new InputError(`${field}.${key}`, 'must not be empty'));
    return undefined;
  }
  const template = templateProblem(value);
  if (template !== undefined) {
    errors.push(new InputError(`${field}.${key}`, template));
    return undefined;
  }
  return value;
}

/** A list of strings, `fallback` when absent; each bad item is an error of its own. */
export function stringList(
  entry: Record<string, unknown>,
  key: string,
  field: string,
  errors: InputError[],
  fallback: string[]
): string[] {
  const value = entry[key];
  if (value === undefined || value === null) return fallback;
  if (!Array.isArray(value)) {
    const template = typeof value === 'string' ? templateProblem(value) : undefined;
    const example = typeof value === 'string' ? ` (write ["${value}"])` : '';
    errors.push(
      new InputError(
        `${field}.${key}`,
        template ?? `must be a list, got ${describeType(value)}${example}`
      )
    );
    return [];
  }
  if (value.length === 0 && key === 'tags') {
    errors.push(
      new InputError(`${field}.${key}`, 'must not be empty (leave it out for ["latest"])')
    );
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    const template = typeof item === 'string' ? templateProblem(item) : undefined;
    if (typeof item !== 'string') {
      errors.push(
        new InputError(
          `${field}.${key}[${i}]`,
          `must be a string, got ${describeType(item)}${quoteHint(item)}`
        )
      );
    } else if (template !== undefined) {
      errors.push(new InputError(`${field}.${key}[${i}]`, template));
    } else {
      out.push(item);
    }
  });
  return out;
}

/** YAML reads `true`, `false` and `null` as other types; tell the user to quote them. */
export function quoteHint(value: unknown): string {
  return typeof value === 'boolean' || value === null ? ' (quote it so YAML keeps it as text)' : '';
}

/** Record `problem` for `field` when there is one. */
export function pushIf(errors: InputError[], field: string, problem: string | undefined): void {
  if (problem !== undefined) errors.push(new InputError(field, problem));
}

/** Run a parser that throws InputError, recording the error instead. */
export function capture<T>(errors: InputError[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) {
      errors.push(e);
      return undefined;
    }
    throw e;
  }
}
