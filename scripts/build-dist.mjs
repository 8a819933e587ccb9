// Bundle every action entry into dist/<name>/index.js with ncc (ESM output, since the package is
// "type": "module" and the @actions/* majors are ESM-only). Entries build two at a time.
import {spawn} from 'node:child_process';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';

const ENTRIES = [
  ['index', 'main.ts'],
  ['build', 'build/main.ts'],
  ['upload', 'upload/main.ts'],
  ['promote', 'promote/main.ts'],
  ['mirror', 'mirror/main.ts'],
  ['validate', 'validate/main.ts'],
  ['merge', 'merge/main.ts'],
  ['buildset-registry', 'buildset-registry/main.ts'],
  ['buildset-registry-post', 'buildset-registry/post.ts'],
  ['cli', 'cli/main.ts']
];

function ncc(name, source) {
  const out = name === 'index' ? 'dist/.root' : `dist/${name}`;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        source,
        '-o',
        out,
        '--quiet',
        '--target',
        'es2022'
      ],
      {stdio: 'inherit'}
    );
    child.on('exit', code =>
      code === 0 ? resolve(out) : reject(new Error(`ncc ${source} exited with ${code}`))
    );
  });
}

const started = Date.now();
rmSync('dist', {recursive: true, force: true});
mkdirSync('dist');
const queue = [...ENTRIES];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length > 0) {
      const [name, source] = queue.shift();
      await ncc(name, source);
    }
  })
);
// The root action's bundle lives at dist/index.js (ncc always writes index.js into a folder),
// with the chunks it loads on demand (e.g. Octokit) beside it.
const {readdirSync, renameSync} = await import('node:fs');
for (const file of readdirSync('dist/.root')) renameSync(`dist/.root/${file}`, `dist/${file}`);
rmSync('dist/.root', {recursive: true, force: true});
// The CLI bundle is the package's `bin`: keep it executable.
const {chmodSync} = await import('node:fs');
chmodSync('dist/cli/index.js', 0o755);
// Node decides ESM vs CJS by the nearest package.json; make dist/ self-describing.
writeFileSync('dist/package.json', '{\n  "type": "module"\n}\n');
console.log(`built ${ENTRIES.length} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
