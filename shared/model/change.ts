import {InputError} from './errors.js';
import {MAX_TAG_LENGTH} from './grammar.js';
import {isMapping} from './structured-input.js';

/**
 * What a run is building for: a change (pull request) with its number, or a change-less pipeline
 * (post, tag, release, periodic, ...) whose name prefixes the temporary tags instead. The
 * revision and tree a run builds come from git, not from the event (see build/source.ts).
 */
export interface ChangeIdentity {
  /** Pull request number, when the run belongs to one. */
  readonly change?: number;
  /** Pipeline name: check, gate, post, tag, release, periodic, manual, or the caller's. */
  readonly pipeline: string;
  /** The GitHub event name this was derived from. */
  readonly event: string;
}

export interface ChangeSource {
  /** `GITHUB_EVENT_NAME`. */
  readonly eventName: string;
  /** The parsed `GITHUB_EVENT_PATH` payload. */
  readonly payload: unknown;
  /** The `change` input: overrides whatever the event says. */
  readonly changeInput?: string;
  /** The `pipeline` input: overrides the pipeline derived from the event. */
  readonly pipelineInput?: string;
}

const PIPELINE_RE = /^[a-z0-9][a-z0-9.-]{0,31}$/;
/** `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`; anchored on the last path segment. */
const MERGE_QUEUE_SEGMENT_RE = /^pr-([0-9]+)-[0-9a-f]{7,64}$/;

/** Derive the change identity from a GitHub event. Throws InputError for bad overrides. */
export function changeFromEvent(source: ChangeSource): ChangeIdentity {
  const event = source.eventName;
  const payload = isMapping(source.payload) ? source.payload : {};
  const derived = fromPayload(event, payload);
  const change =
    source.changeInput !== undefined && source.changeInput.trim() !== ''
      ? parseChangeNumber(source.changeInput, 'change')
      : derived.change;
  const pipeline =
    source.pipelineInput !== undefined && source.pipelineInput.trim() !== ''
      ? parsePipeline(source.pipelineInput, 'pipeline')
      : derived.pipeline;
  return {...(change !== undefined && {change}), pipeline, event};
}

/**
 * The web URL of a change, `<server>/<owner>/<repo>/pull/<N>`: one rule for every event
 * (merge_group payloads carry no pull request URL) and for the `change` input.
 */
export function changeUrl(
  serverUrl: string,
  repository: string | undefined,
  change: number | undefined
): string | undefined {
  if (change === undefined || !repository) return undefined;
  return `${serverUrl}/${repository}/pull/${change}`;
}

function fromPayload(
  event: string,
  payload: Record<string, unknown>
): {change?: number; pipeline: string} {
  switch (event) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = isMapping(payload.pull_request) ? payload.pull_request : {};
      const number = typeof pr.number === 'number' ? pr.number : Number(payload.number);
      return {
        ...(Number.isInteger(number) && number > 0 && {change: number}),
        pipeline: 'check'
      };
    }
    case 'merge_group': {
      const group = isMapping(payload.merge_group) ? payload.merge_group : {};
      const headRef = typeof group.head_ref === 'string' ? group.head_ref : '';
      const change = mergeQueueChange(headRef);
      return {...(change !== undefined && {change}), pipeline: 'gate'};
    }
    case 'push': {
      const ref = typeof payload.ref === 'string' ? payload.ref : '';
      return {pipeline: ref.startsWith('refs/tags/') ? 'tag' : 'post'};
    }
    case 'release':
      return {pipeline: 'release'};
    case 'schedule':
      return {pipeline: 'periodic'};
    case 'workflow_dispatch':
      return {pipeline: 'manual'};
    default:
      return {pipeline: event.replace(/_/g, '-').slice(0, 32) || 'manual'};
  }
}

/** The PR number of a merge-queue branch, from the last segment of `head_ref` only. */
export function mergeQueueChange(headRef: string): number | undefined {
  const last = headRef.split('/').pop() ?? '';
  const match = MERGE_QUEUE_SEGMENT_RE.exec(last);
  return match && headRef.includes('gh-readonly-queue/') ? Number(match[1]) : undefined;
}

/** A positive change number from text such as `42` or `#42`. */
export function parseChangeNumber(value: string, field: string): number {
  const match = /^#?([0-9]{1,10})$/.exec(value.trim());
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new InputError(field, `"${value}" is not a pull request number (e.g. 42)`);
  }
  return n;
}

function parsePipeline(value: string, field: string): string {
  const v = value.trim();
  if (!PIPELINE_RE.test(v)) {
    throw new InputError(
      field,
      `"${value}" is not a valid pipeline name (lowercase letters, digits, "." and "-", at most 32)`
    );
  }
  return v;
}

/** The prefix of temporary tags: `change_<N>` or the pipeline name (Zuul's exact format). */
export function changePrefix(identity: Pick<ChangeIdentity, 'change' | 'pipeline'>): string {
  return identity.change !== undefined ? `change_${identity.change}` : identity.pipeline;
}

/**
 * The temporary tag for `tag`: `change_<N>_<tag>` or `<pipeline>_<tag>`. Throws InputError naming
 * `field` when the result would exceed the 128-character tag limit.
 */
export function changeTag(
  identity: Pick<ChangeIdentity, 'change' | 'pipeline'>,
  tag: string,
  field = 'tags'
): string {
  const result = `${changePrefix(identity)}_${tag}`;
  if (result.length > MAX_TAG_LENGTH) {
    throw new InputError(
      field,
      `the temporary tag "${result}" would be ${result.length} characters long; tags may have at most ${MAX_TAG_LENGTH} (shorten "${tag}")`
    );
  }
  return result;
}
