import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadCredentials} from '../runner/credentials.js';
import {type CommandIO, actionIO} from '../runner/io.js';
import {createRegistry} from '../runner/registry.js';
import {type MergeInputs, readMergeInputs} from '../inputs/merge.js';
import {type MergeResult, executeMerge} from '../merge/index.js';
import {type MergeMode, refOf} from '../merge/plan.js';
import {readBuildsetRegistryEnv} from '../model/buildset-env.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {InputError} from '../model/errors.js';
import {formatReference} from '../model/reference.js';
import {Registry} from '../registry/index.js';

/** The merge command: assemble the platform jobs' records into one index per image. */
export async function mergeAction(io: CommandIO = actionIO()): Promise<void> {
  const inputs = readMergeInputs(io.reader, io.ctx);
  const mode = mergeMode(inputs);
  const {registry, buildsetRegistry} = openRegistry(inputs, mode, io);
  try {
    const result = await executeMerge(
      {
        mode,
        identity: inputs.identity,
        ...(inputs.intermediateRegistry && {intermediate: inputs.intermediateRegistry}),
        ...(buildsetRegistry && {buildsetRegistry}),
        runId: io.ctx.runId ?? 'local',
        runAttempt: io.ctx.runAttempt,
        platforms: inputs.platforms,
        optionalPlatforms: inputs.optionalPlatforms,
        images: inputs.images,
        ...(inputs.revision && {revision: inputs.revision}),
        repository: io.ctx.repository ?? 'unknown/unknown'
      },
      {registry, log: io.log, now: () => new Date()}
    );
    await report(result, mode, io);
  } finally {
    registry.close();
  }
}

function mergeMode(inputs: MergeInputs): MergeMode {
  if (inputs.buildset) return 'buildset';
  if (!inputs.promote) return 'release';
  return inputs.promoteMethod === 'tag' ? 'tag' : 'intermediate';
}

/**
 * The registry client: for the buildset registry, its own credentials and CA from the variables
 * the buildset-registry action set (never through a proxy: it runs on this machine); otherwise
 * the credentials and CAs upload uses, with the repository regexes checked first.
 */
function openRegistry(
  inputs: MergeInputs,
  mode: MergeMode,
  io: CommandIO
): {registry: Registry; buildsetRegistry?: string} {
  if (mode === 'buildset') {
    const buildset = readBuildsetRegistryEnv(io.env);
    if (!buildset) {
      throw new InputError(
        'buildset',
        'no buildset registry is active in this job (run the buildset-registry action first)'
      );
    }
    const registry = new Registry({
      credentials: host =>
        host === buildset.registry && buildset.username && buildset.password
          ? {username: buildset.username, password: buildset.password}
          : undefined,
      ...(buildset.certDir && {ca: readFileSync(join(buildset.certDir, 'ca.crt'), 'utf8')}),
      logger: {debug: io.debug, info: m => io.log.info(m), warning: m => io.log.warning(m)}
    });
    return {registry, buildsetRegistry: buildset.registry};
  }
  const store = loadCredentials(inputs.registryCredentials, io.env, io.mask);
  if (mode !== 'intermediate') checkWriteCredentials(inputs.images, store, true);
  return {registry: createRegistry(store, io)};
}

async function report(result: MergeResult, mode: MergeMode, io: CommandIO): Promise<void> {
  io.report.output(
    'images',
    result.merged.map(({decision, digest}) => ({
      field: decision.plan.image.field,
      repository: formatReference(decision.plan.image.repository),
      tags: decision.plan.targets.map(t => refOf(decision.plan, t.tag)),
      digest,
      platforms: decision.members.map(m => ({
        platform: m.platform,
        digest: m.digest,
        ...(m.revision && {revision: m.revision}),
        from: m.ref
      })),
      missing: decision.missingOptional
    }))
  );
  if (result.changeIndexDigest) io.report.output('change-index-digest', result.changeIndexDigest);
  await io.report.table({
    heading: `imagegate merge (${mode})`,
    header: ['Image', 'Tags', 'Platforms', 'Index digest', 'Missing (optional)'],
    rows: result.merged.map(({decision, digest}) => [
      `${decision.plan.image.field} ${formatReference(decision.plan.image.repository)}`,
      {lines: decision.plan.targets.map(t => refOf(decision.plan, t.tag))},
      {lines: decision.members.map(m => `${m.platform} ${m.digest}`)},
      {code: digest},
      decision.missingOptional.join(', ')
    ]),
    ...(result.revision && {note: `Every platform image was built from ${result.revision}.`})
  });
}
