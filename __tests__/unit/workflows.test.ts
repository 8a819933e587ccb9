/**
 * The reusable workflows and every action.yml parse with GitHub's own parser, and they fit
 * together: each imagegate `uses:` names an action of this repository, each `with:` key is an
 * input it declares, each `${{ inputs.x }}` / `${{ secrets.x }}` is declared by the workflow.
 */
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow
} from '@actions/workflow-parser';
import {convertActionTemplate, parseAction} from '@actions/workflow-parser/actions/index';
import {Evaluator, Lexer, Parser, data} from '@actions/expressions';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {parse} from 'yaml';
import {type WorkflowStep, jobStatusStep, runStep} from '../support/workflow-step.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOWS = join(ROOT, '.github/workflows');
const ACTIONS = ['.', 'build', 'upload', 'merge', 'promote', 'mirror', 'buildset-registry'];
const OUR_ACTION = /^imagegate\/imagegate(?:\/([a-z-]+))?@v1$/;

type Step = WorkflowStep;
interface Workflow {
  on: {workflow_call: {inputs?: Record<string, unknown>; secrets?: Record<string, unknown>}};
  jobs: Record<string, {steps?: Step[]}>;
}

const workflowFiles = readdirSync(WORKFLOWS).filter(f => f.endsWith('.yml'));
const declaredInputs = (dir: string): string[] =>
  Object.keys(
    (parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as {inputs: object}).inputs
  );

test('there is a reusable workflow per pipeline', () => {
  expect(workflowFiles.sort()).toEqual(['check.yml', 'gate.yml', 'promote.yml', 'release.yml']);
});

describe.each(workflowFiles)('.github/workflows/%s', file => {
  const content = readFileSync(join(WORKFLOWS, file), 'utf8');
  const workflow = parse(content) as Workflow;

  test('parses and converts without errors (@actions/workflow-parser)', async () => {
    const result = parseWorkflow({name: file, content}, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.events.workflow_call).toBeDefined();
  });

  test('every imagegate action it uses exists and gets only declared inputs', () => {
    const steps = Object.values(workflow.jobs).flatMap(job => job.steps ?? []);
    const ours = steps.filter(s => s.uses && OUR_ACTION.test(s.uses));
    expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) {
      const dir = OUR_ACTION.exec(step.uses as string)?.[1] ?? '.';
      expect(existsSync(join(ROOT, dir, 'action.yml'))).toBe(true);
      const inputs = declaredInputs(dir);
      for (const key of Object.keys(step.with ?? {}))
        expect(`${dir}: ${key} ${inputs.includes(key)}`).toBe(`${dir}: ${key} true`);
    }
  });

  test('every inputs.x and secrets.x it references is declared', () => {
    const call = workflow.on.workflow_call;
    for (const [, kind, name] of content.matchAll(
      /\$\{\{[^}]*?\b(inputs|secrets)\.([A-Za-z0-9_-]+)/g
    )) {
      const declared = Object.keys((kind === 'inputs' ? call.inputs : call.secrets) ?? {});
      expect(`${kind}.${name} ${declared.includes(name)}`).toBe(`${kind}.${name} true`);
    }
  });
});

test.each(ACTIONS)('%s/action.yml parses with @actions/workflow-parser', dir => {
  const content = readFileSync(join(ROOT, dir, 'action.yml'), 'utf8');
  const result = parseAction({name: `${dir}/action.yml`, content}, new NoOperationTraceWriter());
  expect(result.context.errors.getErrors().map(e => e.message)).toEqual([]);
  const template = convertActionTemplate(result.context, result.value!);
  expect(result.context.errors.getErrors().map(e => e.message)).toEqual([]);
  expect(template.runs.using).toBe('node24');
});

test('promote runs one promotion at a time per target branch, never cancelling a running one', () => {
  const workflow = parse(readFileSync(join(WORKFLOWS, 'promote.yml'), 'utf8')) as {
    jobs: Record<string, {concurrency?: {group?: string; 'cancel-in-progress'?: boolean}}>;
  };
  expect(workflow.jobs.promote.concurrency).toEqual({
    group: 'imagegate-promote-${{ github.repository }}-${{ github.base_ref || github.ref_name }}',
    'cancel-in-progress': false
  });
});

test.each(['check.yml', 'gate.yml'])(
  '%s: every job with a buildset registry tells its post step the job status',
  file => {
    const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;
    const jobs = Object.entries(workflow.jobs).filter(([, job]) =>
      (job.steps ?? []).some(s => /^imagegate\/imagegate\/buildset-registry@/.test(s.uses ?? ''))
    );
    expect(jobs.length).toBeGreaterThan(0);
    for (const [name, job] of jobs) {
      const steps = job.steps ?? [];
      // The last step, whatever happened before it: post steps run after every step.
      const last = steps[steps.length - 1];
      expect(last).toEqual(jobStatusStep(file, name));
      expect(`${name}: ${last.if}`).toBe(`${name}: always()`);
      for (const status of ['success', 'failure', 'cancelled']) {
        expect(runStep(last, {'job.status': status})).toEqual({IMAGEGATE_JOB_STATUS: status});
      }
    }
  }
);

/** Evaluate a `${{ }}` expression as the runner would, with GitHub's own evaluator. */
function evaluate(text: string, contexts: Record<string, Record<string, string>>): unknown {
  const source = /^\$\{\{\s*(.*?)\s*\}\}$/s.exec(text.trim())?.[1] ?? text;
  const root = new data.Dictionary();
  for (const [name, values] of Object.entries(contexts)) {
    const dict = new data.Dictionary();
    for (const [key, value] of Object.entries(values)) dict.add(key, new data.StringData(value));
    root.add(name, dict);
  }
  const tokens = new Lexer(source).lex().tokens;
  const expression = new Parser(tokens, Object.keys(contexts), []).parse();
  const toPlain = (d: data.ExpressionData): unknown =>
    d instanceof data.Array ? d.values().map(toPlain) : d.coerceString();
  return toPlain(new Evaluator(expression, root).evaluate());
}

interface Job {
  if?: string;
  needs?: string | string[];
  'runs-on'?: string;
  'continue-on-error'?: string;
  strategy?: {matrix?: {platform?: string}};
  steps?: Step[];
}

// Which job builds per platform, which step builds, and how the merge writes, per pipeline.
// prettier-ignore
describe.each([
  ['gate.yml', 'gate', 'upload', 'upload', {promote: 'true', 'promote-method': '${{ inputs.promote-method }}'}],
  ['release.yml', 'release', 'upload', 'upload', {promote: 'false'}],
  ['check.yml', 'build', 'build-platform', 'build', {buildset: 'true'}]
])('%s with platforms', (file, single, perPlatform, builder, mergeWith) => {
  const jobs = (parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as {jobs: Record<string, Job>}).jobs;
  const inputs = {
    platforms: '["linux/amd64", "linux/arm64"]',
    'platform-runners': '{"linux/arm64": "ubuntu-24.04-arm"}',
    'optional-platforms': '["linux/arm64"]',
    'runs-on': 'ubuntu-24.04'
  };

  test('the one-job path and the distributed jobs never both run', () => {
    expect(jobs[single].if).toBe("inputs.platforms == ''");
    expect(jobs[perPlatform].if).toBe("inputs.platforms != ''");
    expect(jobs.merge.if).toBe("inputs.platforms != ''");
  });

  test('one job per platform, on its platform-runners runner (else runs-on)', () => {
    const job = jobs[perPlatform];
    expect(evaluate(job.strategy?.matrix?.platform as string, {inputs})).toEqual(['linux/amd64', 'linux/arm64']);
    const on = (platform: string) => evaluate(job['runs-on'] as string, {inputs, matrix: {platform}});
    expect([on('linux/amd64'), on('linux/arm64')]).toEqual(['ubuntu-24.04', 'ubuntu-24.04-arm']);
    const mayFail = (platform: string) =>
      evaluate(job['continue-on-error'] as string, {inputs, matrix: {platform}});
    expect([mayFail('linux/amd64'), mayFail('linux/arm64')]).toEqual(['false', 'true']);
    const step = (job.steps ?? []).find(s => s.uses === `imagegate/imagegate/${builder}@v1`);
    expect(step?.with?.platforms).toBe('${{ matrix.platform }}');
  });

  test('the merge waits for every platform job and merges all platforms of the run', () => {
    expect(jobs.merge.needs).toBe(perPlatform);
    const step = (jobs.merge.steps ?? []).find(s => s.uses === 'imagegate/imagegate/merge@v1');
    expect(step?.with).toMatchObject({...mergeWith, revision: '${{ github.sha }}'});
    const w = step?.with as Record<string, string>;
    expect(evaluate(w.platforms, {inputs})).toBe('linux/amd64,linux/arm64');
    expect(evaluate(w['optional-platforms'], {inputs})).toBe('linux/arm64');
  });
});
