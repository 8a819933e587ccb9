/**
 * The reusable workflows' own `run:` steps, executed as the runner executes them (bash -e with
 * pipefail, the step's `env:` with its `${{ ... }}` expressions evaluated from a given context,
 * a fresh GITHUB_ENV file), so tests can feed what a step exports to the next action they run.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';
import {REPO_ROOT, parseCommandFile} from './action-runner.js';
import {makeRunTempDir} from './run-dir.js';

export interface WorkflowStep {
  uses?: string;
  with?: Record<string, unknown>;
  if?: string;
  env?: Record<string, string>;
  run?: string;
}

const EXPRESSION = /\$\{\{\s*([a-z.]+)\s*\}\}/g;

/** The last step of `job` in `.github/workflows/<file>` (the one that reports the job status). */
export function jobStatusStep(file: string, job: string): WorkflowStep {
  const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows', file), 'utf8')) as {
    jobs: Record<string, {steps?: WorkflowStep[]}>;
  };
  const steps = workflow.jobs[job]?.steps ?? [];
  return steps[steps.length - 1];
}

/**
 * Run a `run:` step; `context` answers its `env:` expressions (`{'job.status': 'success'}`), and
 * an expression it cannot answer fails. Returns what the step wrote to GITHUB_ENV.
 */
export function runStep(
  step: WorkflowStep,
  context: Record<string, string>
): Record<string, string> {
  const githubEnv = join(makeRunTempDir('workflow-step'), 'env');
  writeFileSync(githubEnv, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GITHUB_ENV: githubEnv
  };
  for (const [name, value] of Object.entries(step.env ?? {})) {
    env[name] = value.replace(EXPRESSION, (_m, path: string) => {
      if (!(path in context)) throw new Error(`the test cannot evaluate \${{ ${path} }}`);
      return context[path];
    });
  }
  if (!step.run) throw new Error('not a run step');
  execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {env});
  return parseCommandFile(readFileSync(githubEnv, 'utf8'));
}
