import {jest} from '@jest/globals';
import {mkdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {
  type CacheModule,
  cacheBackend,
  directoryBackend,
  shareKeys
} from '../../../shared/buildset/share.js';
import {makeRunTempDir} from '../../support/run-dir.js';

describe('sharing the registry storage', () => {
  it('keys by run and attempt and restores from earlier attempts of the run', () => {
    expect(shareKeys('99', '2')).toEqual({
      key: 'imagegate-buildset-99-2',
      prefixes: ['imagegate-buildset-99-']
    });
  });

  it('calls @actions/cache with the storage directory and the keys', async () => {
    const cache = {
      saveCache: jest.fn<CacheModule['saveCache']>().mockResolvedValue(7),
      restoreCache: jest.fn<CacheModule['restoreCache']>().mockResolvedValue('k-1')
    };
    const backend = cacheBackend(cache);
    expect(await backend.save('/t/storage', 'k-2')).toBe(true);
    expect(cache.saveCache).toHaveBeenCalledWith(['/t/storage'], 'k-2');
    expect(await backend.restore('/t/storage', 'k-2', ['k-'])).toBe('k-1');
    expect(cache.restoreCache).toHaveBeenCalledWith(['/t/storage'], 'k-2', ['k-']);
  });

  it('treats an existing cache entry as already saved, and rethrows other errors', async () => {
    const reserve = Object.assign(new Error('exists'), {name: 'ReserveCacheError'});
    const cache = {
      saveCache: jest.fn<CacheModule['saveCache']>().mockRejectedValueOnce(reserve),
      restoreCache: jest.fn<CacheModule['restoreCache']>()
    };
    expect(await cacheBackend(cache).save('/d', 'k')).toBe(false);
    cache.saveCache.mockRejectedValueOnce(new Error('network'));
    await expect(cacheBackend(cache).save('/d', 'k')).rejects.toThrow('network');
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
