/**
 * The change the promote tests promote: pull request #42 of acme/app, merged as the commit every
 * test run's runner context carries (GITHUB_SHA of a bundle run, `sha` of an in-process one).
 */
export const MERGED_SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
/** The merged commit's source tree. */
export const MERGED_TREE = '7ee7ee7ee7ee7ee7ee7ee7ee7ee7ee7ee7ee7ee7';

/** The labels of an image built from the merged commit. */
export const BUILT_HERE = {
  'org.opencontainers.image.revision': MERGED_SHA,
  'dev.imagegate.source-tree': MERGED_TREE
};

/**
 * GitHub API answers for the merge: the commit's pull request (merged) and the commit's tree. A
 * fresh object each time: a test may add routes to its fixture's.
 */
export const mergedChangeRoutes = (): Record<string, unknown> => ({
  [`GET /repos/acme/app/commits/${MERGED_SHA}/pulls`]: [
    {number: 42, merged_at: '2026-11-27T06:00:00Z', merge_commit_sha: MERGED_SHA}
  ],
  [`GET /repos/acme/app/git/commits/${MERGED_SHA}`]: {sha: MERGED_SHA, tree: {sha: MERGED_TREE}}
});
