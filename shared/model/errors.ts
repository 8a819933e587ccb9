/**
 * An input the user gave is wrong. `field` is the path of the offending value as the user wrote
 * it (`container-images[2].tags[0]`), so the message points at the exact spot to fix.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly field: string,
    readonly detail: string,
    options?: {cause?: unknown}
  ) {
    super(`${field}: ${detail}`, options);
  }
}

/** Several input errors found in one pass; the message lists each on its own line. */
export class InputErrors extends Error {
  override name = 'InputErrors';
  constructor(readonly errors: readonly InputError[]) {
    super(errors.map(e => e.message).join('\n'));
  }
}

/** The message of any thrown value, for reporting. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
