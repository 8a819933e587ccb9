import {formatReference} from '../model/reference.js';
import {type Cell, type ReportTable} from '../model/report.js';
import {type BuildRecord} from './records.js';
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
  /** One record per platform built (see BuildRecord). */
  readonly builds: readonly BuildRecord[];
}

/**
 * The `images` output: one entry per image, in list order. A platform job builds an image once
 * per platform; those builds make one entry, each with its own record under `builds`.
 */
export function imagesOutput(
  results: readonly ImageResult[],
  records: readonly BuildRecord[] = []
): ImageOutput[] {
  const groups = new Map<ImageResult['plan']['image'], ImageResult[]>();
  for (const r of results) groups.set(r.plan.image, [...(groups.get(r.plan.image) ?? []), r]);
  return [...groups.values()].map(units => {
    const {plan} = units[0];
    const status = units.some(u => u.status === 'failed')
      ? 'failed'
      : units.some(u => u.status === 'skipped')
        ? 'skipped'
        : 'built';
    const pushed = units.flatMap(u => u.pushed);
    const errors = units.flatMap(u =>
      u.error === undefined ? [] : [u.plan.platform ? `[${u.plan.platform}] ${u.error}` : u.error]
    );
    const imageId = units.find(u => u.built)?.built?.imageId;
    return {
      field: plan.image.field,
      repository: formatReference(plan.image.repository),
      status,
      tags: [...new Set(units.flatMap(u => u.plan.localTags))],
      ...(imageId && {imageId}),
      platforms: plan.platform !== undefined ? units.map(u => u.plan.platform!) : plan.image.arch,
      ...(pushed[0] && {digest: pushed[0].digest}),
      pushed,
      seconds: Math.round(units.reduce((sum, u) => sum + u.seconds, 0) * 10) / 10,
      ...(errors.length > 0 && {error: errors.join('; ')}),
      builds: records.filter(b => b.field === plan.image.field)
    };
  });
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
            `${r.plan.image.field} (${formatReference(r.plan.image.repository)}${r.plan.platform ? `, ${r.plan.platform}` : ''}): ${r.error ?? 'failed'}`
        )
        .join('; ')}`
    );
  }
}
