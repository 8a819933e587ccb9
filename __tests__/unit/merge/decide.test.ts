/**
 * The merge's decision, from what the platform jobs recorded: complete or nothing. Pure (the
 * registry side runs in __tests__/integration/merge).
 */
import {decideMerge} from '../../../shared/merge/decide.js';
import {type MergePlan, planMerge} from '../../../shared/merge/plan.js';
import {type FoundImage, type PlatformLookup, UNREADABLE} from '../../../shared/merge/read.js';
import {parseContainerImages} from '../../../shared/model/container-images.js';
import {InputErrors} from '../../../shared/model/errors.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const CTX = {
  mode: 'tag' as const,
  identity: {change: 42, pipeline: 'gate', event: 'merge_group'},
  runId: '1',
  runAttempt: '1',
  platforms: ['linux/amd64', 'linux/arm64'],
  optionalPlatforms: ['linux/s390x']
};
const [plan] = planMerge(
  parseContainerImages(
    '- {repository: ghcr.io/acme/app, tags: [latest, "1.0"], arch: [linux/amd64, linux/arm64, linux/s390x]}',
    {requireContext: false}
  ),
  CTX
);

function image(
  platform: string,
  revision: string | undefined,
  source: FoundImage['source'] = 'record'
): PlatformLookup {
  const [os, architecture] = platform.split('/');
  return {
    kind: 'found',
    image: {
      platform,
      digest: `sha256:${platform.length}`,
      ...(revision && {revision}),
      os,
      architecture,
      source,
      ref: `ghcr.io/acme/app:change_42_latest.${platform.replace('/', '-')}`
    }
  };
}
const decide = (found: Record<string, PlatformLookup>, revision?: string) =>
  decideMerge(
    [plan],
    new Map<MergePlan, ReadonlyMap<string, PlatformLookup>>([
      [plan, new Map(Object.entries(found))]
    ]),
    revision
  );

test('the plan: change tags, record per platform, s390x optional', () => {
  expect(plan.targets.map(t => t.tag)).toEqual(['change_42_latest', 'change_42_1.0']);
  expect(plan.required).toEqual(['linux/amd64', 'linux/arm64']);
  expect(plan.optional).toEqual(['linux/s390x']);
  expect(plan.records.get('linux/arm64')).toBe('change_42_latest.linux-arm64');
});

test('every platform from one commit: merged; a missing optional one is a warning', () => {
  const verdict = decide({
    'linux/amd64': image('linux/amd64', A),
    'linux/arm64': image('linux/arm64', A)
  });
  expect(verdict.errors).toEqual([]);
  expect(verdict.revision).toBe(A);
  expect(verdict.decisions[0].members.map(m => m.platform)).toEqual(['linux/amd64', 'linux/arm64']);
  expect(verdict.decisions[0].missingOptional).toEqual(['linux/s390x']);
  expect(verdict.warnings[0]).toMatch(
    /optional platform linux\/s390x is missing; the index is written without it/
  );
});

test('a missing platform is named with its record', () => {
  const verdict = decide({'linux/amd64': image('linux/amd64', A)});
  expect(verdict.errors).toEqual([
    "container-images[0] (ghcr.io/acme/app:change_42_latest): missing platform linux/arm64: no record change_42_latest.linux-arm64 (did that platform's job run and succeed?)"
  ]);
});

test('platforms from two commits: both named; with the revision given, the stale one', () => {
  const found = {'linux/amd64': image('linux/amd64', A), 'linux/arm64': image('linux/arm64', B)};
  expect(decide(found).errors[0]).toBe(
    `the platform images were not built from the same commit: container-images[0] linux/amd64 from ${A}, container-images[0] linux/arm64 from ${B}`
  );
  expect(decide(found, B).errors).toEqual([
    `container-images[0] (ghcr.io/acme/app:change_42_latest): ghcr.io/acme/app:change_42_latest.linux-amd64 (linux/amd64) was built from ${A}, not ${B}`
  ]);
});

test('an image of the wrong platform and an index under a record are refused', () => {
  const wrong = image('linux/amd64', A);
  const errors = decide({
    'linux/arm64': wrong,
    'linux/amd64': {
      kind: 'unusable',
      ref: 'r:t',
      reason: 'is an index; a platform job records one image of one platform'
    }
  }).errors;
  expect(errors).toEqual([
    'container-images[0] (ghcr.io/acme/app:change_42_latest): r:t is an index; a platform job records one image of one platform',
    'container-images[0] (ghcr.io/acme/app:change_42_latest): ghcr.io/acme/app:change_42_latest.linux-amd64 is recorded for linux/arm64 but is a linux/amd64 image'
  ]);
});

test('a platform found only in an index from another commit counts as missing', () => {
  const verdict = decide({
    'linux/amd64': image('linux/amd64', A),
    'linux/arm64': image('linux/arm64', B, 'index')
  });
  expect(verdict.errors[0]).toMatch(
    /missing platform linux\/arm64 \(the index under .* holds one built from b{40}\)/
  );
  // From the same commit (a merge interrupted after removing that record): merged.
  expect(
    decide({
      'linux/amd64': image('linux/amd64', A),
      'linux/arm64': image('linux/arm64', A, 'index')
    }).errors
  ).toEqual([]);
});

test("an entry without arch needs the merge's platforms", () => {
  const list = parseContainerImages('- {repository: ghcr.io/acme/tool}', {requireContext: false});
  expect(planMerge(list, CTX)[0].required).toEqual(['linux/amd64', 'linux/arm64']);
  expect(() => planMerge(list, {...CTX, platforms: []})).toThrow(InputErrors);
  expect(() => planMerge(list, {...CTX, platforms: []})).toThrow(
    /container-images\[0\]\.arch: names no platform/
  );
});

test('release and buildset merges write the final tags', () => {
  const list = parseContainerImages(
    '- {repository: ghcr.io/acme/app, tags: ["1.0"], arch: [linux/amd64]}',
    {requireContext: false}
  );
  expect(
    planMerge(list, {...CTX, mode: 'release', identity: {pipeline: 'release', event: 'release'}})[0]
  ).toMatchObject({
    repository: {registry: 'ghcr.io', repository: 'acme/app'},
    targets: [{tag: '1.0'}],
    records: new Map([['linux/amd64', 'release_1.0.linux-amd64']])
  });
  expect(
    planMerge(list, {...CTX, mode: 'buildset', buildsetRegistry: '10.0.0.1:5000'})[0]
  ).toMatchObject({
    repository: {registry: '10.0.0.1:5000', repository: 'ghcr.io/acme/app'},
    targets: [{tag: '1.0'}]
  });
});

test('a revision label that is not a commit id is refused, and never printed as served', () => {
  const errors = decide({
    'linux/amd64': image('linux/amd64', A),
    'linux/arm64': image('linux/arm64', UNREADABLE)
  }).errors;
  expect(errors).toEqual([
    'container-images[0] (ghcr.io/acme/app:change_42_latest): ghcr.io/acme/app:change_42_latest.linux-arm64 (linux/arm64) has a revision label that is not a commit id'
  ]);
});
