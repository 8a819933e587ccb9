/**
 * A platform job's builds (selectPlatforms), the build's base image (finalBaseImage) and what
 * `image inspect` says: pure functions, table-tested.
 */
import {finalBaseImage} from '../../../shared/build/dockerfile.js';
import {type ImagePlan} from '../../../shared/build/plan.js';
import {selectPlatforms} from '../../../shared/build/platform-plans.js';
import {parseInspect, savesOciLayout} from '../../../shared/engine/image-files.js';
import {parseContainerImages} from '../../../shared/model/container-images.js';
import {checkPlatformList, platformRecordTag} from '../../../shared/model/platform-records.js';

const IDENTITY = {change: 42, pipeline: 'gate', event: 'merge_group'};
const images = parseContainerImages(
  [
    '- {context: a, repository: quay.io/org/base, arch: [linux/amd64, linux/arm64]}',
    '- {context: b, repository: quay.io/org/app}',
    '- {context: c, repository: quay.io/org/x86, arch: [linux/amd64]}'
  ].join('\n'),
  {requireContext: true}
);
const plan = (i: number, dependsOn: number[] = []): ImagePlan => ({
  image: images[i],
  contextDir: `/ws/${i}`,
  dockerfile: `/ws/${i}/Dockerfile`,
  localTags: [
    `${images[i].repository.repository}:latest`,
    `${images[i].repository.repository}:change_42_latest`
  ],
  dependsOn
});
const plans = [plan(0), plan(1, [0]), plan(2)];

test('no platforms: the plans as they are', () => {
  expect(selectPlatforms(plans, [], IDENTITY)).toEqual({plans, excluded: []});
});

test('one platform: arch ∩ platforms, an entry without arch built for it, the rest left out', () => {
  const {plans: units, excluded} = selectPlatforms(plans, ['linux/arm64'], IDENTITY);
  expect(units.map(u => [u.image.field, u.platform, u.recordTag, u.dependsOn])).toEqual([
    ['container-images[0]', 'linux/arm64', 'change_42_latest.linux-arm64', []],
    ['container-images[1]', 'linux/arm64', 'change_42_latest.linux-arm64', [0]]
  ]);
  expect(units[0].localTags).toEqual(plans[0].localTags);
  expect(excluded.map(e => [e.image.field, e.reason])).toEqual([
    ['container-images[2]', 'its arch (linux/amd64) has none of platforms (linux/arm64)']
  ]);
});

test('several platforms in one job: a tag of its own per build, one platform after the other', () => {
  const {plans: units} = selectPlatforms(plans, ['linux/amd64', 'linux/arm64'], IDENTITY);
  expect(units.map(u => `${u.image.field} ${u.platform} ${u.dependsOn.join(',')}`)).toEqual([
    'container-images[0] linux/amd64 ',
    'container-images[1] linux/amd64 0',
    'container-images[2] linux/amd64 ',
    'container-images[0] linux/arm64 0,1,2',
    'container-images[1] linux/arm64 3,0,1,2'
  ]);
  expect(units[3].localTags).toEqual(['org/base:latest__linux-arm64', ...plans[0].localTags]);
});

test('an image FROM one that is not built for the platform in this job is an input error', () => {
  expect(() => selectPlatforms([plan(2), plan(1, [0])], ['linux/arm64'], IDENTITY)).toThrow(
    /container-images\[1\]\.arch: quay\.io\/org\/app is built for linux\/arm64 FROM container-images\[2\] \(quay\.io\/org\/x86\), which is not built for linux\/arm64/
  );
});

test('record tags: the temporary tag plus the platform; too long is an input error', () => {
  const [image] = parseContainerImages(`- {repository: a/b, tags: ["${'t'.repeat(110)}"]}`, {
    requireContext: false
  });
  expect(platformRecordTag({pipeline: 'release'}, images[0], 'linux/arm/v7')).toBe(
    'release_latest.linux-arm-v7'
  );
  expect(() => platformRecordTag(IDENTITY, image, 'linux/arm64')).toThrow(
    /container-images\[0\]\.tags\[0\]: the platform record tag .* would be 132 characters long; tags may have at most 128/
  );
  expect(() => checkPlatformList(['linux/amd64', 'arm64'], 'platforms')).toThrow(
    'platforms[1]: "arm64" is not a platform'
  );
});

// prettier-ignore
test.each<[string, string, string[], string | undefined, string | undefined]>([
  ['the last stage', 'FROM a/b:1 AS build\nFROM c/d:2', [], undefined, 'c/d:2'],
  ['through stage names', 'ARG B=x/y\nFROM ${B}:3 AS base\nFROM base AS final', [], undefined, 'x/y:3'],
  ['the target stage', 'FROM a/b:1 AS runtime\nFROM runtime AS debug\nFROM scratch', [], 'runtime', 'a/b:1'],
  ['scratch', 'FROM scratch\nCOPY x /', [], undefined, undefined],
  ['build args', 'ARG BASE=unset\nFROM $BASE:latest', ['BASE=r/base'], undefined, 'r/base:latest']
])('base image: %s', (_name, text, args, target, expected) => {
  expect(finalBaseImage(text, args, target)).toBe(expected);
});

test('image inspect: id with or without the sha256: prefix, the repository digest preferred', () => {
  const hex = 'a'.repeat(64);
  expect(
    parseInspect(
      `${hex}|other/x@sha256:${'b'.repeat(64)},r/base@sha256:${'c'.repeat(64)}\n`,
      'r/base'
    )
  ).toEqual({
    imageId: `sha256:${hex}`,
    digest: `sha256:${'c'.repeat(64)}`
  });
  expect(parseInspect(`sha256:${hex}|`, 'r/base')).toEqual({imageId: `sha256:${hex}`});
  expect(savesOciLayout('20.10.24+dfsg1')).toBe(false);
  expect(savesOciLayout('25.0.3')).toBe(true);
});
