/**
 * Test images without docker and without our own registry code: an OCI image layout is
 * written on disk here, and skopeo (the independent peer) pushes it.
 *
 * Each layer is a real gzip'd tar holding one file of the requested size. Bytes are random,
 * or derived from `seed` (AES-CTR keystream), so a seeded image has the same digest in every
 * run. gzip from node's zlib has mtime 0 in its header, so seeded blobs are stable too.
 */
import {createCipheriv, createHash, randomBytes} from 'node:crypto';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {makeRunTempDir} from './run-dir.js';
import type {TestRegistry} from './registry.js';
import {rawManifest, skopeo} from './skopeo.js';

export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json'
} as const;

export interface TestImageOptions {
  /** Payload size in bytes of each layer (one file per layer); default one 512-byte layer. */
  layers?: number[];
  /** Manifest format in the registry; 'v2s2' makes skopeo convert. Default 'oci'. */
  format?: 'oci' | 'v2s2';
  /** config.Labels */
  labels?: Record<string, string>;
  /** config `created`; default a fixed date. */
  created?: string;
  arch?: string;
  os?: string;
  variant?: string;
  /** Deterministic content: same options + seed → same digest. */
  seed?: string;
  /**
   * Per layer: a seed of its own, so images can share a layer (a common base) while `seed`
   * keeps their other layers apart.
   */
  layerSeeds?: (string | undefined)[];
  /** Manifest annotations (OCI format only; the conversion to v2s2 drops them). */
  annotations?: Record<string, string>;
}

export interface PushedImage {
  /** sha256 of the manifest bytes as stored in the registry. */
  digest: string;
  mediaType: string;
  config: string;
  layers: string[];
}

export interface TestIndexOptions extends Omit<TestImageOptions, 'arch' | 'os' | 'variant'> {
  /** e.g. ['linux/amd64', 'linux/arm64', 'linux/arm/v7'] */
  platforms: string[];
}

export interface PushedIndex {
  digest: string;
  mediaType: string;
  /** Child manifest digests, in index order. */
  children: string[];
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: {os: string; architecture: string; variant?: string};
  annotations?: Record<string, string>;
}

const DEFAULT_CREATED = '2024-01-01T00:00:00Z';
const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A minimal ustar archive with one regular file (what a layer needs, nothing more). */
export function tarOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number) =>
    header.write(value.slice(0, length), offset, length, 'ascii');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0') + '\0';
  field(name, 0, 100);
  field(octal(0o644, 8), 100, 8);
  field(octal(0, 8), 108, 8); // uid
  field(octal(0, 8), 116, 8); // gid
  field(octal(content.length, 12), 124, 12);
  field(octal(0, 12), 136, 12); // mtime
  field('        ', 148, 8); // checksum placeholder: spaces while summing
  field('0', 156, 1); // regular file
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const b of header) sum += b;
  field(octal(sum, 7) + ' ', 148, 8);
  const pad = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, pad, Buffer.alloc(1024)]);
}

function payload(size: number, seed: string | undefined, label: string): Buffer {
  if (seed === undefined) return randomBytes(size);
  const key = createHash('sha256').update(`${seed}\0${label}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size));
}

function parsePlatform(p: string): {os: string; architecture: string; variant?: string} {
  const [os, architecture, variant] = p.split('/');
  if (!os || !architecture) throw new Error(`bad platform ${p}, want os/arch[/variant]`);
  return variant ? {os, architecture, variant} : {os, architecture};
}

class OciLayout {
  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(join(this.dir, 'blobs', 'sha256'), {recursive: true});
    await writeFile(join(this.dir, 'oci-layout'), JSON.stringify({imageLayoutVersion: '1.0.0'}));
  }

  async blob(mediaType: string, data: Buffer): Promise<Descriptor> {
    const digest = sha256(data);
    await writeFile(join(this.dir, 'blobs', 'sha256', digest.slice(7)), data);
    return {mediaType, digest, size: data.length};
  }

  async json(mediaType: string, value: object): Promise<Descriptor> {
    return this.blob(mediaType, Buffer.from(JSON.stringify(value)));
  }

  /** index.json naming `desc` as `tag` (what `oci:<dir>:<tag>` looks up). */
  async tag(desc: Descriptor, tag: string): Promise<void> {
    const entry = {...desc, annotations: {'org.opencontainers.image.ref.name': tag}};
    const index = {schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: [entry]};
    await writeFile(join(this.dir, 'index.json'), JSON.stringify(index));
  }
}

async function writeImage(
  layout: OciLayout,
  opts: TestImageOptions,
  label: string
): Promise<Descriptor> {
  const created = opts.created ?? DEFAULT_CREATED;
  const platform = parsePlatform(
    [opts.os ?? 'linux', opts.arch ?? 'amd64', opts.variant].filter(Boolean).join('/')
  );
  const layers: Descriptor[] = [];
  const diffIds: string[] = [];
  for (const [i, size] of (opts.layers ?? [512]).entries()) {
    const own = opts.layerSeeds?.[i];
    const content =
      own === undefined ? payload(size, opts.seed, `${label}/${i}`) : payload(size, own, 'layer');
    const tar = tarOneFile(`layer-${i}.bin`, content);
    diffIds.push(sha256(tar));
    layers.push(await layout.blob(MEDIA_TYPES.ociLayerGzip, gzipSync(tar, {level: 1})));
  }
  const config = await layout.json(MEDIA_TYPES.ociConfig, {
    created,
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? {variant: platform.variant} : {}),
    config: {Labels: opts.labels ?? {}},
    rootfs: {type: 'layers', diff_ids: diffIds},
    history: diffIds.map((_, i) => ({created, created_by: `imagegate-test layer ${i}`}))
  });
  const manifest = await layout.json(MEDIA_TYPES.ociManifest, {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config,
    layers,
    ...(opts.annotations ? {annotations: opts.annotations} : {})
  });
  return {...manifest, platform};
}

async function withLayout<T>(fn: (layout: OciLayout) => Promise<T>): Promise<T> {
  const layout = new OciLayout(makeRunTempDir('oci-layout'));
  try {
    await layout.init();
    return await fn(layout);
  } finally {
    await rm(layout.dir, {recursive: true, force: true});
  }
}

async function copyToRegistry(
  layout: OciLayout,
  reg: TestRegistry,
  target: string,
  extra: string[]
): Promise<string> {
  const digestFile = join(layout.dir, 'pushed.digest');
  const args = ['copy', '--quiet', '--digestfile', digestFile, ...extra];
  await skopeo([...args, ...reg.skopeoArgs('dest'), `oci:${layout.dir}:src`, target]);
  return (await readFile(digestFile, 'utf8')).trim();
}

/** What the registry now serves under `ref`, checked against skopeo's own --digestfile. */
async function stored(reg: TestRegistry, repo: string, tag: string, expected: string) {
  const raw = await rawManifest(reg, repo, tag);
  const digest = sha256(raw);
  if (digest !== expected) {
    throw new Error(`${reg.host}/${repo}:${tag} serves ${digest}, skopeo pushed ${expected}`);
  }
  return {digest, manifest: JSON.parse(raw.toString('utf8')) as Record<string, unknown>};
}

/** Builds an image as an OCI layout and pushes it with `skopeo copy`. */
export async function pushTestImage(
  reg: TestRegistry,
  repo: string,
  tag: string,
  opts: TestImageOptions = {}
): Promise<PushedImage> {
  return withLayout(async layout => {
    const desc = await writeImage(layout, opts, 'image');
    await layout.tag(desc, 'src');
    const format = opts.format ?? 'oci';
    const target = `docker://${reg.host}/${repo}:${tag}`;
    const pushed = await copyToRegistry(layout, reg, target, ['--format', format]);
    const {digest, manifest} = await stored(reg, repo, tag, pushed);
    const m = manifest as {mediaType: string; config: Descriptor; layers: Descriptor[]};
    return {
      digest,
      mediaType: m.mediaType,
      config: m.config.digest,
      layers: m.layers.map(l => l.digest)
    };
  });
}

/** Builds one image per platform plus an OCI index over them, and pushes all (`copy --all`). */
export async function pushTestIndex(
  reg: TestRegistry,
  repo: string,
  tag: string,
  opts: TestIndexOptions
): Promise<PushedIndex> {
  return withLayout(async layout => {
    const manifests: Descriptor[] = [];
    for (const p of opts.platforms) {
      const {os, architecture, variant} = parsePlatform(p);
      manifests.push(await writeImage(layout, {...opts, os, arch: architecture, variant}, p));
    }
    const index = await layout.json(MEDIA_TYPES.ociIndex, {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests,
      ...(opts.annotations ? {annotations: opts.annotations} : {})
    });
    await layout.tag(index, 'src');
    const extra = ['--all', '--format', opts.format ?? 'oci'];
    const target = `docker://${reg.host}/${repo}:${tag}`;
    const pushed = await copyToRegistry(layout, reg, target, extra);
    const {digest, manifest} = await stored(reg, repo, tag, pushed);
    const list = manifest as {mediaType: string; manifests: Descriptor[]};
    return {digest, mediaType: list.mediaType, children: list.manifests.map(d => d.digest)};
  });
}
