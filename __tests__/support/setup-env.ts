/**
 * Jest setupFiles entry: environment hygiene, applied before every test file.
 *
 * Jest hands each test file a *copy* of process.env, and a copy does not reach child
 * processes (docker, skopeo, @actions/exec all spawn with the real environment). Tests here
 * drive real tools, so this file makes `process.env` in the test file the real environment
 * again, and resets it per file instead: to the worker's baseline (as inherited from
 * global-setup) minus anything from a GitHub runner, plus a fresh empty DOCKER_CONFIG and
 * containers auth file (both created here) so nothing reads or writes ~/.docker or
 * ~/.config/containers, and no test sees another file's logins.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {makeRunTempDir, realProcess} from './run-dir.js';

// Variables a GitHub runner (or a developer shell) could leak into the action code under test.
const LEAKY = /^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_)/;

const real = realProcess();
const BASELINE = Symbol.for('imagegate.test.baselineEnv');
const holder = real as unknown as Record<symbol, Record<string, string> | undefined>;
const baseline = (holder[BASELINE] ??= Object.fromEntries(
  Object.entries(real.env).filter((e): e is [string, string] => e[1] !== undefined)
));

for (const key of Object.keys(real.env)) if (!(key in baseline)) delete real.env[key];
Object.assign(real.env, baseline);
for (const key of Object.keys(real.env)) if (LEAKY.test(key)) delete real.env[key];

const home = makeRunTempDir('env');
real.env.DOCKER_CONFIG = join(home, 'docker');
real.env.REGISTRY_AUTH_FILE = join(home, 'containers-auth.json');
mkdirSync(real.env.DOCKER_CONFIG);
// podman refuses an auth file that does not exist: create it before any test runs podman.
writeFileSync(real.env.REGISTRY_AUTH_FILE, '{"auths": {}}\n');

process.env = real.env;
