/**
 * When may a final tag move from the image it holds to the merged commit's image? The compare
 * API answer and the image's revision label are passed in, as promote passes them.
 */
import {type Ancestry} from '../../../shared/github/changes.js';
import {type OrderOptions, checkOrder} from '../../../shared/promote/order.js';
import {type ManifestContent} from '../../../shared/registry/index.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const final = {registry: 'ghcr.io', repository: 'acme/app', tag: 'latest'};
const image: ManifestContent = {digest: 'sha256:1', mediaType: 'x', size: 1, kind: 'image'};

function options(
  over: Partial<OrderOptions> & {label?: string | null; ancestry?: Ancestry | Error} = {}
) {
  const warnings: string[] = [];
  const compared: string[] = [];
  const {
    label = OLD,
    ancestry,
    ...rest
  } = {ancestry: 'ahead' as Ancestry | Error | undefined, ...over};
  const opts: OrderOptions = {
    allowDowngrade: false,
    revision: NEW,
    revisionOf: async () => label ?? undefined,
    compare: async (base, head) => {
      compared.push(`${base}...${head}`);
      if (ancestry instanceof Error) throw ancestry;
      return ancestry;
    },
    warn: m => warnings.push(m),
    ...rest
  };
  return {opts, warnings, compared};
}

const check = (opts: OrderOptions, current: ManifestContent = image) =>
  checkOrder('container-images[0].tags[0]', final, current, opts);

test.each(['ahead', 'identical'] as const)('%s: the tag moves forward', async ancestry => {
  const {opts, compared} = options({ancestry});
  await expect(check(opts)).resolves.toBeUndefined();
  expect(compared).toEqual([`${OLD}...${NEW}`]);
});

test('the same commit needs no API call', async () => {
  const {opts, compared} = options({label: NEW});
  await expect(check(opts)).resolves.toBeUndefined();
  expect(compared).toEqual([]);
});

test.each(['empty-index', 'placeholder'] as const)(
  'a final tag on an %s holds no image: nothing to protect',
  async kind => {
    const {opts, compared} = options({label: null});
    await expect(check(opts, {...image, kind})).resolves.toBeUndefined();
    expect(compared).toEqual([]);
  }
);

// prettier-ignore
test.each([
  ['behind', {ancestry: 'behind' as const}, `ghcr.io/acme/app:latest holds an image of ${OLD}, which is newer than ${NEW} (the merged commit): promoting would move it back`],
  ['diverged', {ancestry: 'diverged' as const}, `${OLD} and ${NEW} have diverged (not one branch)`],
  ['an unknown commit', {ancestry: undefined}, `GitHub does not know ${OLD} or ${NEW}`],
  ['a failing API', {ancestry: new Error('HTTP 500')}, `comparing ${OLD}...${NEW} failed: HTTP 500`],
  ['no revision label', {label: null}, 'its image has no org.opencontainers.image.revision label'],
  ['no merged commit', {revision: undefined}, 'the merged commit is unknown'],
  ['no GitHub API', {compare: undefined}, 'there is no GitHub API to compare commits with']
])('%s: refused, or a warning with allow-downgrade', async (_name, over, detail) => {
  const refused = options(over as Parameters<typeof options>[0]);
  await expect(check(refused.opts)).rejects.toThrow(detail);
  await expect(check(refused.opts)).rejects.toThrow(
    /^container-images\[0\]\.tags\[0\]: .*; set allow-downgrade: true to promote anyway$/
  );
  const allowed = options({...(over as Parameters<typeof options>[0]), allowDowngrade: true});
  await expect(check(allowed.opts)).resolves.toBeUndefined();
  expect(allowed.warnings).toEqual([
    expect.stringContaining(`${detail}; promoting anyway (allow-downgrade: true)`)
  ]);
});
