import {GitHubClient} from '../../../shared/github/client.js';
import {collectDependencies, parseDependsOn} from '../../../shared/github/depends-on.js';
import {startGitHubApi} from '../../support/github-api.js';

describe('Depends-On parsing', () => {
  it('reads URLs, owner/repo#N and #N (the base repository), once each', () => {
    const body = [
      'Fixes things.',
      'Depends-On: https://github.com/acme/lib/pull/12',
      'depends-on: acme/tools#3',
      '  Depends-On: #7  ',
      'Depends-On: https://github.com/acme/lib/pull/12/',
      'Depends-On: nonsense',
      'Not a Depends-On: acme/x#1'
    ].join('\r\n');
    expect(parseDependsOn(body, {owner: 'acme', repo: 'app'})).toEqual([
      {owner: 'acme', repo: 'lib', change: 12},
      {owner: 'acme', repo: 'tools', change: 3},
      {owner: 'acme', repo: 'app', change: 7}
    ]);
  });

  it('handles an empty or null body', () => {
    expect(parseDependsOn(null, {owner: 'a', repo: 'b'})).toEqual([]);
    expect(parseDependsOn('', {owner: 'a', repo: 'b'})).toEqual([]);
  });
});

test('a merged change is not ahead any more (promote removed its staged images); what it names still is', async () => {
  const api = await startGitHubApi({
    'GET /repos/acme/lib/pulls/12': {body: 'Depends-On: acme/tools#3', merged: true},
    'GET /repos/acme/tools/pulls/3': {body: '', merged: false}
  });
  try {
    const graph = await collectDependencies(
      new GitHubClient({apiUrl: api.url}),
      {owner: 'acme', repo: 'app', change: 5},
      'Depends-On: acme/lib#12'
    );
    expect(graph.dependencies.map(d => `${d.key.owner}/${d.key.repo}#${d.key.change}`)).toEqual([
      'acme/tools#3'
    ]);
    expect(graph.unreadable).toEqual([]);
  } finally {
    await api.stop();
  }
});
