import {TAG_RE} from '../../../shared/model/grammar.js';
import {
  type StagingRecord,
  decodeStagingRecord,
  encodeStagingRecord,
  isStagingRecordTag,
  stagedAt,
  stagingRecordTag
} from '../../../shared/staging/record.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const record = (at: string, tags: StagingRecord['tags']): StagingRecord => ({
  version: 1,
  stagedAt: at,
  run: {id: '123456789', attempt: '2'},
  tags
});

test('the record tag is a valid tag naming the time and the run', () => {
  const tag = stagingRecordTag(record('2026-11-27T06:00:00.123Z', []), 'a1b2c3');
  expect(tag).toBe('imagegate-staged-20261127T060000Z-123456789-2-a1b2c3');
  expect(TAG_RE.test(tag)).toBe(true);
  expect(isStagingRecordTag(tag)).toBe(true);
  expect(isStagingRecordTag('change_1_latest')).toBe(false);
  // A hostile run id cannot break the tag grammar or its length.
  const odd = stagingRecordTag(
    {...record('2026-11-27T06:00:00Z', []), run: {id: '../x y'.repeat(40), attempt: '1'}},
    'n'
  );
  expect(TAG_RE.test(odd)).toBe(true);
});

test('a record survives encoding; the newest record naming the tag with its digest wins', () => {
  const old = record('2020-01-01T00:00:00.000Z', [{tag: 'change_1_x', digest: D1}]);
  const newer = record('2026-01-01T00:00:00.000Z', [{tag: 'change_1_x', digest: D1}]);
  const other = record('2027-01-01T00:00:00.000Z', [{tag: 'change_1_x', digest: D2}]);
  expect(decodeStagingRecord(encodeStagingRecord(newer), 'r')).toEqual(newer);
  expect(stagedAt([old, newer, other], 'change_1_x', D1)?.toISOString()).toBe(
    '2026-01-01T00:00:00.000Z'
  );
  // Re-pushed to another digest since: no record vouches for what the tag holds now.
  expect(stagedAt([old, newer], 'change_1_x', D2)).toBeUndefined();
});

// prettier-ignore
test.each([
  ['not JSON', '{', 'r: the staging record is not valid JSON'],
  ['another version', '{"version":2}', 'r: not a version 1 staging record'],
  ['a bad time', '{"version":1,"stagedAt":"yesterday","tags":[]}', 'r.stagedAt: must be an ISO 8601 time'],
  ['a bad tag', `{"version":1,"stagedAt":"2026-01-01T00:00:00Z","tags":[{"tag":"../x","digest":"${D1}"}]}`, 'r.tags[0].tag: must be a valid tag'],
  ['a bad digest', '{"version":1,"stagedAt":"2026-01-01T00:00:00Z","tags":[{"tag":"x","digest":"sha256:zz"}]}', 'r.tags[0].digest: must be a digest']
])('a record with %s is refused', (_name, text, message) => {
  expect(() => decodeStagingRecord(Buffer.from(text), 'r')).toThrow(message);
});
