import {createHash} from 'node:crypto';
import {copyFile, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {type SystemFs} from '../system-fs.js';

/**
 * How a file is put back when someone else changed it after us (then restoring our backup would
 * drop their change): `json-auth` removes our `auths` entry, `json-mirror` our registry mirror,
 * `owned` deletes the file (it only ever held our content).
 */
export type EditKind = 'owned' | 'json-auth' | 'json-mirror';

/** One file main changed: enough for post to restore it byte for byte. */
export interface FileEdit {
  readonly path: string;
  readonly kind: EditKind;
  /** Copy of the original bytes; absent when the file did not exist. */
  readonly backup?: string;
  /** Directories created for the file, outermost first; removed again if empty. */
  readonly createdDirs: readonly string[];
  /** sha256 of what we wrote, to see whether anyone changed the file since. */
  readonly written: string;
  /** The `auths` key or mirror URL we added (json-auth, json-mirror). */
  readonly key?: string;
  /** json-mirror: `registry-mirrors` did not exist before. */
  readonly addedList?: boolean;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Records every file edit so post can undo it; backups live in `backupDir`. */
export class FileEditJournal {
  readonly edits: FileEdit[] = [];

  constructor(
    private readonly fs: SystemFs,
    private readonly backupDir: string,
    existing: readonly FileEdit[] = [],
    private readonly onChange: (edits: readonly FileEdit[]) => void = () => undefined
  ) {
    this.edits.push(...existing);
  }

  /** The file's current text, or undefined when it does not exist. */
  async read(path: string): Promise<string | undefined> {
    return (await this.fs.readFile(path))?.toString('utf8');
  }

  /** Back up `path` (first edit only), then write `content` with `mode` for new files. */
  async write(
    path: string,
    content: string,
    kind: EditKind,
    extra: Pick<FileEdit, 'key' | 'addedList'> = {},
    mode = 0o644
  ): Promise<void> {
    const earlier = this.edits.findIndex(e => e.path === path);
    let edit: Omit<FileEdit, 'written'>;
    if (earlier !== -1) {
      edit = this.edits[earlier];
    } else {
      const createdDirs = await this.fs.mkdirp(dirname(path));
      let backup: string | undefined;
      const original = await this.fs.readFile(path);
      if (original !== undefined) {
        // Backups live in our own RUNNER_TEMP folder: written directly, whoever owns the file.
        await mkdir(this.backupDir, {recursive: true, mode: 0o700});
        backup = join(this.backupDir, `${this.edits.length}-${sha256(path).slice(0, 12)}`);
        // copyFile keeps the mode, which restoring a deleted file needs; a file we may not read
        // directly (sudo read it) keeps only its bytes.
        await copyFile(path, backup).catch(() =>
          writeFile(backup as string, original, {mode: 0o600})
        );
      }
      edit = {path, kind, createdDirs, ...(backup && {backup}), ...extra};
    }
    // Writing an existing file keeps its inode, owner and mode.
    await this.fs.writeFile(path, content, mode);
    const record = {...edit, written: sha256(content)};
    if (earlier !== -1) this.edits[earlier] = record;
    else this.edits.push(record);
    this.onChange(this.edits);
  }
}

/** Undo every edit, last first; returns the problems instead of stopping at the first. */
export async function restoreEdits(edits: readonly FileEdit[], fs: SystemFs): Promise<string[]> {
  const problems: string[] = [];
  for (const edit of [...edits].reverse()) {
    try {
      await restoreOne(edit, fs);
    } catch (e) {
      problems.push(`${edit.path}: ${(e as Error).message}`);
    }
  }
  return problems;
}

async function restoreOne(edit: FileEdit, fs: SystemFs): Promise<void> {
  const current = await fs.readFile(edit.path);
  if (current === undefined || sha256(current) === edit.written || edit.kind === 'owned') {
    // Rewriting an existing file keeps its inode, owner and mode; a deleted one is copied back.
    if (edit.backup && current !== undefined)
      await fs.writeFile(edit.path, await readFile(edit.backup));
    else if (edit.backup) await fs.copyFile(edit.backup, edit.path);
    else if (current !== undefined) await fs.unlink(edit.path);
  } else {
    // Changed by a later step: take out only what we added, keep theirs.
    const value = JSON.parse(current.toString('utf8')) as Record<string, unknown>;
    const left = edit.kind === 'json-auth' ? withoutAuth(value, edit) : withoutMirror(value, edit);
    await fs.writeFile(edit.path, `${JSON.stringify(left, null, '\t')}\n`);
  }
  if (edit.backup) await rm(edit.backup, {force: true});
  for (const dir of [...edit.createdDirs].reverse()) await fs.rmdir(dir).catch(() => undefined);
}

function withoutAuth(value: Record<string, unknown>, edit: FileEdit): Record<string, unknown> {
  const auths = {...(value.auths as Record<string, unknown> | undefined)};
  delete auths[edit.key ?? ''];
  return {...value, auths};
}

function withoutMirror(value: Record<string, unknown>, edit: FileEdit): Record<string, unknown> {
  const mirrors = (value['registry-mirrors'] as unknown[] | undefined) ?? [];
  const left = mirrors.filter(m => m !== edit.key);
  const rest = {...value};
  delete rest['registry-mirrors'];
  return left.length === 0 && edit.addedList ? rest : {...rest, 'registry-mirrors': left};
}
