import {cpSync, mkdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';

/** The folder inside a context that receives sibling checkouts (Zuul's `.zuul-siblings`). */
export const SIBLINGS_DIR = '.imagegate-siblings';
/** The build arg that lists the copied siblings, space-separated (Zuul's `ZUUL_SIBLINGS`). */
export const SIBLINGS_BUILD_ARG = 'IMAGEGATE_SIBLINGS';

/**
 * Copy each sibling (a path relative to the workspace) to `<context>/.imagegate-siblings/<path>`.
 * Returns the build arg to add. The caller has checked that the folder did not exist.
 */
export function copySiblings(
  workspace: string,
  contextDir: string,
  siblings: readonly string[]
): string {
  const target = join(contextDir, SIBLINGS_DIR);
  mkdirSync(target, {recursive: true, mode: 0o755});
  for (const sibling of siblings) {
    cpSync(join(workspace, sibling), join(target, sibling), {
      recursive: true,
      verbatimSymlinks: true
    });
  }
  return `${SIBLINGS_BUILD_ARG}=${siblings.join(' ')}`;
}

/** Remove the siblings folder; called after every build, also a failed one. */
export function removeSiblings(contextDir: string): void {
  rmSync(join(contextDir, SIBLINGS_DIR), {recursive: true, force: true});
}
