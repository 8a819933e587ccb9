/**
 * Tag lists that span several pages: a spec-style paging proxy (100 tags a page) in front of a
 * real registry, since distribution 2.8 itself never pages.
 */
import {Registry} from '../../../shared/registry/index.js';
import {pushTestImage} from '../../support/images.js';
import {type PagingProxy, startPagingProxy} from '../../support/paging-proxy.js';
import {putTags} from '../../support/raw-registry.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';

let reg: TestRegistry;
let relative: PagingProxy;
let absolute: PagingProxy;
const TAGS = Array.from({length: 260}, (_, i) => `t-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  reg = await startRegistry('plain');
  const image = await pushTestImage(reg, 'team/paged', 'latest', {seed: 'paged'});
  await putTags(reg, 'team/paged', image.digest, TAGS);
  [relative, absolute] = await Promise.all([
    startPagingProxy({target: reg.host}),
    startPagingProxy({target: reg.host, absoluteLinks: true})
  ]);
});
afterAll(async () => {
  await Promise.all([relative?.stop(), absolute?.stop()]);
  await reg?.stop();
});

test.each([
  ['relative', () => relative],
  ['absolute', () => absolute]
])('listTags follows %s next links to the last page', async (_kind, proxy) => {
  const engine = new Registry();
  try {
    const tags = await engine.listTags({registry: proxy().host, repository: 'team/paged'});
    expect(tags).toEqual(['latest', ...TAGS]);
    expect(proxy().pages).toHaveLength(3);
  } finally {
    engine.close();
  }
});
