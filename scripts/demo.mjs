// `npm run demo`: the whole life of a change through the imagegate CLI, against local registries,
// with images built from examples/ (no network pulls). Prints each stage and the final tags with
// digests, verifies them through the registry API, and cleans up after itself.
//   check   buildset registry + build (images pushed into the buildset registry)
//   gate    one upload per platform (linux/amd64, linux/arm64: the jobs of a matrix), each
//           pushing per-platform records only, then merge: the change tags name the two-platform
//           index (change_42_<tag>)
//   promote change tags → final tags, manifest only; change tags deleted; every platform is
//           checked pullable under the final tag (skopeo --override-arch)
//   release upload with promote: false (final tags straight from the build)
//   mirror  every final tag copied to a second registry, digests preserved
import {execFileSync, spawn} from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli/index.js');
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'imagegate-demo-'));
const cleanups = [];
const say = text => process.stdout.write(`${text}\n`);

/** Start a CNCF distribution registry: the Debian binary as a host process, else the image. */
async function startRegistry(name) {
  const dir = join(work, name);
  const config = join(dir, 'config.yml');
  const log = join(dir, 'registry.log');
  mkdirSync(dir, {recursive: true});
  writeFileSync(
    config,
    `version: 0.1\nlog: {level: info}\nstorage:\n  filesystem: {rootdirectory: ${dir}/data}\n  delete: {enabled: true}\nhttp: {addr: "127.0.0.1:0"}\n`
  );
  const binary = ['/usr/bin/docker-registry', '/usr/bin/registry'].find(b => existsSync(b));
  if (binary) {
    const fd = openSync(log, 'a');
    const child = spawn(binary, ['serve', config], {
      stdio: ['ignore', fd, fd],
      detached: true,
      env: {PATH: process.env.PATH}
    });
    cleanups.push(() => child.kill('SIGTERM'));
    for (let i = 0; i < 100; i++) {
      const m = /listening on 127\.0\.0\.1:([0-9]+)/.exec(readFileSync(log, 'utf8'));
      if (m) return `127.0.0.1:${m[1]}`;
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(`registry ${name} did not start; see ${log}`);
  }
  const image = process.env.IMAGEGATE_DEMO_REGISTRY_IMAGE || 'localhost/imagegate-test/registry:2';
  const id = execFileSync('docker', ['run', '-d', '--rm', '-p', '127.0.0.1::5000', image], {
    encoding: 'utf8'
  }).trim();
  cleanups.push(() => execFileSync('docker', ['rm', '-f', id], {stdio: 'ignore'}));
  const port = execFileSync('docker', ['port', id, '5000/tcp'], {encoding: 'utf8'})
    .trim()
    .split(':')
    .pop();
  return `127.0.0.1:${port}`;
}

/** Run the CLI; returns its --json outputs. Throws with its stderr when it fails. */
function imagegate(args, env = {}) {
  const out = execFileSync(process.execPath, [CLI, ...args, '--json'], {
    cwd: join(work, 'repo'),
    // RUNNER_TEMP holds the buildset registry's storage and state: keep them in the demo's folder.
    env: {...process.env, RUNNER_TEMP: work, ...env},
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
  });
  // The CLI's own log goes to a file; the demo prints a short line per result instead.
  writeFileSync(join(work, 'cli.log'), out, {flag: 'a'});
  const json = out.slice(out.lastIndexOf('\n{') + 1);
  return JSON.parse(json);
}

function removeLocalImages(prefix) {
  for (const engine of ['docker', 'podman']) {
    let refs = [];
    try {
      refs = execFileSync(engine, ['images', '--format', '{{.Repository}}:{{.Tag}}'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      })
        .split('\n')
        .filter(r => r.startsWith(`${prefix}/`));
    } catch {
      continue; // that engine is not installed
    }
    if (refs.length > 0) execFileSync(engine, ['rmi', '-f', ...refs], {stdio: 'ignore'});
  }
}

function stage(title, fn) {
  const t = Date.now();
  say(`\n=== ${title}`);
  const result = fn();
  say(`    (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return result;
}

try {
  const registry = await startRegistry('registry');
  const mirrorRegistry = await startRegistry('mirror');
  say(`registries: ${registry} (main), ${mirrorRegistry} (mirror)`);
  // Local images the builds tag with the (per-run) registry address go when the demo ends.
  cleanups.push(() => removeLocalImages(registry));
  // The change: a git repository holding examples/, so the images carry revision labels.
  const repo = join(work, 'repo');
  cpSync(join(ROOT, 'examples'), repo, {recursive: true});
  const images = readFileSync(join(repo, 'images.yaml.in'), 'utf8').replaceAll(
    '@REGISTRY@',
    registry
  );
  writeFileSync(join(repo, 'images.yaml'), images);
  // The release pipeline publishes a version tag of the app only.
  const app = images.slice(images.indexOf('- context: app'));
  writeFileSync(join(repo, 'images-release.yaml'), app.replace('tags: [latest]', 'tags: ["1.0"]'));
  const git = (...args) =>
    execFileSync(
      'git',
      ['-c', 'user.name=demo', '-c', 'user.email=demo@example.invalid', ...args],
      {cwd: repo, encoding: 'utf8'}
    ).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'Add the demo app (#42)');
  const credentials = `${registry}: {username: demo, password: demo-password}\n${mirrorRegistry}: {username: demo, password: demo-password}`;
  const common = ['--container-images', 'images.yaml', '--registry-credentials', credentials];
  const engine = process.env.IMAGEGATE_DEMO_ENGINE || 'docker';

  const check = stage('check: build into a buildset registry', () => {
    // The buildset registry runs as a container; its image is built locally by scripts/demo.sh.
    const registryImage =
      process.env.IMAGEGATE_DEMO_REGISTRY_IMAGE || 'docker.io/library/registry:2';
    const started = imagegate([
      'registry',
      'start',
      '--registry-image',
      registryImage,
      '--configure',
      'none'
    ]);
    const env = started.env ?? {};
    try {
      return imagegate(
        [
          'build',
          '--container-images',
          'images.yaml',
          '--container-command',
          engine,
          '--change',
          '42'
        ],
        env
      );
    } finally {
      imagegate(['registry', 'stop']);
    }
  });
  const pushedOf = outputs => outputs.images.flatMap(i => i.pushed);
  const show = refs => refs.forEach(r => say(`    ${r.ref.padEnd(52)} ${r.digest}`));
  show(pushedOf(check));

  // The gate as a matrix runs it: one platform job per platform (here one after the other on this
  // machine: FROM scratch + COPY needs no emulation), then the merge job.
  const platforms = ['linux/amd64', 'linux/arm64'];
  const records = stage('gate: one upload per platform (per-platform records only)', () =>
    platforms.flatMap(platform =>
      pushedOf(
        imagegate([
          'upload',
          ...common,
          '--container-command',
          engine,
          '--change',
          '42',
          '--platforms',
          platform
        ])
      )
    )
  );
  show(records);
  const gate = stage('gate: merge the platforms under the change tags (registry-side)', () =>
    imagegate([
      'merge',
      ...common,
      '--change',
      '42',
      '--platforms',
      platforms.join(',')
    ]).images.flatMap(i => i.tags.map(ref => ({ref, digest: i.digest})))
  );
  show(gate);
  const promoted = stage('promote: change tags → final tags (manifest only)', () =>
    imagegate(['promote', ...common, '--change', '42']).images.flatMap(i =>
      i.tags.map(t => ({ref: `${i.repository}:${t}`, digest: i.digest}))
    )
  );
  show(promoted);
  // Every platform is pullable under every final tag: skopeo picks it as a pull on that machine would.
  const pulls = stage('promote: every platform pullable under the final tags', () =>
    promoted.flatMap(({ref}) =>
      platforms.map(platform => {
        const arch = platform.split('/')[1];
        const inspected = JSON.parse(
          execFileSync(
            'skopeo',
            ['--override-arch', arch, 'inspect', '--tls-verify=false', `docker://${ref}`],
            // skopeo's own chatter stays out of the demo's output; a failure still says why.
            {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}
          )
        );
        if (inspected.Architecture !== arch)
          throw new Error(`${ref} for ${platform} gives a ${inspected.Architecture} image`);
        return {ref, platform, architecture: inspected.Architecture};
      })
    )
  );
  pulls.forEach(p =>
    say(`    ${p.ref.padEnd(40)} ${p.platform.padEnd(12)} → ${p.architecture} image`)
  );
  const release = stage('release: upload the version tag (promote: false)', () =>
    pushedOf(
      imagegate([
        'upload',
        '--container-images',
        'images-release.yaml',
        '--registry-credentials',
        credentials,
        '--container-command',
        engine,
        '--promote',
        'false',
        '--pipeline',
        'release'
      ])
    )
  );
  show(release);
  const finals = [...promoted, ...release];
  const mirrors = finals.map(f => {
    const [repository, tag] = [
      f.ref.slice(0, f.ref.lastIndexOf(':')),
      f.ref.slice(f.ref.lastIndexOf(':') + 1)
    ];
    return `- {src_repository: ${repository}, src_tag: "${tag}", dest_repository: ${mirrorRegistry}/${repository.slice(registry.length + 1)}}`;
  });
  const mirrored = stage('mirror: final tags to a second registry', () =>
    imagegate([
      'mirror',
      '--mirrors',
      mirrors.join('\n'),
      '--registry-credentials',
      credentials
    ]).mirrored.map(m => ({ref: m.destination, digest: m.digest, result: m.result}))
  );
  show(mirrored);

  // The point of gating: what promote published is exactly what the gate built and tested.
  const digestOf = (list, ref) => list.find(r => r.ref === ref)?.digest;
  for (const final of promoted) {
    const staged = digestOf(gate, final.ref.replace(/:([^:]+)$/, ':change_42_$1'));
    if (staged !== final.digest)
      throw new Error(`${final.ref} is ${final.digest}, but the gate staged ${staged}`);
  }
  finals.forEach((final, i) => {
    if (mirrored[i].digest !== final.digest)
      throw new Error(`${mirrored[i].ref} does not match ${final.ref}`);
  });
  const result = {records, gate, promoted, pulls, release, mirrored};
  say('\n=== final tags (verified: promoted = gated, mirrored = published)');
  for (const {ref, digest} of [...result.promoted, ...result.mirrored])
    say(`    ${ref.padEnd(48)} ${digest}`);
  say(`\ndemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`DEMO_RESULT ${JSON.stringify(result)}`);
} catch (e) {
  process.stderr.write(`\ndemo failed: ${e.message.split('\n')[0]}\n`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {
      // best effort: the demo must not leave registries behind, but must report its own error
    }
  }
  rmSync(work, {recursive: true, force: true});
}
