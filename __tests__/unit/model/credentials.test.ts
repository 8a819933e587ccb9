import {
  CredentialStore,
  checkWriteCredentials,
  parseDockerConfigAuths,
  parseRegistryCredentials
} from '../../../shared/model/credentials.js';
import {InputErrors} from '../../../shared/model/errors.js';
import {parseRepositoryName} from '../../../shared/model/reference.js';

function parse(text: string): {masked: string[]; error?: string} {
  const masked: string[] = [];
  try {
    parseRegistryCredentials(text, s => masked.push(s));
    return {masked};
  } catch (e) {
    return {masked, error: (e as Error).message};
  }
}

describe('parseRegistryCredentials', () => {
  test('reads Zuul-style entries and masks every secret', () => {
    const masked: string[] = [];
    const creds = parseRegistryCredentials(
      'quay.io: {username: bot, password: s3cret, repository: "^quay.io/org/", api_token: tok}\n' +
        'https://index.docker.io/v1/: {username: hub, password: hubpw}',
      s => masked.push(s)
    );
    expect(masked).toEqual(['s3cret', 'tok', 'hubpw']);
    expect(creds.map(c => c.registry)).toEqual(['quay.io', 'docker.io']);
    expect(creds[0].repository?.source).toBe('^quay.io/org/');
  });

  // prettier-ignore
  test.each([
    ['- a', 'registry-credentials: must be a mapping'],
    ['quay.io: x', 'registry-credentials.quay.io: must be a mapping'],
    ['quay.io: {password: p}', 'registry-credentials.quay.io.username: is required'],
    ['quay.io: {username: u}', 'registry-credentials.quay.io.password: is required'],
    ['quay.io: {username: u, password: p, repo: x}', 'registry-credentials.quay.io.repo: unknown key (did you mean "repository"?)'],
    ['quay.io: {username: u, password: p, repository: "(["}', 'registry-credentials.quay.io.repository: is not a valid regular expression']
  ])('%j → %s', (text, message) => {
    expect(parse(text).error).toContain(message);
  });

  test('masks the password even when the entry is otherwise invalid', () => {
    const result = parse('quay.io: {password: leaked, user: u}');
    expect(result.masked).toEqual(['leaked']);
    expect(result.error).not.toContain('leaked');
  });
});

describe('parseDockerConfigAuths', () => {
  test('decodes auth, maps Docker Hub keys, skips helper-only entries', () => {
    const masked: string[] = [];
    const config = JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': {auth: Buffer.from('hub:pw:with:colons').toString('base64')},
        'ghcr.io': {username: 'me', password: 'tok'},
        'helper.example': {}
      },
      credsStore: 'desktop'
    });
    const creds = parseDockerConfigAuths(config, s => masked.push(s));
    expect(creds.map(c => [c.registry, c.username, c.password])).toEqual([
      ['docker.io', 'hub', 'pw:with:colons'],
      ['ghcr.io', 'me', 'tok']
    ]);
    expect(masked).toEqual(['pw:with:colons', 'tok']);
  });

  test('ignores a broken file', () => {
    expect(parseDockerConfigAuths('{not json', () => undefined)).toEqual([]);
  });
});

describe('checkWriteCredentials', () => {
  const store = new CredentialStore(
    parseRegistryCredentials(
      'quay.io: {username: u, password: p, repository: "^quay.io/org/app"}',
      () => undefined
    )
  );
  const target = (repo: string, i = 0) => ({
    field: `container-images[${i}].repository`,
    credentialKey: parseRepositoryName(repo).registry,
    credentialField: `container-images[${i}].registry`,
    repositoryInput: repo,
    repository: parseRepositoryName(repo)
  });

  test('allows a matching repository', () => {
    expect(() => checkWriteCredentials([target('quay.io/org/app-x')], store, true)).not.toThrow();
  });

  test('names every target that is not allowed or has no credentials', () => {
    let error: unknown;
    try {
      checkWriteCredentials(
        [target('quay.io/org/app'), target('quay.io/evil/app', 1), target('ghcr.io/o/a', 2)],
        store,
        true
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputErrors);
    expect((error as InputErrors).errors.map(e => e.message)).toEqual([
      'container-images[1].repository: "quay.io/evil/app" is not allowed by the registry-credentials entry "quay.io" (repository must match /^quay.io/org/app/)',
      'container-images[2].registry: no credentials for registry "ghcr.io": add it to registry-credentials or log in first (docker/login-action)'
    ]);
  });
});
