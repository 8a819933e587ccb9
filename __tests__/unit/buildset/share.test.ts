import {mkdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
// The Actions cache backend runs against the real @actions/cache in
// __tests__/integration/buildset/share.test.ts.
import {directoryBackend, shareKeys} from '../../../shared/buildset/share/share.js';
import {makeRunTempDir} from '../../support/run-dir.js';

describe('sharing the registry storage', () => {
  it('keys by run and attempt and restores from earlier attempts of the run', () => {
    expect(shareKeys('99', '2')).toEqual({
      key: 'imagegate-buildset-99-2',
      prefixes: ['imagegate-buildset-99-']
    });
  });

  it('saves to and restores from a directory, newest matching entry first', async () => {
    const root = makeRunTempDir('share');
    const src = join(root, 'src');
    mkdirSync(join(src, 'docker'), {recursive: true});
    writeFileSync(join(src, 'docker/blob'), 'one');
    const backend = directoryBackend(join(root, 'cache'));
    expect(await backend.save(src, 'run-1-1')).toBe(true);
    expect(await backend.save(src, 'run-1-1')).toBe(false);
    writeFileSync(join(src, 'docker/blob'), 'two');
    await backend.save(src, 'run-1-2');
    utimesSync(join(root, 'cache/run-1-1'), new Date(0), new Date(0));

    const dest = join(root, 'dest');
    expect(await backend.restore(dest, 'run-1-3', ['run-1-'])).toBe('run-1-2');
    expect(readFileSync(join(dest, 'docker/blob'), 'utf8')).toBe('two');
    expect(await backend.restore(join(root, 'd2'), 'run-1-1', ['run-1-'])).toBe('run-1-1');
    expect(await backend.restore(join(root, 'd3'), 'other', ['other-'])).toBeUndefined();
  });
});
