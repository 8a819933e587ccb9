/**
 * dockerd's API socket, asked directly on the start-up's critical path (the read-only twin's
 * exec, the SIGHUP wait): against the real dockerd, and the answers that send callers back to
 * the docker CLI.
 */
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {
  dockerSocket,
  execDetached,
  liveMirrors
} from '../../../shared/buildset/start/docker-socket.js';
import {REGISTRY_IMAGE} from './support.js';

const socket = dockerSocket(process.env) as string;

test('the socket follows DOCKER_HOST; a remote daemon has none', () => {
  expect(dockerSocket({})).toBe('/var/run/docker.sock');
  expect(dockerSocket({DOCKER_HOST: 'unix:///run/user/1000/docker.sock'})).toBe(
    '/run/user/1000/docker.sock'
  );
  expect(dockerSocket({DOCKER_HOST: 'tcp://10.0.0.1:2376'})).toBeUndefined();
});

test('live mirrors come from the real dockerd; no socket, no answer', async () => {
  expect(Array.isArray(await liveMirrors(socket))).toBe(true);
  expect(await liveMirrors('/nonexistent/docker.sock')).toBeUndefined();
});

test('exec --detach runs in the real container; a missing container or socket says false', async () => {
  const name = `imagegate-socket-${randomBytes(3).toString('hex')}`;
  execFileSync('docker', ['run', '--detach', '--name', name, REGISTRY_IMAGE]);
  try {
    expect(await execDetached(socket, name, ['registry', '--version'])).toBe(true);
    expect(await execDetached(socket, `${name}-gone`, ['registry', '--version'])).toBe(false);
    expect(await execDetached('/nonexistent/docker.sock', name, ['true'])).toBe(false);
  } finally {
    execFileSync('docker', ['rm', '--force', name]);
  }
}, 60_000);
