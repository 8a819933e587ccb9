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

/** How many problems one failure reports; a hostile input can have a hundred thousand. */
export const MAX_REPORTED_ERRORS = 50;

/**
 * Several input errors found in one pass; the message lists each on its own line. `errors`
 * holds the first MAX_REPORTED_ERRORS and a last one counting the rest.
 */
export class InputErrors extends Error {
  override name = 'InputErrors';
  readonly errors: readonly InputError[];
  constructor(errors: readonly InputError[]) {
    const shown =
      errors.length <= MAX_REPORTED_ERRORS
        ? errors
        : [
            ...errors.slice(0, MAX_REPORTED_ERRORS),
            new InputError(
              errors[MAX_REPORTED_ERRORS].field,
              `and ${errors.length - MAX_REPORTED_ERRORS} more problems like the ones above`
            )
          ];
    super(shown.map(e => e.message).join('\n'));
    this.errors = shown;
  }
}

/** The message of any thrown value, for reporting. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
