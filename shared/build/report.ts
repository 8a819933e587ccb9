import {formatReference} from '../model/reference.js';
import {type Cell, type ReportTable} from '../model/report.js';
import {type ImageResult} from './step.js';

/** One entry of the `images` output. */
export interface ImageOutput {
  readonly field: string;
  readonly repository: string;
  readonly status: ImageResult['status'];
  /** Local tags (full references). */
  readonly tags: readonly string[];
  readonly imageId?: string;
  readonly platforms: readonly string[];
  /** The digest of the first push, when pushed. */
  readonly digest?: string;
  readonly pushed: readonly {ref: string; digest: string}[];
  readonly seconds: number;
  readonly error?: string;
}

/** The `images` output: one entry per image, in list order. */
export function imagesOutput(results: readonly ImageResult[]): ImageOutput[] {
  return results.map(r => ({
    field: r.plan.image.field,
    repository: formatReference(r.plan.image.repository),
    status: r.status,
    tags: r.plan.localTags,
    ...(r.built && {imageId: r.built.imageId}),
    platforms: r.plan.image.arch,
    ...(r.pushed[0] && {digest: r.pushed[0].digest}),
    pushed: r.pushed,
    seconds: Math.round(r.seconds * 10) / 10,
    ...(r.error !== undefined && {error: r.error})
  }));
}

/** The summary table: image, status, tags, platforms, digest or id, seconds, error. */
export function summaryTable(heading: string, results: readonly ImageResult[]): ReportTable {
  const rows = imagesOutput(results).map((o): Cell[] => [
    `${o.field} ${o.repository}`,
    o.status === 'built' ? '✅ built' : o.status === 'failed' ? '❌ failed' : '⏭️ skipped',
    {lines: o.pushed.length > 0 ? o.pushed.map(p => p.ref) : o.tags},
    o.platforms.join(', ') || 'native',
    {code: o.digest ?? (o.imageId ? o.imageId.slice(0, 19) : '')},
    o.seconds.toFixed(1),
    (o.error ?? '').slice(0, 500)
  ]);
  return {
    heading,
    header: ['Image', 'Status', 'Tags', 'Platforms', 'Digest / image id', 'Seconds', 'Error'],
    rows
  };
}

/** Some images failed; the message names each one and why. */
export class ImagesFailedError extends Error {
  override name = 'ImagesFailedError';
  constructor(readonly failed: readonly ImageResult[]) {
    super(
      `${failed.length} image${failed.length === 1 ? '' : 's'} failed: ${failed
        .map(
          r =>
            `${r.plan.image.field} (${formatReference(r.plan.image.repository)}): ${r.error ?? 'failed'}`
        )
        .join('; ')}`
    );
  }
}
