/**
 * A real forward proxy, Debian's tinyproxy, on a free loopback port: what a self-hosted runner
 * behind a corporate proxy talks to. Its log records every request (`CONNECT host:port` for
 * HTTPS tunnels, `GET http://host/...` for plain HTTP), so a test can tell which traffic went
 * through it.
 */
import {spawn} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {makeRunTempDir, trackPid, untrackPid} from './run-dir.js';

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The request lines the proxy logged so far: `CONNECT 192.0.2.2:5000`, `GET http://...`. */
  requests(): string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  await new Promise(resolve => server.close(resolve));
  return port;
}

export async function startForwardProxy(): Promise<ForwardProxy> {
  const dir = makeRunTempDir('tinyproxy');
  const port = await freePort();
  const config = join(dir, 'tinyproxy.conf');
  const log = join(dir, 'tinyproxy.log');
  writeFileSync(log, '');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 60',
      `LogFile "${log}"`,
      'LogLevel Connect',
      'MaxClients 50',
      'Allow 127.0.0.1',
      'DisableViaHeader Yes',
      ''
    ].join('\n')
  );
  const child = spawn('tinyproxy', ['-d', '-c', config], {stdio: 'ignore'});
  child.on('error', () => undefined);
  if (child.pid === undefined) throw new Error('cannot start tinyproxy (is it installed?)');
  trackPid(child.pid, config);
  child.once('exit', () => untrackPid(child.pid!));
  const requests = (): string[] =>
    readFileSync(log, 'utf8')
      .split('\n')
      .flatMap(line => {
        const m = /Request \(file descriptor \d+\): (\S+ \S+)/.exec(line);
        return m ? [m[1]] : [];
      });
  for (let i = 0; i < 100; i++) {
    if (readFileSync(log, 'utf8').includes('listening') || (await canConnect(port))) break;
    await sleep(20);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise(resolve =>
        child.exitCode !== null ? resolve(0) : child.once('exit', resolve)
      );
    }
  };
}

async function canConnect(port: number): Promise<boolean> {
  const {connect} = await import('node:net');
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
