import {quoteOutside} from '../model/outside-text.js';

/** Labels the build step writes and promote checks. */
export const REVISION_LABEL = 'org.opencontainers.image.revision';
export const SOURCE_TREE_LABEL = 'dev.imagegate.source-tree';

/** What the merged code is. */
export interface MergedSource {
  readonly revision?: string;
  readonly sourceTree?: string;
}

/** The verdict on one image's labels. */
export type Verification =
  | {readonly ok: true; readonly by: string}
  | {readonly ok: false; readonly missing: true; readonly detail: string}
  | {readonly ok: false; readonly missing: false; readonly detail: string};

/**
 * Was the image built from the merged code? Its revision label must equal the merged commit, or
 * its source-tree label the merged commit's tree (a squash or rebase merge changes the commit but
 * not the tree). Zuul trusts the change number alone; we do not.
 */
export function verifyLabels(
  image: string,
  labels: Readonly<Record<string, string>>,
  merged: MergedSource
): Verification {
  const revision = labels[REVISION_LABEL];
  const tree = labels[SOURCE_TREE_LABEL];
  if (merged.revision && revision === merged.revision)
    return {ok: true, by: `${REVISION_LABEL}=${revision}`};
  if (merged.sourceTree && tree === merged.sourceTree)
    return {ok: true, by: `${SOURCE_TREE_LABEL}=${tree}`};
  if (revision === undefined && tree === undefined) {
    return {
      ok: false,
      missing: true,
      detail: `${image} has neither ${REVISION_LABEL} nor ${SOURCE_TREE_LABEL}; cannot check it was built from the merged code`
    };
  }
  // Label values are the image's (anyone's) text: quoted and escaped.
  const parts: string[] = [];
  if (revision !== undefined)
    parts.push(
      `${REVISION_LABEL} is ${quoteOutside(revision, 80)} but the merged commit is ${merged.revision ?? 'unknown'}`
    );
  if (tree !== undefined)
    parts.push(
      `${SOURCE_TREE_LABEL} is ${quoteOutside(tree, 80)} but the merged tree is ${merged.sourceTree ?? 'unknown'}`
    );
  return {
    ok: false,
    missing: false,
    detail: `${image} was not built from the merged code: ${parts.join('; ')}`
  };
}
