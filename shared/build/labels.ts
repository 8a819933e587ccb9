/** Labels imagegate puts on every image; promote verifies revision and source tree. */
export const ImagegateLabel = {
  Revision: 'org.opencontainers.image.revision',
  SourceTree: 'dev.imagegate.source-tree',
  Source: 'org.opencontainers.image.source',
  Created: 'org.opencontainers.image.created',
  Change: 'dev.imagegate.change',
  ChangeUrl: 'dev.imagegate.change-url'
} as const;

/** What the labels say about the build, gathered once per step. */
export interface SourceFacts {
  /** `git rev-parse HEAD` of the working directory. */
  readonly revision?: string;
  /** `git rev-parse HEAD^{tree}`. */
  readonly sourceTree?: string;
  /** Web URL of the repository. */
  readonly source?: string;
  /** RFC 3339 time of the step. */
  readonly created: string;
  readonly change?: number;
  readonly changeUrl?: string;
}

/**
 * The labels of one image: the user's, then ours on top, so a user label can never override
 * one of our keys. Returns the user keys that were overridden, for a warning.
 */
export function imageLabels(
  user: Readonly<Record<string, string>>,
  facts: SourceFacts
): {labels: Record<string, string>; overridden: string[]} {
  const ours: Record<string, string> = {
    ...(facts.revision && {[ImagegateLabel.Revision]: facts.revision}),
    ...(facts.sourceTree && {[ImagegateLabel.SourceTree]: facts.sourceTree}),
    ...(facts.source && {[ImagegateLabel.Source]: facts.source}),
    [ImagegateLabel.Created]: facts.created,
    ...(facts.change !== undefined && {[ImagegateLabel.Change]: String(facts.change)}),
    ...(facts.changeUrl && {[ImagegateLabel.ChangeUrl]: facts.changeUrl})
  };
  const reserved = new Set<string>(Object.values(ImagegateLabel));
  const overridden = Object.keys(user).filter(k => reserved.has(k));
  const kept = Object.fromEntries(Object.entries(user).filter(([k]) => !reserved.has(k)));
  return {labels: {...kept, ...ours}, overridden};
}
