import {type ContainerImage} from '../model/container-images.js';
import {InputError} from '../model/errors.js';
import {formatReference, parseReference} from '../model/reference.js';

/**
 * For each image (by index), the indexes of the images of the same list it is built `FROM`.
 * `bases[i]` are image i's FROM references; a reference matches an image when registry and
 * repository are equal and its tag (default `latest`) is one of the image's tags or change tags.
 */
export function dependencies(
  images: readonly ContainerImage[],
  bases: readonly (readonly string[])[],
  localTags: (image: ContainerImage) => readonly string[]
): number[][] {
  const byRef = new Map<string, number>();
  images.forEach((image, i) => {
    for (const tag of localTags(image)) byRef.set(`${formatReference(image.repository)}:${tag}`, i);
  });
  return bases.map((refs, i) => {
    const deps = new Set<number>();
    for (const text of refs) {
      let key: string;
      try {
        const ref = parseReference(text);
        if (ref.digest !== undefined) continue; // a digest names bytes, not our build
        key = `${formatReference({registry: ref.registry, repository: ref.repository})}:${ref.tag ?? 'latest'}`;
      } catch {
        continue; // not a reference we build; the engine reports it if it is really wrong
      }
      const dep = byRef.get(key);
      if (dep !== undefined && dep !== i) deps.add(dep);
      if (dep === i) throw cycleError(images, [i, i]);
    }
    return [...deps].sort((a, b) => a - b);
  });
}

/** Throws InputError naming the cycle when the dependency graph has one. */
export function checkAcyclic(images: readonly ContainerImage[], deps: readonly number[][]): void {
  const state = new Array<'new' | 'active' | 'done'>(deps.length).fill('new');
  const stack: number[] = [];
  const visit = (i: number): void => {
    state[i] = 'active';
    stack.push(i);
    for (const d of deps[i]) {
      if (state[d] === 'active') throw cycleError(images, [...stack.slice(stack.indexOf(d)), d]);
      if (state[d] === 'new') visit(d);
    }
    stack.pop();
    state[i] = 'done';
  };
  deps.forEach((_, i) => {
    if (state[i] === 'new') visit(i);
  });
}

function cycleError(images: readonly ContainerImage[], path: readonly number[]): InputError {
  const names = path.map(i => `${images[i].field} (${formatReference(images[i].repository)})`);
  return new InputError(
    images[path[0]].field,
    `the images are built FROM each other in a cycle: ${names.join(' → ')}`
  );
}
