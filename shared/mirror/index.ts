import {formatBytes} from '../model/bytes.js';
import {errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {inOrderedGroups} from '../model/log-groups.js';
import {type MirrorEntry} from '../model/mirrors.js';
import {formatReference, withTag} from '../model/reference.js';
import {type Registry} from '../registry/index.js';

/** What happened to one source tag of one entry. */
export interface MirrorOutcome {
  readonly field: string;
  readonly source: string;
  readonly destination: string;
  readonly digest?: string;
  /** `copied` (something was written), `skipped` (already there), `planned` (dry run), `failed`. */
  readonly result: 'copied' | 'skipped' | 'planned' | 'failed';
  /** Blob bytes uploaded to the destination. */
  readonly bytes: number;
  readonly error?: string;
}

export interface MirrorOptions {
  readonly dryRun: boolean;
  readonly log: StepLog;
}

/** Entries mirrored at once, and tags at once within one; blob transfers have their own limit. */
const PARALLEL_ENTRIES = 8;
const PARALLEL_TAGS = 8;

/**
 * Copy every entry (digest preserved, missing blobs only, mounts where possible). Entries and
 * their tags go in parallel (images sharing a base upload it once per registry and mount it
 * elsewhere); each entry's log group is printed whole, in input order. One failing entry does
 * not stop the others; the caller fails the step from the `failed` outcomes, which come back in
 * input order.
 */
export async function mirrorImages(
  registry: Registry,
  entries: readonly MirrorEntry[],
  options: MirrorOptions
): Promise<MirrorOutcome[]> {
  const tasks = entries.map(entry => ({
    title: `${entry.field}: ${formatReference(entry.source)} → ${formatReference(entry.destination)}`,
    run: async (log: StepLog): Promise<MirrorOutcome[]> => {
      let tags: readonly string[];
      try {
        tags = await sourceTags(registry, entry);
      } catch (e) {
        return [
          failed(entry, formatReference(entry.source), formatReference(entry.destination), e)
        ];
      }
      if (tags.length === 0)
        log.warning(`${entry.field}: no source tag matches; nothing to mirror`);
      const copies = await inOrderedGroups(
        log,
        tags.map(tag => ({
          run: async (tagLog: StepLog) => {
            const outcome = await mirrorTag(registry, entry, tag, options.dryRun);
            tagLog.info(
              `${outcome.source} → ${outcome.destination}: ${outcome.result}${outcome.digest ? ` ${outcome.digest}` : ''}, ${formatBytes(outcome.bytes)} moved${outcome.error ? `: ${outcome.error}` : ''}`
            );
            return outcome;
          }
        })),
        PARALLEL_TAGS
      );
      return copies.map((r, i) =>
        r.status === 'fulfilled'
          ? r.value
          : failed(
              entry,
              formatReference(withTag(entry.source, tags[i])),
              formatReference(entry.destination),
              r.reason
            )
      );
    }
  }));
  const settled = await inOrderedGroups(options.log, tasks, PARALLEL_ENTRIES);
  return settled.flatMap((r, i) =>
    r.status === 'fulfilled'
      ? r.value
      : [
          failed(
            entries[i],
            formatReference(entries[i].source),
            formatReference(entries[i].destination),
            r.reason
          )
        ]
  );
}

async function sourceTags(registry: Registry, entry: MirrorEntry): Promise<readonly string[]> {
  if (entry.tags.kind === 'list') return entry.tags.tags;
  const pattern = entry.tags.pattern;
  return (await registry.listTags(entry.source)).filter(t => pattern.test(t)).sort();
}

async function mirrorTag(
  registry: Registry,
  entry: MirrorEntry,
  tag: string,
  dryRun: boolean
): Promise<MirrorOutcome> {
  const source = withTag(entry.source, tag);
  const destTag = entry.destinationTag ?? tag;
  const dest = withTag(entry.destination, destTag);
  const [src, dst] = [formatReference(source), formatReference(dest)];
  try {
    const head = await registry.resolve(source, {read: !dryRun});
    if (!head) throw new Error(`${src} does not exist`);
    if (entry.sourceDigest !== undefined && head.digest !== entry.sourceDigest) {
      throw new Error(
        `${src} is ${head.digest}, not the required src_digest ${entry.sourceDigest}`
      );
    }
    const pinned = {...source, digest: head.digest};
    const platforms = entry.platforms.length > 0 ? {platforms: entry.platforms} : {};
    if (dryRun)
      return {
        field: entry.field,
        source: src,
        destination: dst,
        digest: head.digest,
        result: 'planned',
        bytes: 0
      };
    if (entry.noClobber) {
      const existing = await registry.resolve(dest);
      if (existing) {
        // Work out what the tag would hold from reads alone: a refused entry writes nothing.
        const wanted = await registry.copyDigest(pinned, platforms);
        if (wanted !== existing.digest) {
          throw new Error(
            `no_clobber: ${dst} holds ${existing.digest}; refusing to move it to ${wanted}`
          );
        }
        return {
          field: entry.field,
          source: src,
          destination: dst,
          digest: existing.digest,
          result: 'skipped',
          bytes: 0
        };
      }
    }
    const copied = await registry.copy(pinned, entry.destination, [destTag], platforms);
    const wrote = copied.tags.some(t => t.status !== 'skipped') || copied.bytes > 0;
    return {
      field: entry.field,
      source: src,
      destination: dst,
      digest: copied.digest,
      result: wrote ? 'copied' : 'skipped',
      bytes: copied.bytes
    };
  } catch (e) {
    return failed(entry, src, dst, e);
  }
}

function failed(
  entry: MirrorEntry,
  source: string,
  destination: string,
  e: unknown
): MirrorOutcome {
  return {
    field: entry.field,
    source,
    destination,
    result: 'failed',
    bytes: 0,
    error: errorMessage(e)
  };
}
