import {readFileSync, readdirSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';

// The engine (floor 2) may import only node builtins, itself and the pure model (the layering
// the README's Layout describes), so actions, bundles and tests can build on it without pulling in anything else.
const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const ENGINE = join(ROOT, 'shared', 'registry');

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap(e =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  );
}

test.each(files(ENGINE).map(f => [relative(ROOT, f), f]))(
  '%s imports only builtins, the engine and the model',
  (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map(
      m => m[1]
    );
    for (const specifier of specifiers) {
      if (specifier.startsWith('node:')) continue;
      expect(specifier.startsWith('.')).toBe(true);
      const target = relative(ROOT, resolve(join(file, '..'), specifier));
      expect(target).toMatch(/^shared\/(registry|model)\//);
    }
  }
);
