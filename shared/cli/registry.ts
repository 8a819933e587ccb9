import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {type CommandIO} from '../runner/io.js';
import {
  type BuildsetFace,
  buildsetRegistryAction,
  buildsetRegistryPost
} from '../commands/buildset-registry.js';
import {BuildsetEnv} from '../model/buildset-env.js';

/**
 * `imagegate registry start|stop`: the buildset registry outside GitHub. The runner keeps state
 * between main and post; here a file under RUNNER_TEMP (or /tmp) does, so start and stop can be
 * separate processes. `start` outputs `env`: the variables build and upload read.
 */
export async function registryCommand(subcommand: string, io: CommandIO): Promise<void> {
  const stateFile = join(io.ctx.runnerTemp, 'imagegate-buildset.state.json');
  const exported: Record<string, string> = {};
  const face: BuildsetFace = {
    state: {
      save: (name, value) =>
        writeFileSync(stateFile, JSON.stringify({...readState(stateFile), [name]: value}), {
          mode: 0o600
        }),
      get: name => readState(stateFile)[name] ?? ''
    },
    exportVariable: (name, value) => {
      exported[name] = value;
    }
  };
  if (subcommand === 'start') {
    if (existsSync(stateFile))
      throw new Error(
        `a buildset registry is already running (${stateFile}); run imagegate registry stop first`
      );
    try {
      await buildsetRegistryAction(io, face);
    } catch (e) {
      // Undo whatever start created before it failed, as the action's post step would.
      try {
        await buildsetRegistryPost(io, face, 'failure');
      } finally {
        rmSync(stateFile, {force: true});
      }
      throw e;
    }
    io.report.output('env', exported);
    for (const [name, value] of Object.entries(exported)) {
      io.log.info(`export ${name}=${name === BuildsetEnv.Password ? '<see --json env>' : value}`);
    }
    return;
  }
  if (!existsSync(stateFile))
    throw new Error('no buildset registry is running (imagegate registry start starts one)');
  try {
    // Stopping on purpose is a success: with an intermediate registry, this job's images go there.
    await buildsetRegistryPost(io, face, 'success');
  } finally {
    rmSync(stateFile, {force: true});
  }
}

function readState(file: string): Record<string, string> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}
