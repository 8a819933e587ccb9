import {parseChallenges, preferredChallenge} from '../../../shared/registry/challenge.js';

// prettier-ignore
test.each([
  ['Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
    [{scheme: 'bearer', params: {realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull'}}]],
  ['Basic realm="Registry Realm"', [{scheme: 'basic', params: {realm: 'Registry Realm'}}]],
  ['Basic realm="a", Bearer realm="https://x/token", service=x', [
    {scheme: 'basic', params: {realm: 'a'}},
    {scheme: 'bearer', params: {realm: 'https://x/token', service: 'x'}}]],
  ['bearer REALM="https://r/t",error="insufficient_scope",scope="repository:a/b:pull,push"',
    [{scheme: 'bearer', params: {realm: 'https://r/t', error: 'insufficient_scope', scope: 'repository:a/b:pull,push'}}]],
  ['Bearer realm="say \\"hi\\"" , service = "s"', [{scheme: 'bearer', params: {realm: 'say "hi"', service: 's'}}]],
  ['', []]
])('parseChallenges(%j)', (header, expected) => {
  expect(parseChallenges(header)).toEqual(expected);
});

test('preferredChallenge picks bearer over basic', () => {
  expect(preferredChallenge(parseChallenges('Basic realm="a", Bearer realm="b"'))?.scheme).toBe(
    'bearer'
  );
  expect(preferredChallenge(parseChallenges('Negotiate'))).toBeUndefined();
});
