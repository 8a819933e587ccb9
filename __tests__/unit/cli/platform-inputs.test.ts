/**
 * Bad input to the distributed-build inputs fails before anything is built or written, with an
 * error naming the field (runCli in-process; no engine or registry is reached).
 */
import {runCli} from '../../../shared/cli/main.js';
import {makeRunTempDir} from '../../support/run-dir.js';

async function cli(args: string[]) {
  const err: string[] = [];
  const code = await runCli(args, {
    env: {PATH: process.env.PATH},
    cwd: makeRunTempDir('platform-inputs'),
    terminal: {out: () => undefined, err: t => err.push(t), tty: false},
    readStdin: () => ''
  });
  return {code, stderr: err.join('\n')};
}

const LIST = '- {context: ., repository: ghcr.io/acme/app, arch: [linux/amd64, linux/arm64]}';

// prettier-ignore
test.each([
  ['a platform that is not os/arch', ['upload', '--container-images', LIST, '--platforms', 'linux/amd64,arm64'], 'error: platforms[1]: "arm64" is not a platform like "linux/amd64" or "linux/arm/v7"'],
  ['squash with docker', ['build', '--container-images', LIST, '--squash', 'true'], 'error: squash: docker cannot squash layers'],
  ['a revision that is not a commit', ['merge', '--container-images', LIST, '--revision', 'main'], 'error: revision: "main" is not a full commit id'],
  ['optional platforms', ['merge', '--container-images', LIST, '--optional-platforms', 'Linux/ARM64'], 'error: optional-platforms[0]: "Linux/ARM64" is not a platform'],
  ['merge in a buildset registry that is not running', ['merge', '--container-images', LIST, '--buildset', 'true'], 'error: buildset: no buildset registry is active in this job'],
  ['an entry without arch and no platforms', ['merge', '--container-images', '- {repository: ghcr.io/acme/tool}', '--registry-credentials', 'ghcr.io: {username: bot, password: s3cret-token}'], 'error: container-images[0].arch: names no platform']
])('%s', async (_name, args, message) => {
  const {code, stderr} = await cli(args);
  expect(code).toBe(1);
  expect(stderr).toContain(message);
});
