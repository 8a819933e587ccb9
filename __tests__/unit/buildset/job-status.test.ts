import {GitHubClient} from '../../../shared/github/client.js';
import {collectDependencies} from '../../../shared/github/depends-on.js';
import {currentJobFailed} from '../../../shared/github/job-status.js';
import {
  type GitHubApiFixture,
  type RecordedRequest,
  startGitHubApi
} from '../../support/github-api.js';

let api: GitHubApiFixture;
beforeAll(async () => {
  const job = (runner: string, status: string, conclusions: (string | null)[]) => ({
    runner_name: runner,
    status,
    steps: conclusions.map(conclusion => ({conclusion}))
  });
  api = await startGitHubApi({
    'GET /repos/o/r/actions/runs/7/attempts/1/jobs': {
      total_count: 3,
      jobs: [
        job('runner-a', 'completed', ['failure']),
        job('runner-b', 'in_progress', ['success', 'skipped', null]),
        job('runner-c', 'in_progress', ['success', 'failure', null])
      ]
    },
    // A matrix run with more jobs than a page: this runner's job is on page 2.
    'GET /repos/o/r/actions/runs/8/attempts/1/jobs': ({query}: RecordedRequest) =>
      query.get('page') === '2'
        ? {
            status: 200,
            body: {total_count: 101, jobs: [job('runner-z', 'in_progress', ['failure'])]}
          }
        : {
            status: 200,
            body: {
              total_count: 101,
              jobs: Array.from({length: 100}, (_, i) =>
                job(`runner-${i}`, 'completed', ['success'])
              )
            },
            headers: {
              link: `<${api.url}/repos/o/r/actions/runs/8/attempts/1/jobs?per_page=100&page=2>; rel="next"`
            }
          },
    'GET /repos/o/a/pulls/1': {body: 'Depends-On: o/b#2'},
    'GET /repos/o/b/pulls/2': {body: 'Depends-On: https://github.com/o/c/pull/3\nDepends-On: #9'},
    'GET /repos/o/c/pulls/3': {body: 'Depends-On: o/a#1\nDepends-On: o/d#4'},
    'GET /repos/o/d/pulls/4': {body: 'Depends-On: o/e#5'},
    'GET /repos/o/e/pulls/5': {body: ''}
  });
});
afterAll(() => api.stop());

const client = () => new GitHubClient({apiUrl: api.url, token: 't'});

describe('the current job as the jobs API shows it', () => {
  it.each([
    ['runner-b', false],
    ['runner-c', true],
    ['runner-a', undefined]
  ])('%s → failed: %s', async (runnerName, failed) => {
    const job = {repo: {owner: 'o', repo: 'r'}, runId: '7', attempt: '1', runnerName};
    expect(await currentJobFailed(client(), job)).toBe(failed);
  });
});

test('the current job is found on any page of a large run', async () => {
  const job = {repo: {owner: 'o', repo: 'r'}, runId: '8', attempt: '1', runnerName: 'runner-z'};
  expect(await currentJobFailed(client(), job)).toBe(true);
});

describe('Depends-On across repositories', () => {
  it('follows a cycle once, reports unreadable changes and stops at the depth bound', async () => {
    const graph = await collectDependencies(
      client(),
      {owner: 'o', repo: 'a', change: 1},
      undefined,
      {
        maxDepth: 3
      }
    );
    expect(graph.dependencies.map(d => [`${d.key.repo}#${d.key.change}`, d.depth])).toEqual([
      ['b#2', 1],
      ['c#3', 2],
      ['d#4', 3]
    ]);
    expect(graph.unreadable.map(d => `${d.key.repo}#${d.key.change}`)).toEqual(['b#9']);
  });
});
