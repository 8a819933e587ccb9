import {type InputName} from './names.generated.js';
import {type RegistryCredential, parseRegistryCredentials} from '../model/credentials.js';
import {InputError} from '../model/errors.js';
import {quoteOutside} from '../model/outside-text.js';

/** Where input values come from: the runner's `INPUT_*` variables, or the CLI's flags. */
export type InputSource = (name: string) => string;

/** Typed readers over an InputSource; each error names the input. */
export class InputReader {
  /**
   * `warn` hears about input that works but does not do what its writer may think (keys that
   * are accepted and ignored): the face prints it as a warning. `mask` hides a secret input's
   * values in every later log line.
   */
  constructor(
    private readonly source: InputSource,
    readonly warn: (message: string) => void = () => undefined,
    private readonly mask: (secret: string) => void = () => undefined
  ) {}

  /**
   * `registry-credentials`, parsed; every secret in it is masked (`mask`) the moment it is
   * read, before any error could print it.
   */
  credentials(name: InputName = 'registry-credentials'): RegistryCredential[] {
    const text = this.string(name);
    return text === '' ? [] : parseRegistryCredentials(text, this.mask, name);
  }

  string(name: InputName, fallback = ''): string {
    const value = this.source(name).trim();
    return value === '' ? fallback : value;
  }

  /** A required input; throws InputError when empty. */
  required(name: InputName, hint = ''): string {
    const value = this.string(name);
    if (value === '') throw new InputError(name, `is required${hint ? ` (${hint})` : ''}`);
    return value;
  }

  /** YAML 1.2 booleans only, like core.getBooleanInput; anything else is an error. */
  boolean(name: InputName, fallback: boolean): boolean {
    const value = this.string(name);
    if (value === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    throw new InputError(name, `${quoteOutside(value)} is not a boolean (use true or false)`);
  }

  choice<T extends string>(name: InputName, choices: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === '') return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InputError(name, `${quoteOutside(value)} is not one of: ${choices.join(', ')}`);
  }

  positiveInteger(name: InputName, fallback: number, max = 1024): number {
    const value = this.string(name);
    if (value === '') return fallback;
    const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new InputError(name, `${quoteOutside(value)} is not a whole number from 1 to ${max}`);
    }
    return n;
  }

  /** A newline- or comma-separated list, trimmed, empty items dropped. */
  list(name: InputName, fallback: readonly string[] = []): string[] {
    const value = this.string(name);
    if (value === '') return [...fallback];
    return value
      .split(/[\n,]/)
      .map(s => s.trim())
      .filter(s => s !== '');
  }
}
