/** The action.yml files are the public contract: check they are complete and match the code. */
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {parse} from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const ACTIONS = [
  '.',
  'build',
  'upload',
  'merge',
  'promote',
  'mirror',
  'validate',
  'buildset-registry'
];

interface ActionYaml {
  name: string;
  description: string;
  inputs: Record<string, {description?: string; required?: boolean; default?: string}>;
  outputs?: Record<string, {description?: string}>;
  runs: {using: string; main: string; post?: string};
}

const load = (dir: string): ActionYaml =>
  parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as ActionYaml;

/** All TypeScript under shared/, where inputs are read. */
const sources = readdirSync(join(ROOT, 'shared'), {recursive: true, encoding: 'utf8'})
  .filter(f => f.endsWith('.ts'))
  .map(f => readFileSync(join(ROOT, 'shared', f), 'utf8'))
  .join('\n');

describe.each(ACTIONS)('%s/action.yml', dir => {
  const action = load(dir);

  test('runs on node24 from a committed bundle', () => {
    expect(action.runs.using).toBe('node24');
    for (const entry of [action.runs.main, action.runs.post].filter(Boolean) as string[]) {
      expect(entry).toMatch(/dist\/(.+\/)?index\.js$/);
      expect(existsSync(resolve(ROOT, dir, entry))).toBe(true);
    }
  });

  test('documents every input and output', () => {
    for (const [name, spec] of Object.entries({...action.inputs, ...action.outputs})) {
      expect(`${name}: ${spec.description ?? ''}`.length).toBeGreaterThan(name.length + 12);
    }
  });

  test('every input is read by the code', () => {
    for (const name of Object.keys(action.inputs)) {
      expect(`${name}: ${sources.includes(`'${name}'`) || sources.includes(`: '${name}'`)}`).toBe(
        `${name}: true`
      );
    }
  });
});

// Each generator rewrites its output from the action.yml files; --check fails on any drift.
test.each([
  ['the root action.yml', 'scripts/root-action.mjs'],
  ['the CLI flags', 'scripts/cli-inputs.mjs'],
  ['the README reference', 'scripts/readme-reference.mjs']
])('%s is generated from the action.yml files', (_what, script) => {
  expect(() =>
    execFileSync(process.execPath, [script, '--check'], {cwd: ROOT, stdio: 'pipe'})
  ).not.toThrow();
});

test('the root action runs dist/index.js', () => {
  expect(dirname(load('.').runs.main)).toBe('dist');
});
