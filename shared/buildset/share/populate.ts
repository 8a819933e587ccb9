import {type ChangeIndex, type ChangeKey} from '../../change-index/format.js';
import {type Dependency, type DependencyGraph, formatChange} from '../../github/depends-on.js';
import {type StepLog} from '../../model/log.js';
import {formatReference, parseReference, parseRepositoryName} from '../../model/reference.js';
import {type Registry} from '../../registry/index.js';
import {buildsetRepository} from '../../model/buildset-env.js';

/** One image copied into the buildset registry under its final name. */
export interface SpeculativeImage {
  /** Final `repository:tag` as consumers pull it. */
  readonly image: string;
  readonly digest: string;
  /** Where it lives in the buildset registry. */
  readonly stored: string;
  readonly change: string;
}

export interface PopulateDeps {
  readonly registry: Registry;
  readonly log: StepLog;
  readonly readIndex: (key: ChangeKey) => Promise<ChangeIndex | undefined>;
}

/**
 * Copy the images of every dependency (from its change index in the intermediate registry) into
 * the buildset registry under their final names, every platform. Farther changes go first, so
 * a nearer change's image wins when two stage the same name (Zuul: later artifacts overwrite).
 * Missing indexes warn, or with `require` fail after everything else was copied.
 */
export async function populateFromChanges(
  deps: PopulateDeps,
  graph: DependencyGraph,
  buildset: string,
  require: boolean
): Promise<SpeculativeImage[]> {
  const problems: string[] = [];
  const report = (message: string) =>
    require ? problems.push(message) : deps.log.warning(message);
  for (const d of graph.unreadable) report(`${describe(d)} cannot be read through the GitHub API`);
  const ordered = [...graph.dependencies].sort((a, b) => b.depth - a.depth);
  const copied = new Map<string, SpeculativeImage>();
  for (const dependency of ordered) {
    const index = await deps.readIndex(dependency.key);
    if (!index) {
      report(
        `${describe(dependency)} has no change index in the intermediate registry (no images staged yet?)`
      );
      continue;
    }
    await deps.log.group(`Speculative images of ${formatChange(dependency.key)}`, async () => {
      for (const entry of index.images) {
        const staged = parseReference(entry.staged, 'staged');
        const dest = buildsetRepository(buildset, parseRepositoryName(entry.repository));
        const source = {
          registry: staged.registry,
          repository: staged.repository,
          digest: entry.digest
        };
        await deps.registry.copy(source, dest, [entry.tag]);
        const image = `${entry.repository}:${entry.tag}`;
        deps.log.info(`${image} ← ${formatReference(source)}`);
        copied.set(image, {
          image,
          digest: entry.digest,
          stored: formatReference({...dest, tag: entry.tag}),
          change: formatChange(dependency.key)
        });
      }
    });
  }
  if (problems.length > 0) {
    throw new Error(`require-dependencies: ${problems.join('; ')}`);
  }
  return [...copied.values()];
}

function describe(d: Dependency): string {
  return `Depends-On ${formatChange(d.key)} (named by ${formatChange(d.via)})`;
}
