import {existsSync} from 'node:fs';
import {copyFile, mkdir, readFile, rmdir, unlink, writeFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {type Command, type CommandRunner} from '../engine/command.js';

/**
 * File operations on machine-wide paths (/etc/docker, /etc/containers). Done directly when the
 * process may; otherwise — a non-root user, as on GitHub-hosted runners, where the `runner` user
 * has passwordless sudo — through `sudo -n` with argv only (content goes through stdin).
 */
export interface SystemFs {
  readFile(path: string): Promise<Buffer | undefined>;
  writeFile(path: string, content: string | Buffer, mode?: number): Promise<void>;
  /** mkdir -p; returns the directories it created, outermost first. */
  mkdirp(dir: string): Promise<string[]>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
}

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The SystemFs for this process: sudo is tried only after a permission error, and never as root. */
export function systemFs(runner: CommandRunner, isRoot = process.getuid?.() === 0): SystemFs {
  const sudo = async (args: string[], input?: string): Promise<string> => {
    const command: Command = {
      command: 'sudo',
      args: ['-n', ...args],
      ...(input !== undefined && {input})
    };
    const result = await runner.run(command);
    if (result.code !== 0) {
      throw new Error(`sudo -n ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
    }
    return result.stdout;
  };
  const orSudo = async <T>(direct: () => Promise<T>, privileged: () => Promise<T>): Promise<T> => {
    try {
      return await direct();
    } catch (e) {
      if (isRoot || !DENIED.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      return privileged();
    }
  };
  return {
    readFile: path =>
      existsSync(path)
        ? orSudo(
            () => readFile(path),
            async () => Buffer.from(await sudo(['cat', '--', path]))
          )
        : Promise.resolve(undefined),
    writeFile: (path, content, mode = 0o644) =>
      orSudo(
        () => writeFile(path, content, {mode}),
        async () => {
          const isNew = !existsSync(path);
          // dd rather than tee: nothing (an auth entry, say) is echoed back.
          await sudo(['dd', `of=${path}`, 'status=none'], content.toString());
          if (isNew) await sudo(['chmod', mode.toString(8), '--', path]);
        }
      ),
    mkdirp: async dir => {
      const missing: string[] = [];
      for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
      if (missing.length > 0) {
        await orSudo(
          () => mkdir(dir, {recursive: true}).then(() => undefined),
          () => sudo(['mkdir', '-p', '--', dir]).then(() => undefined)
        );
      }
      return missing;
    },
    copyFile: (from, to) =>
      orSudo(
        () => copyFile(from, to),
        () => sudo(['cp', '--', from, to]).then(() => undefined)
      ),
    unlink: path =>
      orSudo(
        () => unlink(path),
        () => sudo(['rm', '-f', '--', path]).then(() => undefined)
      ),
    rmdir: path =>
      orSudo(
        () => rmdir(path),
        () => sudo(['rmdir', '--', path]).then(() => undefined)
      )
  };
}
