/**
 * The folders of shared/ are floors that import downward only (the README's Layout): a folder
 * may import its own files and folders on lower floors, never one on its own floor or above.
 * The registry client also stays free of npm packages, so anything can build on it.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = join(ROOT, 'shared');

/** Floor of each folder of shared/, lowest first. */
const FLOORS: Readonly<Record<string, number>> = {
  model: 0,
  registry: 1,
  engine: 1,
  'change-index': 2,
  staging: 2,
  github: 3,
  inputs: 4,
  build: 5,
  promote: 5,
  mirror: 5,
  upload: 6,
  merge: 7,
  buildset: 7,
  runner: 8,
  commands: 9,
  cli: 10
};

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap(e =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  );
}

/** Every module a file names: static imports and re-exports, and `import('…')`. */
function specifiers(source: string): string[] {
  return [
    ...[...source.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map(m => m[1]),
    ...[...source.matchAll(/\bimport\('([^']+)'\)/g)].map(m => m[1])
  ];
}

const folderOf = (file: string): string => relative(SHARED, file).split('/')[0];

test('every folder of shared/ has a floor', () => {
  const folders = readdirSync(SHARED, {withFileTypes: true})
    .filter(e => e.isDirectory())
    .map(e => e.name);
  expect(folders.sort()).toEqual(Object.keys(FLOORS).sort());
});

test.each(files(SHARED).map(f => [relative(ROOT, f), f]))(
  '%s imports only its own folder and lower floors',
  (_name, file) => {
    const from = folderOf(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (from === 'registry') expect(specifier).toMatch(/^node:/);
        continue;
      }
      const to = folderOf(resolve(join(file, '..'), specifier));
      if (to === from) continue;
      expect(`${from} → ${to} (${specifier})`).toBe(
        FLOORS[to] < FLOORS[from] ? `${from} → ${to} (${specifier})` : 'a lower floor'
      );
    }
  }
);
