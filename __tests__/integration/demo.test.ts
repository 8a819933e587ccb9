/**
 * `npm run demo`'s pipeline (scripts/demo.mjs, after scripts/demo.sh prepared the machine as
 * scripts/test.sh already has): it succeeds, and the final state it prints holds together —
 * the gate ran one upload per platform and a merge, promoted digests are the merged ones, every
 * platform is pullable under the final tags, mirrored digests are the published ones.
 */
import {execFileSync, spawn} from 'node:child_process';
import {join} from 'node:path';
import {NODE24, REPO_ROOT} from '../support/action-runner.js';

interface Ref {
  ref: string;
  digest: string;
  platform?: string;
  architecture?: string;
}

test('the demo takes one change from check to mirror and cleans up', async () => {
  const {code, stdout, stderr} = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>(done => {
    const child = spawn(NODE24, [join(REPO_ROOT, 'scripts/demo.mjs')], {
      env: {
        ...process.env,
        IMAGEGATE_DEMO_REGISTRY_IMAGE:
          process.env.IMAGEGATE_TEST_REGISTRY_IMAGE ?? 'localhost/imagegate-test/registry:2'
      }
    });
    let out = '';
    let err = '';
    child.stdout.on('data', d => (out += d));
    child.stderr.on('data', d => (err += d));
    child.on('close', c => done({code: c, stdout: out, stderr: err}));
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  for (const stage of ['check', 'gate', 'promote', 'release', 'mirror'])
    expect(stdout).toContain(`=== ${stage}`);
  const line = stdout.split('\n').find(l => l.startsWith('DEMO_RESULT '));
  const result = JSON.parse((line as string).slice('DEMO_RESULT '.length)) as Record<string, Ref[]>;
  const digest = (list: Ref[], suffix: string) => list.find(r => r.ref.endsWith(suffix))?.digest;
  // Two platform jobs pushed records only; the merge wrote the change tags.
  expect(result.records.map(r => r.ref.replace(/^[^/]+/, '')).sort()).toEqual([
    '/demo/app:change_42_latest.linux-amd64',
    '/demo/app:change_42_latest.linux-arm64',
    '/demo/base:change_42_latest.linux-amd64',
    '/demo/base:change_42_latest.linux-arm64'
  ]);
  expect(result.promoted.map(r => r.ref.replace(/^[^/]+/, ''))).toEqual([
    '/demo/base:latest',
    '/demo/app:latest'
  ]);
  for (const name of ['demo/base', 'demo/app']) {
    expect(digest(result.promoted, `${name}:latest`)).toBe(
      digest(result.gate, `${name}:change_42_latest`)
    );
    expect(digest(result.mirrored, `${name}:latest`)).toBe(
      digest(result.promoted, `${name}:latest`)
    );
  }
  expect(digest(result.mirrored, 'demo/app:1.0')).toBe(digest(result.release, 'demo/app:1.0'));
  // Every platform under every final tag, each its own image (skopeo --override-arch).
  for (const name of ['demo/base', 'demo/app']) {
    const pulls = result.pulls.filter(p => p.ref.endsWith(`${name}:latest`));
    expect(pulls.map(p => `${p.platform} ${p.architecture}`)).toEqual([
      'linux/amd64 amd64',
      'linux/arm64 arm64'
    ]);
  }
  // Printed lines carry the same digests as the result.
  for (const r of [...result.promoted, ...result.mirrored])
    expect(stdout).toMatch(new RegExp(`${r.ref.replace(/[.]/g, '\\.')}\\s+${r.digest}`));
  // Nothing left behind: no container still mounts the demo's folder (other tests run their own).
  const mounts = execFileSync('docker', ['ps', '-a', '--no-trunc', '--format', '{{.Mounts}}'], {
    encoding: 'utf8'
  });
  expect(mounts).not.toContain('imagegate-demo-');
}, 120_000);
