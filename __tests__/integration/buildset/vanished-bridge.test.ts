/**
 * A container bridge that goes away between reading the host's addresses and starting the
 * registry (podman removes its bridge when its last container stops) must not fail the start:
 * the registry starts on the addresses still there. 192.0.2.1 (a documentation address, on no
 * interface) stands for the vanished bridge, so dockerd refuses to bind it as it did the bridge.
 */
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {prepareRegistry} from '../../../shared/buildset/start/start.js';
import {removeContainer} from '../../../shared/buildset/start/container.js';
import {ProcessRunner} from '../../../shared/engine/process-runner.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {REGISTRY_IMAGE, testDeps} from './support.js';

test('the registry starts on the addresses left when a bridge vanished before its start', async () => {
  const root = makeRunTempDir('vanished-bridge');
  let reads = 0;
  // The first read (certificate, --publish) still sees the bridge; later reads do not.
  const addresses = () => (reads++ === 0 ? ['192.0.2.1'] : []);
  const deps = {...testDeps(root, new Map()), addresses};
  const names: string[] = [];
  try {
    const prepared = await prepareRegistry(deps, {
      rootDir: join(root, 'registry'),
      storageDir: join(root, 'storage'),
      image: REGISTRY_IMAGE,
      engine: 'docker',
      withMirror: false,
      onContainer: (name: string) => names.push(name)
    });
    await prepared.launch();
    const [name] = names;
    const bindings = JSON.parse(
      execFileSync('docker', ['inspect', '--format', '{{json .HostConfig.PortBindings}}', name], {
        encoding: 'utf8'
      })
    ) as Record<string, {HostIp: string}[]>;
    expect(
      Object.values(bindings)
        .flat()
        .map(b => b.HostIp)
    ).toEqual(['127.0.0.1']);
    expect(reads).toBe(2);
  } finally {
    for (const name of names) await removeContainer(new ProcessRunner(), 'docker', name);
  }
}, 60_000);
