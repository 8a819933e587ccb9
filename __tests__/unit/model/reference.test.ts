import {
  familiarName,
  formatReference,
  parseReference,
  registryApiHost
} from '../../../shared/model/reference.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseReference normalises like Docker', () => {
  // prettier-ignore
  test.each([
    ['alpine', 'docker.io/library/alpine'],
    ['alpine:3.20', 'docker.io/library/alpine:3.20'],
    ['org/app', 'docker.io/org/app'],
    ['docker.io/alpine', 'docker.io/library/alpine'],
    ['index.docker.io/org/app:1', 'docker.io/org/app:1'],
    ['quay.io/org/app:v1', 'quay.io/org/app:v1'],
    ['localhost/app', 'localhost/app'],
    ['localhost:5000/a/b/c:t', 'localhost:5000/a/b/c:t'],
    ['127.0.0.1:5000/app', '127.0.0.1:5000/app'],
    ['[::1]:5000/app:x', '[::1]:5000/app:x'],
    [`ghcr.io/o/app@${DIGEST}`, `ghcr.io/o/app@${DIGEST}`],
    [`ghcr.io/o/app:v2@${DIGEST}`, `ghcr.io/o/app:v2@${DIGEST}`],
    ['Registry.Example/org/app', 'Registry.Example/org/app'],
    ['a/b__c/d-e--f/g.h', 'docker.io/a/b__c/d-e--f/g.h']
  ])('%s → %s', (input, expected) => {
    expect(formatReference(parseReference(input))).toBe(expected);
  });

  // prettier-ignore
  test.each([
    ['', 'must not be empty'],
    ['Org/App', 'must be lowercase'],
    ['quay.io/Org/app', 'did you mean "quay.io/org/app"'],
    ['app:', 'must not be empty'],
    ['app:bad!', 'not a valid tag'],
    ['app@sha256:123', 'not a valid digest'],
    [`app@sha256:${'A'.repeat(64)}`, 'lowercase hex'],
    ['quay.io/', 'no repository path'],
    ['quay.io/-x', 'not a valid path component'],
    ['quay.io/a//b', 'not a valid path component'],
    [' app', 'surrounding whitespace']
  ])('rejects %j (%s)', (input, phrase) => {
    expect(() => parseReference(input, 'image')).toThrow(phrase);
    expect(() => parseReference(input, 'image')).toThrow(/^image: /);
  });

  test('familiar names and the API host', () => {
    expect(familiarName(parseReference('alpine'))).toBe('alpine');
    expect(familiarName(parseReference('docker.io/org/app'))).toBe('org/app');
    expect(familiarName(parseReference('quay.io/org/app'))).toBe('quay.io/org/app');
    expect(registryApiHost('docker.io')).toBe('registry-1.docker.io');
    expect(registryApiHost('ghcr.io')).toBe('ghcr.io');
  });
});
