import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {
  changeFromEvent,
  changeTag,
  changeUrl,
  mergeQueueChange
} from '../../../shared/model/change.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/events');
const payload = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

// prettier-ignore
const EVENTS: Array<[string, string, object]> = [
  ['pull_request', 'pull_request.opened.json', {change: 42, pipeline: 'check'}],
  ['pull_request', 'pull_request.closed-merged.json', {change: 42, pipeline: 'check'}],
  ['pull_request_target', 'pull_request_target.synchronize.json', {change: 1234, pipeline: 'check'}],
  ['merge_group', 'merge_group.checks_requested.json', {change: 42, pipeline: 'gate'}],
  ['merge_group', 'merge_group.base-with-pr-name.json', {change: 77, pipeline: 'gate'}],
  ['push', 'push.branch.json', {change: undefined, pipeline: 'post'}],
  ['push', 'push.tag.json', {change: undefined, pipeline: 'tag'}],
  ['release', 'release.published.json', {change: undefined, pipeline: 'release'}],
  ['schedule', 'schedule.json', {change: undefined, pipeline: 'periodic'}],
  ['workflow_dispatch', 'workflow_dispatch.json', {change: undefined, pipeline: 'manual'}]
];

describe('changeFromEvent', () => {
  test.each(EVENTS)('%s (%s)', (eventName, file, expected) => {
    const identity = changeFromEvent({eventName, payload: payload(file)});
    const {change, ...rest} = expected as {change?: number};
    expect(identity).toMatchObject({...rest, event: eventName});
    expect(identity.change).toBe(change);
  });

  test('the change input overrides the event', () => {
    const identity = changeFromEvent({
      eventName: 'push',
      payload: payload('push.branch.json'),
      changeInput: '#314'
    });
    expect(identity.change).toBe(314);
  });

  test('the pipeline input overrides the derived pipeline', () => {
    const identity = changeFromEvent({eventName: 'release', payload: {}, pipelineInput: 'nightly'});
    expect(identity.pipeline).toBe('nightly');
  });

  test.each([
    ['change', {changeInput: 'abc'}, 'change: "abc" is not a pull request number'],
    ['change', {changeInput: '0'}, 'change: "0" is not a pull request number'],
    ['change', {changeInput: '-3'}, 'change: "-3" is not a pull request number'],
    ['pipeline', {pipelineInput: 'Gate!'}, 'pipeline: "Gate!" is not a valid pipeline name']
  ])('rejects a bad %s override', (_field, override, message) => {
    expect(() => changeFromEvent({eventName: 'push', payload: {}, ...override})).toThrow(message);
  });
});

test('the change URL follows one rule for every event, merge_group and the change input too', () => {
  expect(changeUrl('https://github.com', 'acme/app', 42)).toBe(
    'https://github.com/acme/app/pull/42'
  );
  expect(changeUrl('https://ghe.example', 'acme/app', 7)).toBe(
    'https://ghe.example/acme/app/pull/7'
  );
  expect(changeUrl('https://github.com', 'acme/app', undefined)).toBeUndefined();
  expect(changeUrl('https://github.com', undefined, 42)).toBeUndefined();
});

describe('mergeQueueChange', () => {
  test.each([
    ['refs/heads/gh-readonly-queue/main/pr-42-9f8e7d6c5b4a39281706f5e4d3c2b1a098765432', 42],
    ['refs/heads/gh-readonly-queue/feature/pr-9/pr-10-abcdef0', 10],
    ['refs/heads/main', undefined],
    ['refs/heads/gh-readonly-queue/main/pr-42', undefined],
    ['refs/heads/other/pr-42-abcdef0', undefined]
  ])('%s → %s', (ref, want) => {
    expect(mergeQueueChange(ref)).toBe(want);
  });
});

describe('changeTag', () => {
  test('uses Zuul formats', () => {
    expect(changeTag({change: 42, pipeline: 'gate'}, 'latest')).toBe('change_42_latest');
    expect(changeTag({pipeline: 'release'}, 'v1')).toBe('release_v1');
  });

  test('rejects a result longer than 128 characters, naming the field', () => {
    const tag = 't'.repeat(120);
    expect(() =>
      changeTag({change: 42, pipeline: 'gate'}, tag, 'container-images[0].tags[0]')
    ).toThrow(
      /^container-images\[0\]\.tags\[0\]: the temporary tag "change_42_t+" would be 130 characters long/
    );
  });
});
