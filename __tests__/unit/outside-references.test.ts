/**
 * The repository stands on its own: no tracked text file (code, comments, scripts, docs,
 * workflows, action.yml) points a reader at a document they cannot open from here, such as a
 * section of a notes file outside the repository or a numbered rule of an outside style guide.
 * Public specifications are fine when cited by URL or by RFC number; a `*.md` named without a
 * URL must be a file of this repository.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {basename, join, relative, resolve} from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = relative(ROOT, import.meta.filename);
const SKIPPED = /^(dist|node_modules)\/|(^|\/)package-lock\.json$/;

/** The files git tracks; outside a git checkout, every file but the skipped folders. */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], {cwd: ROOT, encoding: 'utf8'})
      .split('\0')
      .filter(Boolean);
  } catch {
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), {withFileTypes: true}).flatMap(e => {
        const path = dir ? `${dir}/${e.name}` : e.name;
        if (e.name === '.git' || SKIPPED.test(`${path}/`)) return [];
        return e.isDirectory() ? walk(path) : [path];
      });
    return walk('');
  }
}

const files = trackedFiles().filter(f => !SKIPPED.test(f) && f !== SELF);
const markdownNames = new Set(files.filter(f => f.endsWith('.md')).map(f => basename(f)));

interface Rule {
  readonly why: string;
  readonly find: RegExp;
  /** A match that this returns true for is fine after all. */
  readonly allow?: (match: RegExpMatchArray) => boolean;
}

const RULES: Rule[] = [
  {
    why: 'a numbered section of a document (only RFCs may be cited by section without a URL)',
    find: /(?:\bRFC\s+\d+\s+)?§\s*\d/g,
    allow: m => m[0].startsWith('RFC')
  },
  {
    why: 'a markdown file that is not in this repository',
    find: /[\w.-]+\.md\b/g,
    allow: m => markdownNames.has(m[0])
  },
  {why: 'a numbered rule of an outside guide', find: /\b(?:style|rule|anchor)s?\s+R\d+\b/gi},
  {why: 'a numbered rule of an outside guide', find: /\(R\d+\b|\bR\d+ (?:allows|says|requires)\b/g},
  {why: 'an outside notes folder', find: /(?:^|[\s(`'"])(?:seeds|reference)\/|\/work\//g},
  {why: 'an outside notes file', find: /\b[\w-]+-anchors\b|\btest-environment\b/g}
];

// A URL names its target; what it names is checked by whoever follows it, not here.
const URL = /\bhttps?:\/\/\S+/g;

function findings(file: string): string[] {
  const bytes = readFileSync(join(ROOT, file));
  if (bytes.includes(0)) return []; // binary
  const found: string[] = [];
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(URL, '<url>');
      for (const rule of RULES) {
        for (const m of line.matchAll(rule.find)) {
          if (rule.allow?.(m)) continue;
          found.push(`${file}:${i + 1}: ${rule.why}: ${raw.trim()}`);
        }
      }
    });
  return found;
}

test('the scan sees the repository', () => {
  expect(files).toContain('README.md');
  expect(files).toContain('shared/model/grammar.ts');
  expect(files.some(f => f.startsWith('dist/'))).toBe(false);
});

test('no tracked text file cites a document outside the repository', () => {
  expect(files.flatMap(findings)).toEqual([]);
});

test.each([
  ['see the notes (test-environment.md §4)', 1],
  ['(see github-actions-anchors §4)', 1],
  ['layered as the guide says (style R5)', 1],
  ['a fake is allowed here (R9 allows it)', 1],
  ['facts in ../seeds/facts.txt and /work/shared/reference/x', 1],
  ['RFC 7235 §4.1', 0],
  ['the spec (https://github.com/opencontainers/image-spec/blob/main/manifest.md)', 0],
  ['see README.md', 0]
])('the rules judge %j', (text, expected) => {
  const line = text.replace(URL, '<url>');
  const hits = RULES.filter(rule =>
    [...line.matchAll(rule.find)].some(m => !(rule.allow?.(m) ?? false))
  );
  expect(hits.length > 0 ? 1 : 0).toBe(expected);
});
