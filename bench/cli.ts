/**
 * A minimal command line over the engine, bundled by bench/run.ts with ncc so the benchmark runs
 * imagegate as a separate process like skopeo (startup included).
 *   copy <src-ref> <dest-repo-ref> <tag>... [--all|--platform os/arch]
 *   retag <repo-ref> <source-tag> <tag>...   (repeatable, separated by "--")
 * Prints one JSON line: {ms, maxRssKiB, result} (ms: the engine call, without node startup).
 */
import {readFileSync} from 'node:fs';
import {parseReference, parseRepositoryName} from '../shared/model/reference.js';
import {Registry} from '../shared/registry/index.js';

async function main(argv: string[]): Promise<unknown> {
  const engine = new Registry();
  try {
    const [command, ...rest] = argv;
    if (command === 'copy') {
      const platforms = rest.filter((_, i) => rest[i - 1] === '--platform');
      const args = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--platform');
      const [source, dest, ...tags] = args;
      return await engine.copy(parseReference(source), parseRepositoryName(dest), tags, {
        ...(platforms.length > 0 && {platforms})
      });
    }
    if (command === 'retag') {
      // Several groups: retag repoA src t1 t2 -- repoB src t1 t2; all run concurrently.
      const groups: string[][] = [[]];
      for (const a of rest) {
        if (a === '--') groups.push([]);
        else groups[groups.length - 1].push(a);
      }
      return await Promise.all(
        groups.map(([repo, source, ...tags]) =>
          engine.retag(parseRepositoryName(repo), source, tags)
        )
      );
    }
    throw new Error(`unknown command ${command}`);
  } finally {
    engine.close();
  }
}

/**
 * Peak RSS of this process image. VmHWM is reset by exec, unlike getrusage's ru_maxrss, which a
 * child inherits from its parent at fork (the bench parent holds the test image in memory).
 */
function peakRssKiB(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

if (process.env.BENCH_TRACE) {
  setInterval(() => {
    const m = process.memoryUsage();
    console.error(
      `rss ${m.rss >> 20} heap ${m.heapUsed >> 20} external ${m.external >> 20} ab ${m.arrayBuffers >> 20}`
    );
  }, 200).unref();
}
const started = performance.now();
main(process.argv.slice(2)).then(
  result => {
    const ms = Math.round(performance.now() - started);
    const maxRssKiB = peakRssKiB();
    console.log(JSON.stringify({ms, maxRssKiB, result}));
  },
  error => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
);
