/**
 * Just enough Dockerfile reading to order builds: the images named by `FROM`, after `ARG`
 * defaults (overridden by build args) are substituted, without stage names.
 */

/** Logical lines: continuations joined, comments and blank lines dropped. */
function logicalLines(text: string): string[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
  const out: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (current !== '' && line.startsWith('#')) continue; // comments inside a continuation
    if (line.endsWith(escape)) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    out.push(current + line);
    current = '';
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** `$X`, `${X}`, `${X:-default}` and `${X:+alt}` as BuildKit expands them in FROM. */
export function substitute(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      _m,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined
    ) => {
      const name = (braced ?? bare) as string;
      const value = vars.get(name);
      if (op === '-') return value ? value : (word ?? '');
      if (op === '+') return value ? (word ?? '') : '';
      return value ?? '';
    }
  );
}

/** `KEY=VALUE` build args as a map (the last one wins, as with repeated --build-arg). */
export function buildArgMap(buildArgs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const arg of buildArgs) {
    const eq = arg.indexOf('=');
    map.set(arg.slice(0, eq), arg.slice(eq + 1));
  }
  return map;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/**
 * The images a Dockerfile builds on, in order: global `ARG`s (before the first FROM) take their
 * default unless a build arg sets them; names of earlier stages and `scratch` are left out.
 */
export function baseImages(text: string, buildArgs: readonly string[]): string[] {
  const given = buildArgMap(buildArgs);
  const vars = new Map<string, string>();
  const stages = new Set<string>();
  const images: string[] = [];
  let seenFrom = false;
  for (const line of logicalLines(text)) {
    const [instruction = '', ...rest] = line.split(/\s+/);
    const keyword = instruction.toUpperCase();
    if (keyword === 'ARG' && !seenFrom) {
      declareArgs(rest, given, vars);
    } else if (keyword === 'FROM') {
      seenFrom = true;
      const words = rest.filter(w => !w.startsWith('--'));
      const image = substitute(words[0] ?? '', vars);
      const asIndex = words.findIndex(w => w.toUpperCase() === 'AS');
      if (image !== '' && image !== 'scratch' && !stages.has(image.toLowerCase())) {
        images.push(image);
      }
      if (asIndex !== -1 && words[asIndex + 1]) stages.add(words[asIndex + 1].toLowerCase());
    }
  }
  return images;
}

/**
 * The image the built stage starts from (OSBS's "parent image"): the `target` stage, else the
 * last one, followed through stage names to an image; undefined for `scratch`.
 */
export function finalBaseImage(
  text: string,
  buildArgs: readonly string[],
  target?: string
): string | undefined {
  const given = buildArgMap(buildArgs);
  const vars = new Map<string, string>();
  const stages: {name?: string; from: string}[] = [];
  for (const line of logicalLines(text)) {
    const [instruction = '', ...rest] = line.split(/\s+/);
    const keyword = instruction.toUpperCase();
    if (keyword === 'ARG' && stages.length === 0) {
      declareArgs(rest, given, vars);
    } else if (keyword === 'FROM') {
      const words = rest.filter(w => !w.startsWith('--'));
      const asIndex = words.findIndex(w => w.toUpperCase() === 'AS');
      const name = asIndex !== -1 ? words[asIndex + 1]?.toLowerCase() : undefined;
      stages.push({...(name && {name}), from: substitute(words[0] ?? '', vars)});
    }
  }
  let stage = target
    ? stages.find(s => s.name === target.toLowerCase())
    : stages[stages.length - 1];
  for (let hops = 0; stage && hops <= stages.length; hops++) {
    const from = stage.from.toLowerCase();
    const earlier = stages.slice(0, stages.indexOf(stage)).find(s => s.name === from);
    if (!earlier) return stage.from === '' || from === 'scratch' ? undefined : stage.from;
    stage = earlier;
  }
  return undefined;
}

/**
 * A global `ARG` line (before the first FROM): each `name` or `name=default` sets `vars`, the
 * build argument given for it winning over its default.
 */
function declareArgs(
  decls: readonly string[],
  given: ReadonlyMap<string, string>,
  vars: Map<string, string>
): void {
  for (const decl of decls) {
    const eq = decl.indexOf('=');
    const name = eq === -1 ? decl : decl.slice(0, eq);
    const fallback = eq === -1 ? undefined : unquote(substitute(decl.slice(eq + 1), vars));
    const value = given.get(name) ?? fallback;
    if (value !== undefined) vars.set(name, value);
  }
}
