import {formatReference} from '../model/reference.js';
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

/** The job summary table rows: image, status, tags, platforms, id or digest, seconds, error. */
export function summaryRows(results: readonly ImageResult[]): string[][] {
  return imagesOutput(results).map(o => [
    `${o.field} ${o.repository}`,
    o.status === 'built' ? '✅ built' : o.status === 'failed' ? '❌ failed' : '⏭️ skipped',
    o.pushed.length > 0 ? o.pushed.map(p => p.ref).join('<br>') : o.tags.join('<br>'),
    o.platforms.join(', ') || 'native',
    o.digest ?? (o.imageId ? o.imageId.slice(0, 19) : ''),
    o.seconds.toFixed(1),
    escapeCell(o.error ?? '')
  ]);
}

export const SUMMARY_HEADER = [
  'Image',
  'Status',
  'Tags',
  'Platforms',
  'Digest / image id',
  'Seconds',
  'Error'
];

function escapeCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').slice(0, 500);
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
