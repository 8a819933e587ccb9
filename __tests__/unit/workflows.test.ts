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
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {parse} from 'yaml';
import {type WorkflowStep, jobStatusStep, runStep} from '../support/workflow-step.js';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOWS = join(ROOT, '.github/workflows');
const ACTIONS = ['.', 'build', 'upload', 'promote', 'mirror', 'buildset-registry'];
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
