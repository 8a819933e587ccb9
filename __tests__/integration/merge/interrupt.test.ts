/**
 * Crash safety of distributed builds, with a fault proxy in front of the real registry: the
 * merge interrupted at every one of its writes converges on a rerun (and never leaves a change
 * tag on anything but the complete index), and a platform job whose push fails removes the
 * records it already pushed.
 */
import {isStagingRecordTag} from '../../../shared/staging/record.js';
import {runBundle} from '../../support/action-runner.js';
import {startFaultProxy, type FaultProxy} from '../../support/fault-proxy.js';
import {pushTestImage} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {executeMerge} from '../../../shared/merge/index.js';
import {parseContainerImages} from '../../../shared/model/container-images.js';
import {type StepLog} from '../../../shared/model/log.js';
import {Registry} from '../../../shared/registry/index.js';
import {ensurePodmanBusybox, makeWorkspace} from '../build/fixture.js';

const REVISION = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const IDENTITY = {change: 42, pipeline: 'gate', event: 'pull_request'};

let reg: TestRegistry;
let proxy: FaultProxy;
/** Once set, the write with this number and every request after it fail (the process "died"). */
let dieAtWrite: number | undefined;
let writes = 0;
let dead = false;
beforeAll(async () => {
  reg = await startRegistry('plain');
  proxy = await startFaultProxy({
    target: reg.host,
    seed: 7,
    rate: 1,
    faults: ['5xx'],
    match: (method, path) => {
      if (dieAtWrite === undefined) return false;
      const write = !['GET', 'HEAD'].includes(method);
      if (write && path.startsWith('/v2/') && path !== '/v2/') writes++;
      dead ||= write && writes >= dieAtWrite;
      return dead;
    }
  });
});
afterAll(async () => {
  await proxy.stop();
  await reg.stop();
});

const quiet: StepLog = {
  info: () => undefined,
  warning: () => undefined,
  group: (_title, fn) => fn()
};

/** A merge through the proxy, as its own process would run it: no retries (a dead process). */
async function mergeOnce(repository: string): Promise<void> {
  const registry = new Registry({plainHttp: [proxy.host], retry: {attempts: 1}});
  const images = parseContainerImages(
    `- {repository: ${proxy.host}/${repository}, tags: [latest, v1], arch: [linux/amd64, linux/arm64]}`,
    {requireContext: false}
  );
  try {
    await executeMerge(
      {
        mode: 'tag',
        identity: IDENTITY,
        runId: '1',
        runAttempt: '1',
        platforms: [],
        optionalPlatforms: [],
        images,
        revision: REVISION,
        repository: 'acme/app'
      },
      {registry, log: quiet, now: () => new Date()}
    );
  } finally {
    registry.close();
  }
}

/** The two platform jobs' records, as podman would have pushed them. */
async function record(repository: string): Promise<void> {
  const labels = {'org.opencontainers.image.revision': REVISION};
  for (const arch of ['amd64', 'arm64'])
    await pushTestImage(reg, repository, `change_42_latest.linux-${arch}`, {
      arch,
      labels,
      seed: `${repository}-${arch}`
    });
}

/** Every tag of the repository and the platforms it holds ('placeholder': an empty index). */
async function state(repository: string): Promise<Record<string, string[] | string>> {
  const registry = new Registry({plainHttp: [reg.host]});
  try {
    const repo = {registry: reg.host, repository};
    const out: Record<string, string[] | string> = {};
    for (const tag of (await registry.listTags(repo)).filter(t => !isStagingRecordTag(t)).sort()) {
      const ref = {...repo, tag};
      const head = await registry.resolve(ref);
      if (!head?.mediaType.includes('index')) {
        const config = await registry.imageConfig(ref);
        out[tag] = [`${config.os}/${config.architecture}`];
        continue;
      }
      const platforms: string[] = [];
      for (const platform of ['linux/amd64', 'linux/arm64']) {
        await registry.imageConfig(ref, platform).then(
          () => platforms.push(platform),
          () => undefined
        );
      }
      out[tag] = platforms.length > 0 ? platforms : 'placeholder';
    }
    return out;
  } finally {
    registry.close();
  }
}

test('the merge interrupted at any write converges on a rerun; no change tag is ever half-merged', async () => {
  // How many writes a whole merge makes.
  await record('calibrate/app');
  dieAtWrite = Number.MAX_SAFE_INTEGER;
  writes = 0;
  dead = false;
  await mergeOnce('calibrate/app');
  const total = writes;
  expect(total).toBeGreaterThanOrEqual(4);
  const merged = {
    change_42_latest: ['linux/amd64', 'linux/arm64'],
    change_42_v1: ['linux/amd64', 'linux/arm64']
  };
  expect(await state('calibrate/app')).toEqual(merged);

  for (let k = 1; k <= total; k++) {
    const repository = `interrupted-${k}/app`;
    await record(repository);
    dieAtWrite = k;
    writes = 0;
    dead = false;
    await mergeOnce(repository).catch(() => undefined);
    // Whatever the interruption left, every change tag that exists is the complete index.
    for (const [tag, value] of Object.entries(await state(repository))) {
      if (tag.startsWith('change_42_') && !tag.includes('.'))
        expect(`${k} ${tag} ${String(value)}`).toBe(`${k} ${tag} linux/amd64,linux/arm64`);
    }
    dieAtWrite = undefined;
    await mergeOnce(repository);
    expect(`${k} ${JSON.stringify(await state(repository))}`).toBe(
      `${k} ${JSON.stringify(merged)}`
    );
  }
}, 120_000);

test('a platform job whose push fails removes the records it pushed: no tag is left', async () => {
  ensurePodmanBusybox();
  const ws = makeWorkspace('merge-push-fails');
  const entry = (name: string) =>
    `- {context: multi, container_filename: Containerfile.multi, repository: ${proxy.host}/pushfail/${name}, arch: [linux/arm64]}`;
  dieAtWrite = undefined;
  const failing = await startFaultProxy({
    target: reg.host,
    seed: 3,
    rate: 1,
    faults: ['5xx'],
    match: (method, path) => method === 'PUT' && path.startsWith('/v2/pushfail/second/manifests/')
  });
  try {
    const list = [entry('first'), entry('second')].join('\n').replaceAll(proxy.host, failing.host);
    const run = await runBundle('upload', {
      cwd: ws.dir,
      eventName: 'pull_request',
      event: {number: 42, pull_request: {number: 42}},
      inputs: {
        'container-images': list,
        'registry-credentials': JSON.stringify({[failing.host]: {username: 'u', password: 'p'}}),
        'container-command': 'podman',
        platforms: 'linux/arm64'
      }
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `Removed the platform record ${failing.host}/pushfail/first:change_42_latest.linux-arm64`
    );
    const registry = new Registry({plainHttp: [reg.host]});
    try {
      for (const name of ['first', 'second'])
        expect(
          await registry.listTags({registry: reg.host, repository: `pushfail/${name}`})
        ).toEqual([]);
    } finally {
      registry.close();
    }
  } finally {
    await failing.stop();
  }
}, 120_000);

test('a record whose revision label is not a commit id is refused; the label never reaches a message', async () => {
  const forged = "main\n::error::forged' $(id)";
  for (const [arch, revision] of [
    ['amd64', REVISION],
    ['arm64', forged]
  ])
    await pushTestImage(reg, 'labelled/app', `change_42_latest.linux-${arch}`, {
      arch,
      labels: {'org.opencontainers.image.revision': revision},
      seed: `labelled-${arch}`
    });
  dieAtWrite = undefined;
  const error = await mergeOnce('labelled/app').then(
    () => undefined,
    (e: Error) => e
  );
  expect(error?.message).toContain('(linux/arm64) has a revision label that is not a commit id');
  expect(error?.message).not.toContain('forged');
});
