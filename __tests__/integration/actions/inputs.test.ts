/**
 * Every bundle, run as the runner runs it: bad input exits 1 quickly with an ::error:: that names
 * the field; good input is accepted and the plan is printed.
 */
import {runBundle, withoutMasks} from '../../support/action-runner.js';

const BAD_IMAGES =
  '- {context: ., repository: quay.io/org/app}\n- {context: b, repository: quay.io/org/b}\n- {context: c, repository: quay.io/org/c, tags: ["Latest!"]}';
const GOOD_IMAGES = '- {context: ., repository: quay.io/org/app, tags: [latest, v1]}';
const CREDENTIALS =
  'quay.io: {username: bot, password: hunter2-secret, repository: "^quay.io/org/"}';

// prettier-ignore
const BUNDLES: Array<[string, Record<string, string>]> = [
  ['build', {'container-images': BAD_IMAGES}],
  ['upload', {'container-images': BAD_IMAGES, 'registry-credentials': CREDENTIALS}],
  ['promote', {'container-images': BAD_IMAGES}],
  ['index', {command: 'promote', 'container-images': BAD_IMAGES}]
];

describe.each(BUNDLES)('dist/%s', (bundle, bad) => {
  test('bad container-images: exit 1 within a second, ::error:: names the field', async () => {
    const run = await runBundle(bundle, {inputs: bad});
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(1.5);
    expect(run.errors[0]).toBe(
      'container-images[2].tags[0]: "Latest!" is not a valid tag (allowed: letters, digits, "_", "." and "-", not starting with "." or "-")'
    );
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('input errors name the input', () => {
  // prettier-ignore
  test.each([
    ['promote', {'container-images': GOOD_IMAGES, 'promote-method': 'copy'}, 'promote-method: "copy" is not one of: tag, intermediate-registry'],
    ['promote', {'container-images': GOOD_IMAGES, 'promote-method': 'intermediate-registry'}, 'intermediate-registry: is required when promote-method is intermediate-registry'],
    ['promote', {'container-images': GOOD_IMAGES, 'cleanup-age': 'a day'}, 'cleanup-age: "a day" is not a duration'],
    ['promote', {'container-images': GOOD_IMAGES, 'verify-source': 'yes'}, 'verify-source: "yes" is not a boolean (use true or false)'],
    ['promote', {'container-images': GOOD_IMAGES, 'allow-downgrade': 'sometimes'}, 'allow-downgrade: "sometimes" is not a boolean (use true or false)'],
    ['promote', {'container-images': `- {repository: quay.io/org/app, tags: [${'v'.repeat(120)}]}`, change: '42'}, 'container-images[0].tags[0]: the temporary tag "change_42_vvv'],
    ['promote', {}, 'container-images: is required'],
    ['upload', {'container-images': GOOD_IMAGES, 'registry-credentials': 'quay.io: {username: u, password: p, repository: "^quay.io/other/"}'}, 'container-images[0].repository: "quay.io/org/app" is not allowed'],
    ['upload', {'container-images': GOOD_IMAGES}, 'container-images[0].registry: no credentials for registry "quay.io"'],
    ['build', {'container-images': GOOD_IMAGES, 'container-command': 'nerdctl'}, 'container-command: "nerdctl" is not one of: docker, podman'],
    ['build', {'container-images': GOOD_IMAGES, parallel: '0'}, 'parallel: "0" is not a whole number'],
    ['build', {'container-images': GOOD_IMAGES, 'build-extra-env': '{"1X": a}'}, 'build-extra-env.1X: is not a valid environment variable name'],
    ['mirror', {mirrors: '- {src_repository: a/b, src_tag: x, dest_repository: quay.io/evil/x}', 'registry-credentials': CREDENTIALS}, 'mirrors[0].dest_repository: "quay.io/evil/x" is not allowed'],
    ['mirror', {mirrors: '- {src_repository: a/b, dest_repository: c/d}'}, 'mirrors[0].src_tag: is required'],
    ['buildset-registry', {share: 'upload'}, 'share: "upload" is not one of: none, save, restore'],
    ['buildset-registry', {configure: 'docker, kubernetes'}, 'configure[1]: "kubernetes" is not one of'],
    ['index', {command: 'deploy'}, 'command: "deploy" is not one of: build, upload, merge, promote, mirror']
  ])('%s %j', async (bundle, inputs, message) => {
    const run = await runBundle(bundle, {inputs});
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain(message);
    expect(withoutMasks(run.stdout)).not.toContain('hunter2-secret');
  });

  test('the password is masked even when the credential entry is invalid', async () => {
    const run = await runBundle('upload', {
      inputs: {
        'container-images': GOOD_IMAGES,
        'registry-credentials': 'quay.io: {password: hunter2-secret, usr: x}'
      }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::add-mask::hunter2-secret');
    expect(withoutMasks(run.stdout)).not.toContain('hunter2-secret');
  });
});
