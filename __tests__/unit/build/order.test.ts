import {baseImages, substitute} from '../../../shared/build/dockerfile.js';
import {imageLabels} from '../../../shared/build/labels.js';
import {checkAcyclic, dependencies} from '../../../shared/build/order.js';
import {schedule} from '../../../shared/build/scheduler.js';
import {parseContainerImages} from '../../../shared/model/container-images.js';

// prettier-ignore
test.each<[string, string, string[], string[]]>([
  ['plain FROM', 'FROM quay.io/org/base:1\nRUN x', [], ['quay.io/org/base:1']],
  ['ARG default', 'ARG BASE=quay.io/org/base\nFROM ${BASE}:latest', [], ['quay.io/org/base:latest']],
  ['build arg overrides the default', 'ARG BASE=a/b\nARG TAG=1\nFROM $BASE:${TAG}', ['BASE=quay.io/x/y'], ['quay.io/x/y:1']],
  ['${X:-default}', 'ARG V\nFROM org/app:${V:-dev}', [], ['org/app:dev']],
  ['stages, scratch, --platform, continuation, comments', '# c\nFROM --platform=$BUILDPLATFORM golang:1 AS build\nFROM scratch\nFROM build\nFROM \\\n  org/run:2 as final', [], ['golang:1', 'org/run:2']],
  ['ARG after FROM does not apply to FROM', 'FROM a/b:1\nARG X=zz\nFROM c/$X', [], ['a/b:1', 'c/']]
])('base images: %s', (_name, text, args, expected) => {
  expect(baseImages(text, args)).toEqual(expected);
});

test('substitute leaves unknown variables empty', () => {
  expect(substitute('${A}-$B-${C:+set}', new Map([['C', '1']]))).toBe('--set');
});

const images = parseContainerImages(
  '- {context: a, repository: quay.io/org/app}\n- {context: b, repository: quay.io/org/base, tags: [v1, latest]}\n- {context: c, repository: quay.io/org/tool}',
  {requireContext: true}
);
const tags = (i: (typeof images)[number]) => i.tags.flatMap(t => [t, `change_1_${t}`]);

test('dependencies match repository and tag (default latest), change tags too', () => {
  const deps = dependencies(
    images,
    [
      ['quay.io/org/base'],
      ['busybox:1'],
      ['quay.io/org/base:change_1_v1', 'quay.io/org/app:other']
    ],
    tags
  );
  expect(deps).toEqual([[1], [], [1]]);
  expect(() => checkAcyclic(images, deps)).not.toThrow();
});

test('a cycle is an error naming every image on it', () => {
  const deps = dependencies(
    images,
    [['quay.io/org/base:v1'], ['quay.io/org/tool'], ['quay.io/org/app']],
    tags
  );
  expect(() => checkAcyclic(images, deps)).toThrow(
    'container-images[0]: the images are built FROM each other in a cycle: container-images[0] (quay.io/org/app) → container-images[1] (quay.io/org/base) → container-images[2] (quay.io/org/tool) → container-images[0] (quay.io/org/app)'
  );
});

test('scheduler: dependencies first, limit respected, dependents of a failure skipped', async () => {
  let running = 0;
  let peak = 0;
  const order: number[] = [];
  const outcomes = await schedule([[], [], [0], [2], [1]], 2, async i => {
    running++;
    peak = Math.max(peak, running);
    await new Promise(r => setTimeout(r, 10));
    order.push(i);
    running--;
    if (i === 1) throw new Error('boom');
    return i;
  });
  expect(peak).toBe(2);
  expect(order.indexOf(0)).toBeLessThan(order.indexOf(2));
  expect(outcomes.map(o => o.status)).toEqual(['ok', 'failed', 'ok', 'ok', 'skipped']);
  expect(outcomes[4]).toEqual({status: 'skipped', because: 1});
});

test('user labels cannot override ours', () => {
  const {labels, overridden} = imageLabels(
    {team: 'a', 'dev.imagegate.source-tree': 'x'},
    {revision: 'r', sourceTree: 't', created: 'now', change: 7}
  );
  expect(labels).toEqual({
    team: 'a',
    'org.opencontainers.image.revision': 'r',
    'dev.imagegate.source-tree': 't',
    'org.opencontainers.image.created': 'now',
    'dev.imagegate.change': '7'
  });
  expect(overridden).toEqual(['dev.imagegate.source-tree']);
});
