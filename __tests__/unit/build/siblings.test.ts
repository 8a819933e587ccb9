/**
 * The per-build copy of a context that receives siblings, on the real filesystem: what is
 * copied and how (hard links, links kept as links, modes), where the engine runs, which `-f` it
 * gets, and that the checkout is never written.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import {join} from 'node:path';
import {SIBLINGS_DIR, prepareSiblings} from '../../../shared/build/siblings.js';
import {makeRunTempDir} from '../../support/run-dir.js';

function checkout(): string {
  const ws = makeRunTempDir('siblings');
  const files: Record<string, string> = {
    'app/Dockerfile': 'FROM scratch\n',
    'app/.dockerignore': 'secret\n',
    'app/src/main.sh': 'echo hi\n',
    'app/sub/Dockerfile.sub': 'FROM scratch\n',
    'Dockerfile.outer': 'FROM scratch\n',
    'lib/one/x.txt': 'x\n',
    'lib/two/y.txt': 'y\n'
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(ws, path, '..'), {recursive: true});
    writeFileSync(join(ws, path), text);
  }
  chmodSync(join(ws, 'app/src/main.sh'), 0o750);
  symlinkSync('src/main.sh', join(ws, 'app/entry'));
  return ws;
}

const request = (ws: string, extra: object = {}) => ({
  workspace: ws,
  contextDir: join(ws, 'app'),
  contextPath: '.',
  siblings: ['lib/one', 'lib/two'],
  scratchDir: join(ws, '..', 'scratch'),
  ...extra
});

test('the build runs in a hard-linked copy of the context that holds exactly its siblings', async () => {
  const ws = checkout();
  const ctx = await prepareSiblings(request(ws));
  try {
    expect(ctx.buildArg).toBe('IMAGEGATE_SIBLINGS=lib/one lib/two');
    expect(ctx.outsideContext).toBeUndefined();
    expect(ctx.cwd).not.toBe(join(ws, 'app'));
    expect(readdirSync(ctx.cwd).sort()).toEqual(
      ['.dockerignore', SIBLINGS_DIR, 'Dockerfile', 'entry', 'src', 'sub'].sort()
    );
    const original = statSync(join(ws, 'app/src/main.sh'));
    const copied = statSync(join(ctx.cwd, 'src/main.sh'));
    expect(copied.ino).toBe(original.ino);
    expect(copied.mode & 0o777).toBe(0o750);
    expect(readlinkSync(join(ctx.cwd, 'entry'))).toBe('src/main.sh');
    expect(readFileSync(join(ctx.cwd, SIBLINGS_DIR, 'lib/one/x.txt'), 'utf8')).toBe('x\n');
    expect(readFileSync(join(ctx.cwd, SIBLINGS_DIR, 'lib/two/y.txt'), 'utf8')).toBe('y\n');
    expect(existsSync(join(ws, 'app', SIBLINGS_DIR))).toBe(false);
  } finally {
    await ctx.remove();
  }
  expect(existsSync(ctx.cwd)).toBe(false);
  expect(readFileSync(join(ws, 'app/src/main.sh'), 'utf8')).toBe('echo hi\n');
});

test('two builds of one context get separate copies', async () => {
  const ws = checkout();
  const [a, b] = await Promise.all([
    prepareSiblings(request(ws, {siblings: ['lib/one']})),
    prepareSiblings(request(ws, {siblings: ['lib/two']}))
  ]);
  try {
    expect(readdirSync(join(a.cwd, SIBLINGS_DIR, 'lib'))).toEqual(['one']);
    expect(readdirSync(join(b.cwd, SIBLINGS_DIR, 'lib'))).toEqual(['two']);
  } finally {
    await Promise.all([a.remove(), b.remove()]);
  }
});

test('a build context above the context directory is copied whole; -f stays relative inside it', async () => {
  const ws = checkout();
  // The scratch directory lies inside the build context here: the copy never copies itself.
  const scratchDir = join(ws, 'scratch');
  const ctx = await prepareSiblings(
    request(ws, {contextPath: '..', file: 'sub/Dockerfile.sub', scratchDir})
  );
  try {
    expect(ctx.file).toBe('sub/Dockerfile.sub');
    expect(existsSync(join(ctx.cwd, '..', 'Dockerfile.outer'))).toBe(true);
    expect(existsSync(join(ctx.cwd, SIBLINGS_DIR, 'lib/one/x.txt'))).toBe(true);
    expect(readdirSync(join(ctx.cwd, '..', 'scratch'))).toEqual([]);
  } finally {
    await ctx.remove();
  }
});

test('a Dockerfile outside the build context is read from the checkout', async () => {
  const ws = checkout();
  const ctx = await prepareSiblings(request(ws, {file: '../Dockerfile.outer'}));
  try {
    expect(ctx.file).toBe(join(ws, 'Dockerfile.outer'));
  } finally {
    await ctx.remove();
  }
});

test('a build context below the context directory cannot see the siblings: nothing is copied', async () => {
  const ws = checkout();
  const ctx = await prepareSiblings(request(ws, {contextPath: 'sub'}));
  expect(ctx.outsideContext).toBe(true);
  expect(ctx.cwd).toBe(join(ws, 'app'));
  expect(existsSync(join(ws, 'app', SIBLINGS_DIR))).toBe(false);
  await ctx.remove();
});
