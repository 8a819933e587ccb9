/**
 * A container bridge that goes away between reading the host's addresses and starting the
 * registry (podman removes its bridge when its last container stops) must not fail the start:
 * the registry starts on the addresses still there. 192.0.2.1 (a documentation address, on no
 * interface) stands for the vanished bridge, so dockerd refuses to bind it as it did the bridge.
 */
import {makeRunTempDir} from '../../support/run-dir.js';
import {publishedHostIps, testDeps, withLaunchedRegistry} from './support.js';

test('the registry starts on the addresses left when a bridge vanished before its start', async () => {
  const root = makeRunTempDir('vanished-bridge');
  let reads = 0;
  // The first read (certificate, --publish) still sees the bridge; later reads do not.
  const addresses = () => (reads++ === 0 ? ['192.0.2.1'] : []);
  const deps = {...testDeps(root, new Map()), addresses};
  await withLaunchedRegistry(deps, root, false, ([name]) => {
    expect(publishedHostIps(name)).toEqual(['127.0.0.1']);
    expect(reads).toBe(2);
  });
}, 60_000);
