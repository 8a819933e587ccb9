import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {changedTags, snapshotTags} from '../../../shared/buildset/publish/snapshot.js';
import {makeRunTempDir} from '../../support/run-dir.js';

function tag(storage: string, repo: string, name: string, digest: string): void {
  const dir = join(
    storage,
    'docker/registry/v2/repositories',
    repo,
    '_manifests/tags',
    name,
    'current'
  );
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, 'link'), digest);
}

describe('tag snapshots of the registry storage', () => {
  it('lists nested repositories and reports new and moved tags only', async () => {
    const storage = makeRunTempDir('snapshot');
    const d = (c: string) => `sha256:${c.repeat(64)}`;
    expect(await snapshotTags(storage)).toEqual({});
    tag(storage, 'org/app', 'v1', d('a'));
    tag(storage, 'quay.io/org/tool', 'latest', d('b'));
    const before = await snapshotTags(storage);
    expect(before).toEqual({'org/app:v1': d('a'), 'quay.io/org/tool:latest': d('b')});
    tag(storage, 'org/app', 'v1', d('c'));
    tag(storage, 'org/app', 'v2', d('a'));
    expect(changedTags(before, await snapshotTags(storage)).sort()).toEqual([
      ['org/app', 'v1', d('c')],
      ['org/app', 'v2', d('a')]
    ]);
  });
});
