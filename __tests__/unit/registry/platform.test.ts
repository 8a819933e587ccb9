import {matchesPlatform, parsePlatform} from '../../../shared/registry/platform.js';

const entry = (os: string, architecture: string, variant?: string) => ({
  mediaType: 'm',
  digest: 'sha256:x',
  size: 1,
  platform: {os, architecture, ...(variant && {variant})}
});

// prettier-ignore
test.each([
  ['linux/amd64', entry('linux', 'amd64'), true],
  ['linux/arm64', entry('linux', 'arm64', 'v8'), true],
  ['linux/arm/v7', entry('linux', 'arm', 'v6'), false],
  ['linux/arm/v7', entry('linux', 'arm', 'v7'), true],
  ['linux/amd64', entry('unknown', 'unknown'), false]
])('%s matches %j: %p', (filter, descriptor, expected) => {
  expect(matchesPlatform(descriptor, [parsePlatform(filter)])).toBe(expected);
});

test('bad platforms are input errors naming the field', () => {
  expect(() => parsePlatform('amd64', 'platforms[1]')).toThrow(
    'platforms[1]: "amd64" is not a platform'
  );
});
