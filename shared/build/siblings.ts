import {constants} from 'node:fs';
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  symlink,
  utimes
} from 'node:fs/promises';
import {isAbsolute, join, relative, resolve, sep} from 'node:path';

/** The folder inside a context that receives sibling checkouts (Zuul's `.zuul-siblings`). */
export const SIBLINGS_DIR = '.imagegate-siblings';
/** The build arg that lists the copied siblings, space-separated (Zuul's `ZUUL_SIBLINGS`). */
export const SIBLINGS_BUILD_ARG = 'IMAGEGATE_SIBLINGS';

/** What a build with siblings runs in, instead of the checkout. */
export interface SiblingsContext {
  /** The directory the engine runs in (the context's place in the per-build copy). */
  readonly cwd: string;
  /** `-f`: unchanged when the Dockerfile was copied along, else its absolute path. */
  readonly file?: string;
  /** `IMAGEGATE_SIBLINGS=<path> <path>`. */
  readonly buildArg: string;
  /** Set when the siblings folder lies outside the build context, so the build cannot see it. */
  readonly outsideContext?: boolean;
  /** Remove the per-build copy; called after the build, also a failed one. */
  readonly remove: () => Promise<void>;
}

export interface SiblingsRequest {
  /** Siblings are paths relative to the workspace. */
  readonly workspace: string;
  /** The image's context directory (absolute). */
  readonly contextDir: string;
  /** The build-context argument, relative to the context directory (`path`). */
  readonly contextPath: string;
  /** `-f`, relative to the context directory, when one is configured. */
  readonly file?: string;
  readonly siblings: readonly string[];
  /** Where the per-build copy goes (RUNNER_TEMP); never inside what is copied. */
  readonly scratchDir: string;
}

/**
 * Give one build its own `<context>/.imagegate-siblings/<path>` for each sibling, without
 * touching the checkout: the build context (`<context>/<path>`) is copied for this build alone,
 * hard-linked file by file where the filesystem allows (no bytes copied), and the siblings are
 * added to the copy. Images that share a context and build in parallel therefore each see
 * exactly their own siblings, and an interrupted build leaves nothing in the checkout. When the
 * build context does not contain the context directory, the siblings folder could not be seen
 * by the build anyway: nothing is copied and `outsideContext` says so.
 */
export async function prepareSiblings(req: SiblingsRequest): Promise<SiblingsContext> {
  const buildArg = `${SIBLINGS_BUILD_ARG}=${req.siblings.join(' ')}`;
  const buildContext = resolve(req.contextDir, req.contextPath);
  const contextInCopy = relative(buildContext, req.contextDir);
  if (!isInside(contextInCopy)) {
    return {
      cwd: req.contextDir,
      ...(req.file !== undefined && {file: req.file}),
      buildArg,
      outsideContext: true,
      remove: async () => undefined
    };
  }
  await mkdir(req.scratchDir, {recursive: true});
  const root = await mkdtemp(join(req.scratchDir, 'imagegate-context-'));
  const remove = () => rm(root, {recursive: true, force: true});
  try {
    const copy = join(root, 'context');
    await linkTree(buildContext, copy, root);
    const cwd = join(copy, contextInCopy);
    const target = join(cwd, SIBLINGS_DIR);
    await mkdir(target, {recursive: true, mode: 0o755});
    for (const sibling of req.siblings) {
      const dest = join(target, sibling);
      await mkdir(join(dest, '..'), {recursive: true, mode: 0o755});
      await linkTree(join(req.workspace, sibling), dest, root);
    }
    let file = req.file;
    if (file !== undefined) {
      const dockerfile = resolve(req.contextDir, file);
      // A Dockerfile outside the build context was not copied: the engine reads the original.
      if (!isInside(relative(buildContext, dockerfile))) file = dockerfile;
    }
    return {cwd, ...(file !== undefined && {file}), buildArg, remove};
  } catch (e) {
    await remove();
    throw e;
  }
}

function isInside(rel: string): boolean {
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Recreate `from` at `to`: directories with their modes, symbolic links verbatim (engines send
 * the link, never its target), regular files hard-linked, or copied with mode and times where
 * a hard link is impossible (another filesystem, a file we may not link). `skip` (the copy's
 * own root) is never descended into, so a scratch directory inside the context cannot recurse.
 * Sockets, pipes and devices are left out: no engine sends them.
 */
export async function linkTree(from: string, to: string, skip: string): Promise<void> {
  const stat = await lstat(from);
  if (stat.isSymbolicLink()) {
    await symlink(await readlink(from), to);
    return;
  }
  if (stat.isFile()) {
    await linkOrCopy(from, to);
    return;
  }
  if (!stat.isDirectory() || resolve(from) === resolve(skip)) return;
  await mkdir(to, {mode: 0o700});
  for (const entry of await readdir(from)) {
    await linkTree(join(from, entry), join(to, entry), skip);
  }
  await chmod(to, stat.mode & 0o7777);
  await utimes(to, stat.atime, stat.mtime);
}

const COPY_INSTEAD = new Set(['EXDEV', 'EPERM', 'EACCES', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (e) {
    if (!COPY_INSTEAD.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    const stat = await lstat(from);
    await copyFile(from, to, constants.COPYFILE_FICLONE);
    await chmod(to, stat.mode & 0o7777);
    await utimes(to, stat.atime, stat.mtime);
  }
}
