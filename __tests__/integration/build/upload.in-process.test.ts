/**
 * uploadAction in this process, through its injected IO, with the real dockerd (classic
 * builder) and a real registry; skopeo checks what was pushed. The bundle runs of the same
 * command, in every mode and builder, are in upload.test.ts.
 */
import {uploadAction} from '../../../shared/commands/upload.js';
import {runCommand} from '../../support/in-process.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {makeWorkspace} from './fixture.js';

const PR = {
  number: 42,
  pull_request: {number: 42, html_url: 'https://github.com/acme/app/pull/42'}
};

let reg: TestRegistry;
beforeAll(async () => {
  reg = await startRegistry('plain');
});
afterAll(async () => {
  await reg?.stop();
});

function uploadInProcess(workspace: string, images: string) {
  return runCommand(uploadAction, {
    inputs: {
      'container-images': images,
      'registry-credentials': `${reg.host}: {username: ci, password: open-sesame}`
    },
    eventName: 'pull_request',
    event: PR,
    workspace,
    env: {IMAGEGATE_DOCKER_BUILDER: 'classic'}
  });
}

interface Output {
  status: string;
  pushed: {ref: string; digest: string}[];
}

test('a pull request builds with docker and pushes the change tag with its staging record', async () => {
  const ws = makeWorkspace('upload-in-process');
  const run = await uploadInProcess(
    ws.dir,
    `- {context: multi, container_filename: Containerfile.multi, repository: ${reg.host}/inproc/built}`
  );
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.output.replace(/^::add-mask::.*$/gm, '')).not.toContain('open-sesame');
  const [image] = JSON.parse(run.outputs.images) as Output[];
  expect(image.status).toBe('built');
  expect(image.pushed.map(p => p.ref)).toEqual([`${reg.host}/inproc/built:change_42_latest`]);
  expect(await rawManifestDigest(reg, 'inproc/built', 'change_42_latest')).toBe(
    image.pushed[0].digest
  );
  const tags = await listTags(reg, 'inproc/built');
  expect(tags.filter(t => !t.startsWith('imagegate-staged-'))).toEqual(['change_42_latest']);
  expect(tags.filter(t => t.startsWith('imagegate-staged-'))).toHaveLength(1);
}, 120_000);

test('a context outside the workspace: the field is named, nothing is built or pushed', async () => {
  const ws = makeWorkspace('upload-in-process-outside');
  const mark = logMark(reg);
  const run = await uploadInProcess(
    ws.dir,
    `- {context: ../elsewhere, repository: ${reg.host}/inproc/outside}`
  );
  expect(run.code).toBe(1);
  expect(run.errors[0]).toMatch(/^container-images\[0\]\.context: /);
  expect(writesSince(reg, mark)).toEqual([]);
  expect(run.outputs.images).toBeUndefined();
});
