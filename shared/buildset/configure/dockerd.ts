import {spawn} from 'node:child_process';
import {existsSync, openSync, closeSync} from 'node:fs';
import {readFile, readlink} from 'node:fs/promises';
import {setTimeout as sleep} from 'node:timers/promises';
import {type CommandRunner} from '../../engine/command.js';
import {dockerSocket, liveMirrors} from '../start/docker-socket.js';

/** Reloading and restarting dockerd, injected so tests can watch instead of signalling. */
export interface DockerDaemon {
  /**
   * SIGHUP: dockerd re-reads daemon.json; enough for `docker pull` and the legacy builder. With
   * `until`, waits until `docker info` lists the mirror (or no longer does): reloads are
   * asynchronous.
   */
  reload(until?: MirrorWait): Promise<void>;
  /** A full restart, which BuildKit's `FROM` needs to see new mirrors; waits until it answers. */
  restart(): Promise<void>;
}

/** A mirror URL that must appear in (or disappear from) dockerd's live configuration. */
export interface MirrorWait {
  readonly mirror: string;
  readonly present: boolean;
}

const STOP_TIMEOUT_MS = 60_000;
const START_TIMEOUT_MS = 60_000;

/**
 * The machine's dockerd: pid from its pid file; restart through systemd where docker is a
 * systemd service (GitHub's runners), else by re-executing the same command line with the same
 * output file (a dockerd started by hand, as on the project's CI machines).
 */
export class SystemDockerDaemon implements DockerDaemon {
  constructor(
    private readonly runner: CommandRunner,
    private readonly pidFile = '/var/run/docker.pid',
    private readonly docker = 'docker',
    /** The daemon's API socket, asked for its live mirrors; undefined: `docker info`. */
    private readonly socket: string | undefined = dockerSocket(process.env)
  ) {}

  async reload(until?: MirrorWait): Promise<void> {
    const pid = await this.pid();
    try {
      process.kill(pid, 'SIGHUP');
    } catch (e) {
      // dockerd runs as root; a non-root runner (GitHub-hosted) signals it through sudo.
      if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
      const result = await this.runner.run({
        command: 'sudo',
        args: ['-n', 'kill', '-HUP', String(pid)]
      });
      if (result.code !== 0)
        throw new Error(`sudo -n kill -HUP ${pid} failed: ${result.stderr.trim()}`);
    }
    if (!until) return;
    const mirror = until.mirror.replace(/\/*$/, '');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      // dockerd normalises mirrors with a trailing slash.
      const live = await this.mirrors();
      if (live !== undefined && live.some(m => m.replace(/\/*$/, '') === mirror) === until.present)
        return;
      await sleep(10);
    }
    const what = until.present ? 'pick up' : 'drop';
    throw new Error(`dockerd did not ${what} the registry mirror ${mirror} after SIGHUP`);
  }

  async restart(): Promise<void> {
    if (await this.systemdManaged()) {
      const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
      const argv = [...sudo, 'systemctl', 'restart', 'docker'];
      const result = await this.runner.run({command: argv[0], args: argv.slice(1)});
      if (result.code !== 0) throw new Error(`systemctl restart docker failed: ${result.stderr}`);
    } else {
      await this.reexec(await this.pid());
    }
    await this.waitUntilUp();
  }

  /**
   * The daemon's live mirrors: from the API socket of the daemon we signal (the reload is
   * applied within milliseconds, and asking the socket costs as little), else from `docker info`.
   */
  private async mirrors(): Promise<string[] | undefined> {
    if (this.socket) {
      const live = await liveMirrors(this.socket);
      if (live !== undefined) return live;
    }
    const args = ['info', '--format', '{{json .RegistryConfig.Mirrors}}'];
    const result = await this.runner.run({command: this.docker, args});
    if (result.code !== 0) return undefined;
    try {
      const value: unknown = JSON.parse(result.stdout.trim() || 'null');
      return Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : [];
    } catch {
      return undefined;
    }
  }

  private async pid(): Promise<number> {
    const pid = Number((await readFile(this.pidFile, 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${this.pidFile} holds no pid`);
    return pid;
  }

  private async systemdManaged(): Promise<boolean> {
    if (!existsSync('/run/systemd/system')) return false;
    const result = await this.runner.run({
      command: 'systemctl',
      args: ['is-active', '--quiet', 'docker']
    });
    return result.code === 0;
  }

  private async reexec(pid: number): Promise<void> {
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(a => a);
    // argv[0] may be a bare name resolved through a PATH this process does not have.
    argv[0] = await readlink(`/proc/${pid}/exe`).catch(() => argv[0]);
    // Keep appending to wherever the running daemon logs (a file, or nowhere).
    const out = await readlink(`/proc/${pid}/fd/1`).catch(() => '/dev/null');
    const logFile = out.startsWith('/') && existsSync(out) ? out : '/dev/null';
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (existsSync(`/proc/${pid}`) && Date.now() < deadline) await sleep(100);
    if (existsSync(`/proc/${pid}`)) throw new Error(`dockerd (pid ${pid}) did not stop`);
    const fd = openSync(logFile, 'a');
    try {
      const child = spawn(argv[0], argv.slice(1), {detached: true, stdio: ['ignore', fd, fd]});
      child.on('error', () => undefined);
      child.unref();
    } finally {
      closeSync(fd);
    }
  }

  private async waitUntilUp(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const result = await this.runner.run({command: this.docker, args: ['version']});
      if (result.code === 0 && result.stdout.includes('Server')) return;
      await sleep(100);
    }
    throw new Error('dockerd did not come back after the restart');
  }
}
