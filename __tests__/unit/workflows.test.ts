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

const ROOT = resolve(import.meta.dirname, '../..');
const WORKFLOWS = join(ROOT, '.github/workflows');
const ACTIONS = ['.', 'build', 'upload', 'merge', 'promote', 'mirror', 'buildset-registry'];
const OUR_ACTION = /^imagegate\/imagegate(?:\/([a-z-]+))?@v1$/;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
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
