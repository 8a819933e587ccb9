/**
 * Plain HTTP calls to a plain-HTTP test registry, for setting up and reading state without the
 * code under test: extra tags on an existing manifest, a hand-made manifest under a tag, and
 * a snapshot of every tag of every repository (what a crash test compares).
 */
import {createHash} from 'node:crypto';
import type {TestRegistry} from './registry.js';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');

/** `host:port` of a plain-HTTP registry or of a proxy in front of one. */
type Host = Pick<TestRegistry, 'host'> | string;
const base = (reg: Host): string => `http://${typeof reg === 'string' ? reg : reg.host}`;

/** PUT the manifest `digest` names under more tags (50 at a time). */
export async function putTags(
  reg: Host,
  repo: string,
  digest: string,
  tags: readonly string[]
): Promise<void> {
  const res = await fetch(`${base(reg)}/v2/${repo}/manifests/${digest}`, {
    headers: {accept: ACCEPT}
  });
  if (res.status !== 200) throw new Error(`GET ${repo}@${digest}: ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  const body = Buffer.from(await res.arrayBuffer());
  for (let i = 0; i < tags.length; i += 50) {
    await Promise.all(
      tags.slice(i, i + 50).map(tag => putManifest(reg, repo, tag, type, body).then(() => {}))
    );
  }
}

/** PUT manifest bytes under a tag; returns their digest. */
export async function putManifest(
  reg: Host,
  repo: string,
  tag: string,
  mediaType: string,
  bytes: Buffer
): Promise<string> {
  const put = await fetch(`${base(reg)}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT',
    headers: {'content-type': mediaType},
    body: bytes
  });
  if (put.status !== 201) throw new Error(`PUT ${repo}:${tag}: ${put.status}`);
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The digest a tag holds, or undefined when the tag does not exist. */
export async function tagDigest(reg: Host, repo: string, tag: string): Promise<string | undefined> {
  const res = await fetch(`${base(reg)}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {accept: ACCEPT}
  });
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`HEAD ${repo}:${tag}: ${res.status}`);
  return res.headers.get('docker-content-digest') ?? undefined;
}

/** The manifest a tag or digest names, parsed. */
export async function manifestJson(reg: Host, repo: string, ref: string): Promise<unknown> {
  const res = await fetch(`${base(reg)}/v2/${repo}/manifests/${ref}`, {
    headers: {accept: ACCEPT}
  });
  if (res.status !== 200) throw new Error(`GET ${repo}:${ref}: ${res.status}`);
  return res.json();
}

/** Every tag of a repository (distribution 2.8 sends them all on one page); [] when absent. */
export async function allTags(reg: Host, repo: string): Promise<string[]> {
  const res = await fetch(`${base(reg)}/v2/${repo}/tags/list`);
  if (res.status === 404) return [];
  const body = (await res.json()) as {tags?: string[] | null};
  return [...(body.tags ?? [])].sort();
}

/** `repository:tag → digest` for every tag of every repository the registry has. */
export async function registryState(reg: Host): Promise<Record<string, string>> {
  // distribution 2.8 answers more than its default 1000 entries with an error.
  const res = await fetch(`${base(reg)}/v2/_catalog?n=1000`);
  if (res.status !== 200) throw new Error(`GET /v2/_catalog: ${res.status}`);
  const catalog = (await res.json()) as {repositories?: string[]};
  const state: Record<string, string> = {};
  for (const repo of (catalog.repositories ?? []).sort()) {
    for (const tag of await allTags(reg, repo)) {
      const digest = await tagDigest(reg, repo, tag);
      if (digest) state[`${repo}:${tag}`] = digest;
    }
  }
  return state;
}
