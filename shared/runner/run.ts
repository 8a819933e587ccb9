import * as runner from './workflow-commands.js';
import {InputError, InputErrors, errorMessage} from '../model/errors.js';

/**
 * Run an action's main function and turn any failure into `::error::` lines and exit code 1.
 * This is the only place that reports an exception; everything below throws typed errors.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    reportFailure(e);
  }
}

/** Report a failure: one `::error::` per input problem, the message (and causes) otherwise. */
export function reportFailure(e: unknown): void {
  if (e instanceof InputErrors) {
    for (const err of e.errors)
      runner.error(err.message, {title: `imagegate: invalid ${err.field}`});
    runner.setFailed(
      `${e.errors.length} input problem${e.errors.length === 1 ? '' : 's'}; nothing was built or pushed`
    );
    return;
  }
  if (e instanceof InputError) {
    runner.setFailed(e.message);
    return;
  }
  runner.setFailed(withCauses(e));
  if (e instanceof Error && e.stack) runner.debug(e.stack);
}

/** `message: cause: cause` so wrapped errors keep their detail in the one line users see. */
function withCauses(e: unknown): string {
  const parts = [errorMessage(e)];
  let cause = e instanceof Error ? e.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 5; depth++) {
    const m = errorMessage(cause);
    if (!parts.some(p => p.includes(m))) parts.push(m);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return parts.join(': ');
}
