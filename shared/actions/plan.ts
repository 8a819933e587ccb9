import * as core from '@actions/core';

/** Print a plan (what a step would do) as one group, and return it for outputs and tests. */
export function printPlan(title: string, lines: readonly string[]): readonly string[] {
  core.startGroup(title);
  for (const line of lines) core.info(line);
  core.endGroup();
  return lines;
}

/** Say clearly that the validated inputs were accepted but the step itself is not there yet. */
export function notImplementedYet(action: string): void {
  core.notice(
    `imagegate ${action}: inputs are valid; the ${action} step itself is not implemented yet, so nothing was changed`
  );
}
