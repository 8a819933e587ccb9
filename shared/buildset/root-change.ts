import {type RunnerContext} from '../model/runner-context.js';
import {isMapping} from '../model/structured-input.js';

/**
 * The PR body `Depends-On:` lines are read from: the event's for pull_request events; undefined
 * (fetch it) for another PR, for merge_group, whose event carries no body, and for everything else.
 */
export function rootBody(ctx: RunnerContext, change: number): string | undefined {
  if (ctx.eventName !== 'pull_request' && ctx.eventName !== 'pull_request_target') return undefined;
  const payload = isMapping(ctx.payload) ? ctx.payload : {};
  const pr = isMapping(payload.pull_request) ? payload.pull_request : {};
  // A `change` input naming another PR: its body must be fetched.
  if (pr.number !== change) return undefined;
  return typeof pr.body === 'string' ? pr.body : pr.body === null ? '' : undefined;
}
