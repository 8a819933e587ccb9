/**
 * The hostile-input corpus: every action and the CLI fed malformed, huge, aliased, unicode,
 * option-looking, traversing and bypassing inputs, ReDoS patterns, and a registry (and a GitHub
 * API) that answers with bad digests, lying lengths, cross-origin redirects and links, giant
 * manifests and huge tag lists. Every case must end with exit 1 and an error naming the field
 * (or a named skip), write nothing to any registry, show no secret, and finish within 2 s.
 * Most cases run the command functions in-process with the runner's own log face; a subset
 * runs the bundles.
 */
import {type CommandIO} from '../../../shared/runner/io.js';
import {buildAction} from '../../../shared/commands/build.js';
import {buildsetRegistryAction} from '../../../shared/commands/buildset-registry.js';
import {mirrorAction} from '../../../shared/commands/mirror.js';
import {promoteAction} from '../../../shared/commands/promote.js';
import {uploadAction} from '../../../shared/commands/upload.js';
import {runBundle, withoutMasks} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {
  type HostileRegistry,
  OCI_INDEX,
  OCI_MANIFEST,
  emptyIndex,
  startHostileRegistry
} from '../../support/hostile-registry.js';
import {type InProcessRun, runCliInProcess, runCommand} from '../../support/in-process.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {MERGED_SHA} from '../../support/merged-change.js';

const SECRET = 'S3cr3t-corpus-9f8e7d';
const PR_EVENT = {number: 42, pull_request: {number: 42, head: {sha: MERGED_SHA}}};
const ZERO = `sha256:${'0'.repeat(64)}`;

let reg: TestRegistry;
let hostile: HostileRegistry;
let elsewhere: HostileRegistry;
let github: GitHubApiFixture;

beforeAll(async () => {
  [reg, hostile, elsewhere, github] = await Promise.all([
    startRegistry('plain'),
    startHostileRegistry(),
    startHostileRegistry(),
    startGitHubApi({
      [`GET /repos/acme/app/commits/${MERGED_SHA}/pulls`]: [
        {number: '42', merged_at: 'x'},
        {number: -1, merged_at: 'x'},
        {number: 1.5, merged_at: 'x'},
        {number: 1e21, merged_at: 'x'}
      ],
      [`GET /repos/acme/app/git/commits/${MERGED_SHA}`]: {tree: {sha: '../../../x'}}
    })
  ]);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), hostile?.stop(), elsewhere?.stop(), github?.stop()]);
});
beforeEach(() => {
  hostile.reset();
  elsewhere.reset();
});

type Face = 'build' | 'upload' | 'promote' | 'mirror' | 'buildset-registry';
const COMMANDS: Record<Face, (io: CommandIO) => Promise<void>> = {
  build: buildAction,
  upload: uploadAction,
  promote: promoteAction,
  mirror: mirrorAction,
  'buildset-registry': io =>
    buildsetRegistryAction(io, {
      state: {save: () => undefined, get: () => ''},
      exportVariable: () => undefined
    })
};

interface Case {
  readonly name: string;
  readonly face: Face | 'cli';
  readonly inputs?: Record<string, string>;
  readonly argv?: string[];
  /** What the error must name (a field path, usually). */
  readonly field: string;
  /** A named skip: exit 0 and this line in the log instead of an error. */
  readonly skip?: string;
  /** Hostile answers to install before the run. */
  readonly hostile?: (h: HostileRegistry, other: HostileRegistry) => void;
  readonly event?: {name: string; payload: unknown};
  /** Also run through the bundle. */
  readonly bundle?: boolean;
}

// Cases are built before the servers start: hosts are placeholders, filled in at run time.
const host = () => '@REG@';
const creds = () => `${host()}: {username: ci, password: "${SECRET}"}`;
const img = (extra = '') => `- {context: ctx, repository: ${host()}/corpus/app${extra}}`;
const promoteImg = (extra = '') => `- {repository: ${host()}/corpus/app${extra}}`;

// ---------------------------------------------------------------- container-images, three faces
/** [name, entry YAML (after "- "), field, faces]: faces b = build, u = upload, p = promote. */
const ENTRY_PROBLEMS: [string, () => string, string, string][] = [
  [
    'uppercase repository',
    () => `{context: c, repository: ${host()}/Corpus/App}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository with a line break and a command',
    () => `{context: c, repository: "${host()}/app\\n::warning::pwned"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository with an RTL override',
    () => `{context: c, repository: "${host()}/ap\\u202ep"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository with NUL',
    () => `{context: c, repository: "${host()}/ap\\0p"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'full-width repository',
    () => `{context: c, repository: "${host()}/ａｐｐ"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository as a URL',
    () => `{context: c, repository: "https://${host()}/org/app"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository with traversal',
    () => `{context: c, repository: "${host()}/org/../../victim"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository with a tag',
    () => `{context: c, repository: "${host()}/org/app:latest"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository with a bad digest',
    () => `{context: c, repository: "${host()}/org/app@sha256:../../x"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository of 300 characters',
    () => `{context: c, repository: ${host()}/${'a'.repeat(300)}}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository of 500 000 characters',
    () => `{context: c, repository: ${'a'.repeat(500_000)}.example/x}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository host with a space',
    () => `{context: c, repository: "bad host.example/x"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository option-looking',
    () => `{context: c, repository: "--privileged"}`,
    'container-images[0].repository',
    'bup'
  ],
  [
    'repository a boolean',
    () => `{context: c, repository: true}`,
    'container-images[0].repository',
    'bup'
  ],
  ['repository missing', () => `{context: c, tags: [v1]}`, 'container-images[0].repository', 'bup'],
  [
    'tag with a command',
    () => `{context: c, repository: ${host()}/x, tags: ["v1\\n::error::x"]}`,
    'container-images[0].tags[0]',
    'bup'
  ],
  [
    'tag option-looking',
    () => `{context: c, repository: ${host()}/x, tags: ["-t"]}`,
    'container-images[0].tags[0]',
    'bup'
  ],
  [
    'tag with traversal',
    () => `{context: c, repository: ${host()}/x, tags: ["../../latest"]}`,
    'container-images[0].tags[0]',
    'bup'
  ],
  [
    'tag of 129 characters',
    () => `{context: c, repository: ${host()}/x, tags: ["${'a'.repeat(129)}"]}`,
    'container-images[0].tags[0]',
    'bup'
  ],
  [
    'tag empty',
    () => `{context: c, repository: ${host()}/x, tags: [""]}`,
    'container-images[0].tags[0]',
    'bup'
  ],
  [
    'tag a YAML boolean',
    () => `{context: c, repository: ${host()}/x, tags: [true]}`,
    'container-images[0].tags[0]',
    'bup'
  ],
  [
    'tags a string',
    () => `{context: c, repository: ${host()}/x, tags: latest}`,
    'container-images[0].tags',
    'bup'
  ],
  [
    'tags a mapping',
    () => `{context: c, repository: ${host()}/x, tags: {a: b}}`,
    'container-images[0].tags',
    'bup'
  ],
  [
    'duplicate tags',
    () => `{context: c, repository: ${host()}/x, tags: [a, a]}`,
    'container-images[0].tags[1]',
    'bup'
  ],
  [
    'unknown key',
    () => `{context: c, repository: ${host()}/x, volumes: ["/:/host"]}`,
    'container-images[0].volumes',
    'bup'
  ],
  [
    'unknown key with control characters',
    () => `{context: c, repository: ${host()}/x, "k\\u001b[2J": 1}`,
    'container-images[0].k\\u001b[2J',
    'bup'
  ],
  [
    'change tag longer than 128',
    () => `{context: c, repository: ${host()}/x, tags: ["${'a'.repeat(125)}"]}`,
    'container-images[0].tags[0]',
    'bu'
  ],
  [
    'path option-looking',
    () => `{context: c, path: "--volume=/:/host", repository: ${host()}/x}`,
    'container-images[0].path',
    'bu'
  ],
  [
    'path leaving the checkout',
    () => `{context: c, path: "../../..", repository: ${host()}/x}`,
    'container-images[0].path',
    'bu'
  ],
  [
    'path absolute',
    () => `{context: c, path: /etc, repository: ${host()}/x}`,
    'container-images[0].path',
    'bu'
  ],
  [
    'context option-looking',
    () => `{context: "-c", repository: ${host()}/x}`,
    'container-images[0].context',
    'bu'
  ],
  [
    'context leaving the workspace',
    () => `{context: ../.., repository: ${host()}/x}`,
    'container-images[0].context',
    'bu'
  ],
  [
    'context absolute',
    () => `{context: /, repository: ${host()}/x}`,
    'container-images[0].context',
    'bu'
  ],
  [
    'context a Windows path',
    () => `{context: "C:\\\\Windows", repository: ${host()}/x}`,
    'container-images[0].context',
    'bu'
  ],
  [
    'context with NUL',
    () => `{context: "a\\0b", repository: ${host()}/x}`,
    'container-images[0].context',
    'bu'
  ],
  ['context missing', () => `{repository: ${host()}/x}`, 'container-images[0].context', 'bu'],
  [
    'context that does not exist',
    () => `{context: nowhere, repository: ${host()}/x}`,
    'container-images[0].context',
    'bu'
  ],
  [
    'container_filename option-looking',
    () => `{context: c, container_filename: "--file=/etc/passwd", repository: ${host()}/x}`,
    'container-images[0].container_filename',
    'bu'
  ],
  [
    'container_filename leaving the checkout',
    () => `{context: c, container_filename: ../../../etc/passwd, repository: ${host()}/x}`,
    'container-images[0].container_filename',
    'bu'
  ],
  [
    'target option-looking',
    () => `{context: c, target: "--privileged", repository: ${host()}/x}`,
    'container-images[0].target',
    'bu'
  ],
  [
    'target with a space',
    () => `{context: c, target: "a b", repository: ${host()}/x}`,
    'container-images[0].target',
    'bu'
  ],
  [
    'build arg option-looking',
    () => `{context: c, build_args: ["--network=host"], repository: ${host()}/x}`,
    'container-images[0].build_args[0]',
    'bu'
  ],
  [
    'build arg without a name',
    () => `{context: c, build_args: ["=x"], repository: ${host()}/x}`,
    'container-images[0].build_args[0]',
    'bu'
  ],
  [
    'sibling option-looking',
    () => `{context: c, siblings: ["--x"], repository: ${host()}/x}`,
    'container-images[0].siblings[0]',
    'bu'
  ],
  [
    'sibling leaving the workspace',
    () => `{context: c, siblings: ["../other"], repository: ${host()}/x}`,
    'container-images[0].siblings[0]',
    'bu'
  ],
  [
    'label key option-looking',
    () => `{context: c, labels: {"--x": y}, repository: ${host()}/x}`,
    'container-images[0].labels.--x',
    'bu'
  ],
  [
    'label value a mapping',
    () => `{context: c, labels: {a: {b: c}}, repository: ${host()}/x}`,
    'container-images[0].labels.a',
    'bu'
  ],
  [
    'arch option-looking',
    () => `{context: c, arch: ["--platform=x"], repository: ${host()}/x}`,
    'container-images[0].arch[0]',
    'bu'
  ],
  [
    'arch with traversal',
    () => `{context: c, arch: ["linux/../../x"], repository: ${host()}/x}`,
    'container-images[0].arch[0]',
    'bu'
  ]
];

/** Whole-input problems: [name, text, field]. */
const LIST_PROBLEMS: [string, () => string, string][] = [
  ['unclosed flow sequence', () => '- {repository: x', 'container-images'],
  ['a mapping instead of a list', () => `repository: ${host()}/x`, 'container-images'],
  ['a scalar', () => 'just text', 'container-images'],
  ['an empty list', () => '[]', 'container-images'],
  ['a list of strings', () => '- a\n- b', 'container-images[0]'],
  ['a list with null', () => '- null', 'container-images[0]'],
  ['more than 1 MiB', () => `# ${'x'.repeat(1024 * 1024)}\n- {repository: x}`, 'container-images'],
  ['a billion-laughs alias bomb', () => billionLaughs(), 'container-images'],
  [
    'a repeated key',
    () => `- {repository: ${host()}/x, repository: ${host()}/y}`,
    'container-images'
  ],
  ['a custom YAML tag', () => '- !!js/function "function(){}"', 'container-images'],
  ['tabs for indentation', () => '-\n\trepository: x', 'container-images'],
  ['a JSON object', () => '{"repository": "x"}', 'container-images'],
  [
    'an entry with 10 000 unknown keys',
    () => `- {${Array.from({length: 10_000}, (_, i) => `k${i}: 1`).join(', ')}, repository: x}`,
    'container-images[0].k0'
  ],
  [
    'a list of 10 000 broken entries',
    () => Array.from({length: 10_000}, () => '- 1').join('\n'),
    'container-images[0]'
  ]
];

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n');
}

function imageCases(): Case[] {
  const out: Case[] = [];
  for (const [name, entry, field, faces] of ENTRY_PROBLEMS) {
    for (const face of ['build', 'upload', 'promote'] as const) {
      if (!faces.includes(face[0])) continue;
      out.push({
        name: `${face}: ${name}`,
        face,
        inputs: {
          get 'container-images'() {
            return `- ${entry()}`;
          },
          ...(face !== 'build' && {
            get 'registry-credentials'() {
              return creds();
            }
          }),
          ...(face !== 'promote' && {change: '42'}),
          ...(face === 'promote' && {change: '42'})
        },
        field
      });
    }
  }
  for (const [name, text, field] of LIST_PROBLEMS) {
    for (const face of ['build', 'upload', 'promote'] as const) {
      out.push({
        name: `${face}: container-images ${name}`,
        face,
        inputs: {
          get 'container-images'() {
            return text();
          },
          change: '42'
        },
        field
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- registry-credentials
const CREDENTIAL_PROBLEMS: [string, () => string, string][] = [
  ['a bare secret string', () => SECRET, 'registry-credentials'],
  ['a secret in a list', () => `[${SECRET}]`, 'registry-credentials'],
  ['an entry that is the secret', () => `${host()}: ${SECRET}`, `registry-credentials.${host()}`],
  [
    'broken YAML around the secret',
    () => `${host()}: {password: "${SECRET}}`,
    'registry-credentials'
  ],
  [
    'a password that is a list',
    () => `${host()}: {username: u, password: [${SECRET}]}`,
    `registry-credentials.${host()}.password`
  ],
  [
    'no username',
    () => `${host()}: {password: "${SECRET}"}`,
    `registry-credentials.${host()}.username`
  ],
  [
    'an option-looking username',
    () => `${host()}: {username: "--password=x", password: "${SECRET}"}`,
    `registry-credentials.${host()}.username`
  ],
  [
    'an unknown key',
    () => `${host()}: {username: u, password: "${SECRET}", passwd: x}`,
    `registry-credentials.${host()}.passwd`
  ],
  [
    'a lookahead regex',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "^(?=x)"}`,
    `registry-credentials.${host()}.repository`
  ],
  [
    'a backreference regex',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "(a)\\\\1"}`,
    `registry-credentials.${host()}.repository`
  ],
  [
    'an invalid regex',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "(["}`,
    `registry-credentials.${host()}.repository`
  ],
  [
    'a 2000-character regex',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "${'a'.repeat(2000)}"}`,
    `registry-credentials.${host()}.repository`
  ],
  [
    'a huge repetition regex',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "((a{100}){100}){100}"}`,
    `registry-credentials.${host()}.repository`
  ],
  [
    'a ReDoS regex (a+)+$ that must not match',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "^(a+)+$"}`,
    'container-images[0].repository'
  ],
  [
    'a ReDoS regex (x+x+)+y',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "(a+a+)+y"}`,
    'container-images[0].repository'
  ],
  [
    'a regex for another path',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "^${host()}/allowed/"}`,
    'container-images[0].repository'
  ],
  [
    'a regex anchored on the input form only',
    () => `${host()}: {username: u, password: "${SECRET}", repository: "^corpus/"}`,
    'container-images[0].repository'
  ]
];

function credentialCases(): Case[] {
  const out: Case[] = [];
  for (const [name, text, field] of CREDENTIAL_PROBLEMS) {
    for (const face of ['upload', 'promote', 'mirror'] as const) {
      const mirrorField = field.replace(
        'container-images[0].repository',
        'mirrors[0].dest_repository'
      );
      out.push({
        name: `${face}: registry-credentials ${name}`,
        face,
        inputs: {
          get 'registry-credentials'() {
            return text();
          },
          ...(face === 'mirror'
            ? {
                get mirrors() {
                  return `- {src_repository: ${host()}/corpus/src, src_tag: v1, dest_repository: ${host()}/corpus/app}`;
                }
              }
            : {
                get 'container-images'() {
                  return face === 'upload' ? img() : promoteImg();
                },
                change: '42'
              })
        },
        field: face === 'mirror' ? mirrorField : field
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- bypass attempts
function bypassCases(): Case[] {
  const restricted = () =>
    `${host()}: {username: ci, password: "${SECRET}", repository: "^${host()}/allowed/"}`;
  return [
    {
      name: 'mirror: dest_registry naming a host without credentials',
      face: 'mirror',
      field: 'mirrors[0].dest_repository',
      inputs: {
        get mirrors() {
          return `- {src_repository: ${host()}/a/b, src_tag: v1, dest_repository: ${host()}/forbidden/copy, dest_registry: nothing.example}`;
        },
        get 'registry-credentials'() {
          return restricted();
        }
      }
    },
    {
      name: 'mirror: dest_registry naming the allowed credential of another host',
      face: 'mirror',
      field: 'mirrors[0].dest_repository',
      inputs: {
        get mirrors() {
          return `- {src_repository: ${host()}/a/b, src_tag: v1, dest_repository: other.example/allowed/x, dest_registry: ${host()}}`;
        },
        get 'registry-credentials'() {
          return restricted();
        }
      }
    },
    {
      name: 'promote: registry naming a host without credentials',
      face: 'promote',
      field: 'container-images[0].repository',
      inputs: {
        get 'container-images'() {
          return `- {repository: ${host()}/forbidden/app, registry: nothing.example}`;
        },
        get 'registry-credentials'() {
          return restricted();
        },
        change: '42'
      }
    },
    {
      name: 'promote: registry docker.io for another host',
      face: 'promote',
      field: 'container-images[0].repository',
      inputs: {
        get 'container-images'() {
          return `- {repository: ${host()}/forbidden/app, registry: docker.io}`;
        },
        get 'registry-credentials'() {
          return `docker.io: {username: ci, password: "${SECRET}", repository: "^docker.io/acme/"}`;
        },
        change: '42'
      }
    },
    {
      name: 'upload: registry docker.io for another host',
      face: 'upload',
      field: 'container-images[0].repository',
      inputs: {
        get 'container-images'() {
          return `- {context: c, repository: ${host()}/forbidden/app, registry: docker.io}`;
        },
        get 'registry-credentials'() {
          return `docker.io: {username: ci, password: "${SECRET}", repository: "^docker.io/acme/"}`;
        },
        change: '42',
        promote: 'false'
      }
    },
    {
      name: 'upload: a named credential whose regex does not allow the host',
      face: 'upload',
      field: 'container-images[0].repository',
      inputs: {
        get 'container-images'() {
          return `- {context: c, repository: ${host()}/forbidden/app, registry: pushbot}`;
        },
        get 'registry-credentials'() {
          return `pushbot: {username: ci, password: "${SECRET}", repository: "^${host()}/allowed/"}`;
        },
        change: '42'
      }
    },
    {
      name: 'upload: two credentials named for one host',
      face: 'upload',
      field: 'container-images[1].registry',
      inputs: {
        get 'container-images'() {
          return `- {context: c, repository: ${host()}/allowed/a, registry: one}\n- {context: c, repository: ${host()}/allowed/b, registry: two}`;
        },
        get 'registry-credentials'() {
          return `one: {username: a, password: "${SECRET}"}\ntwo: {username: b, password: "${SECRET}x"}`;
        },
        change: '42'
      }
    },
    {
      name: 'upload: no credentials at all',
      face: 'upload',
      field: 'container-images[0].registry',
      inputs: {
        get 'container-images'() {
          return img();
        },
        change: '42'
      }
    },
    {
      name: 'upload: a key naming no credential and no host credential',
      face: 'upload',
      field: 'container-images[0].registry',
      inputs: {
        get 'container-images'() {
          return `- {context: c, repository: ${host()}/x, registry: nobody}`;
        },
        change: '42'
      }
    },
    {
      name: 'upload, intermediate: staging outside the regex',
      face: 'upload',
      field: 'intermediate-registry',
      inputs: {
        get 'container-images'() {
          return img();
        },
        get 'registry-credentials'() {
          return `${host()}: {username: ci, password: "${SECRET}", repository: "^${host()}/corpus/"}`;
        },
        get 'intermediate-registry'() {
          return `${host()}/staging`;
        },
        'promote-method': 'intermediate-registry',
        change: '42'
      }
    },
    {
      name: 'upload, intermediate: the change index outside the regex',
      face: 'upload',
      field: 'intermediate-registry',
      inputs: {
        get 'container-images'() {
          return img();
        },
        get 'registry-credentials'() {
          return `${host()}: {username: ci, password: "${SECRET}", repository: "/corpus/app"}`;
        },
        get 'intermediate-registry'() {
          return `${host()}/staging`;
        },
        'promote-method': 'intermediate-registry',
        change: '42'
      }
    }
  ];
}

// ---------------------------------------------------------------- other inputs per action
function inputCases(): Case[] {
  const withImages = (
    face: Face,
    inputs: Record<string, string>,
    field: string,
    name: string
  ): Case => ({
    name: `${face}: ${name}`,
    face,
    field,
    inputs: {
      get 'container-images'() {
        return face === 'promote' ? promoteImg() : img();
      },
      get 'registry-credentials'() {
        return creds();
      },
      change: '42',
      ...inputs
    }
  });
  return [
    withImages(
      'promote',
      {'cleanup-pattern': '^(?<!x)a'},
      'cleanup-pattern',
      'cleanup-pattern with lookbehind'
    ),
    withImages(
      'promote',
      {'cleanup-pattern': '(a)\\1'},
      'cleanup-pattern',
      'cleanup-pattern with a backreference'
    ),
    withImages(
      'promote',
      {'cleanup-pattern': '(['},
      'cleanup-pattern',
      'cleanup-pattern unparsable'
    ),
    withImages(
      'promote',
      {'cleanup-pattern': 'a'.repeat(5000)},
      'cleanup-pattern',
      'cleanup-pattern of 5000 characters'
    ),
    withImages(
      'promote',
      {'cleanup-pattern': '^(a+)+$'},
      'container-images[0].tags[0]',
      'cleanup-pattern ^(a+)+$ (compiles at once; no change tag)'
    ),
    withImages(
      'promote',
      {'cleanup-pattern': '(x+x+)+y'},
      'container-images[0].tags[0]',
      'cleanup-pattern (x+x+)+y (compiles at once; no change tag)'
    ),
    withImages('promote', {'cleanup-age': '1y'}, 'cleanup-age', 'cleanup-age in years'),
    withImages('promote', {'cleanup-age': '-1h'}, 'cleanup-age', 'cleanup-age negative'),
    withImages(
      'promote',
      {'promote-method': 'rsync'},
      'promote-method',
      'an unknown promote-method'
    ),
    withImages(
      'promote',
      {'promote-method': 'intermediate-registry'},
      'intermediate-registry',
      'intermediate method without a location'
    ),
    withImages(
      'promote',
      {'promote-method': 'intermediate-registry', 'intermediate-registry': '--x'},
      'intermediate-registry',
      'an option-looking intermediate-registry'
    ),
    withImages(
      'promote',
      {'promote-method': 'intermediate-registry', 'intermediate-registry': 'https://ghcr.io/x'},
      'intermediate-registry',
      'an intermediate-registry URL'
    ),
    withImages(
      'promote',
      {'promote-method': 'intermediate-registry', 'intermediate-registry': 'ghcr.io/a/../../b'},
      'intermediate-registry',
      'an intermediate-registry with traversal'
    ),
    withImages('promote', {change: '-1'}, 'change', 'a negative change'),
    withImages('promote', {change: '99999999999999999999999'}, 'change', 'a huge change'),
    withImages('promote', {change: '1e3'}, 'change', 'a change in exponent form'),
    withImages(
      'promote',
      {'verify-source': 'yes please'},
      'verify-source',
      'verify-source not a boolean'
    ),
    withImages('promote', {'dry-run': '1'}, 'dry-run', 'dry-run not a boolean'),
    withImages(
      'promote',
      {change: '', pipeline: ''},
      'change',
      'a push whose GitHub API answer has no valid PR number'
    ),
    withImages('upload', {promote: 'maybe'}, 'promote', 'promote not a boolean'),
    withImages(
      'upload',
      {'promote-method': 'intermediate-registry'},
      'intermediate-registry',
      'intermediate method without a location'
    ),
    withImages('upload', {parallel: '0'}, 'parallel', 'parallel 0'),
    withImages('upload', {parallel: '1e9'}, 'parallel', 'parallel huge'),
    withImages(
      'upload',
      {'container-command': 'sh -c id'},
      'container-command',
      'a shell as container-command'
    ),
    withImages(
      'upload',
      {'container-filename': '--file=/etc/shadow'},
      'container-filename',
      'an option-looking container-filename'
    ),
    withImages(
      'upload',
      {'container-filename': '/etc/passwd'},
      'container-filename',
      'an absolute container-filename'
    ),
    withImages(
      'upload',
      {'build-extra-env': 'LD PRELOAD: x'},
      'build-extra-env.LD PRELOAD',
      'a build-extra-env name with a space'
    ),
    withImages(
      'upload',
      {'build-extra-env': 'A: {b: c}'},
      'build-extra-env.A',
      'a build-extra-env value that is a mapping'
    ),
    withImages('upload', {'build-extra-env': '- A=1'}, 'build-extra-env', 'build-extra-env a list'),
    withImages(
      'build',
      {'container-command': 'podman --remote'},
      'container-command',
      'an option in container-command'
    ),
    withImages(
      'build',
      {'container-filename': '-'},
      'container-filename',
      'container-filename "-"'
    ),
    withImages('build', {parallel: '-3'}, 'parallel', 'parallel negative'),
    withImages('build', {change: 'abc'}, 'change', 'a change that is not a number'),
    withImages('build', {pipeline: '--x'}, 'pipeline', 'an option-looking pipeline'),
    withImages('build', {pipeline: 'a/b'}, 'pipeline', 'a pipeline with a slash'),
    ...(
      [
        ['registry-image', '--privileged', 'registry-image'],
        ['registry-image', 'docker.io/library/registry:2;id', 'registry-image'],
        ['namespaces', 'docker.io, --all', 'namespaces[1]'],
        ['namespaces', 'quay.io/../x', 'namespaces[0]'],
        ['configure', 'docker, kubectl', 'configure[1]'],
        ['share', 'everything', 'share'],
        ['container-command', 'nerdctl', 'container-command'],
        ['intermediate-registry', 'not a host', 'intermediate-registry'],
        ['require-dependencies', 'perhaps', 'require-dependencies'],
        ['change', '0x2a', 'change']
      ] as const
    ).map(([input, value, field]): Case => ({
      name: `buildset-registry: ${input} ${JSON.stringify(value)}`,
      face: 'buildset-registry',
      field,
      inputs: {[input]: value}
    }))
  ];
}

// ---------------------------------------------------------------- mirrors
function mirrorCases(): Case[] {
  const entry = (body: string) =>
    `- {src_repository: ${host()}/a/b, dest_repository: ${host()}/c/d, ${body}}`;
  const items: [string, () => string, string][] = [
    ['a lookahead tag regex', () => entry('tags: "/^(?=v)/"'), 'mirrors[0].tags'],
    ['an unparsable tag regex', () => entry('tags: "/([/"'), 'mirrors[0].tags'],
    [
      'a tag regex of 3000 characters',
      () => entry(`tags: "/${'a'.repeat(3000)}/"`),
      'mirrors[0].tags'
    ],
    [
      'src_tag with traversal',
      () => entry('src_tag: "../../../victim/app/manifests/latest"'),
      'mirrors[0].src_tag'
    ],
    ['src_tag with a command', () => entry('src_tag: "v1\\n::add-mask::x"'), 'mirrors[0].src_tag'],
    ['dest_tag option-looking', () => entry('src_tag: v1, dest_tag: "--x"'), 'mirrors[0].dest_tag'],
    [
      'src_digest not a digest',
      () => entry('src_tag: v1, src_digest: "sha256:../../x"'),
      'mirrors[0].src_digest'
    ],
    [
      'src_digest short',
      () => entry('src_tag: v1, src_digest: "sha256:abc"'),
      'mirrors[0].src_digest'
    ],
    [
      'platforms with traversal',
      () => entry('src_tag: v1, platforms: ["../x"]'),
      'mirrors[0].platforms[0]'
    ],
    ['no_clobber a string', () => entry('src_tag: v1, no_clobber: "yes"'), 'mirrors[0].no_clobber'],
    ['src_tag and tags together', () => entry('src_tag: v1, tags: [v2]'), 'mirrors[0].tags'],
    [
      'dest_repository a URL',
      () => `- {src_repository: ${host()}/a/b, src_tag: v1, dest_repository: "http://${host()}/c"}`,
      'mirrors[0].dest_repository'
    ],
    [
      'src_repository option-looking',
      () => `- {src_repository: "-x", src_tag: v1, dest_repository: ${host()}/c/d}`,
      'mirrors[0].src_repository'
    ],
    ['an unknown key', () => entry('src_tag: v1, exec: id'), 'mirrors[0].exec'],
    ['a scalar list', () => 'mirror everything', 'mirrors'],
    ['a billion-laughs alias bomb', () => billionLaughs(), 'mirrors'],
    ['more than 1 MiB', () => `# ${'x'.repeat(1024 * 1024)}\n${entry('src_tag: v1')}`, 'mirrors'],
    ['a concurrency of 0', () => entry('src_tag: v1'), 'concurrency']
  ];
  return items.map(([name, text, field]) => ({
    name: `mirror: ${name}`,
    face: 'mirror',
    field,
    inputs: {
      get mirrors() {
        return text();
      },
      get 'registry-credentials'() {
        return creds();
      },
      ...(field === 'concurrency' && {concurrency: '0'})
    }
  }));
}

// ---------------------------------------------------------------- hostile registry answers
function hostileCases(): Case[] {
  const src = () => '@HOSTILE@/src/app';
  const mirror = (body = 'src_tag: v1'): Record<string, string> => ({
    get mirrors() {
      return `- {src_repository: ${src()}, ${body}, dest_repository: ${host()}/hostile/copy}`;
    },
    get 'registry-credentials'() {
      return creds();
    }
  });
  const manifestWith = (patch: (m: Record<string, unknown>) => void) => (h: HostileRegistry) => {
    h.image('seed');
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: ZERO, size: 2},
      layers: [{mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: ZERO, size: 2}]
    };
    patch(manifest);
    h.manifest('v1', Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST);
  };
  const many = (n: number) => Array.from({length: n}, (_, i) => `t${i}`);
  const cases: [
    string,
    Record<string, string>,
    string,
    (h: HostileRegistry, o: HostileRegistry) => void,
    string?
  ][] = [
    [
      'a tag list of traversal and command names only',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h => h.tags({tags: ['../../x', 'v1\n::warning::pwned', 'a/b']}),
      'no source tag matches'
    ],
    [
      'a tag list that is not a list',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h => h.tags({tags: 'v1'})
    ],
    ['a tag list of numbers', mirror('tags: "/^/"'), 'mirrors[0]', h => h.tags({tags: [1, 2]})],
    [
      'a tag list of objects',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h => h.tags({tags: [{toString: 'x'}]})
    ],
    [
      'a tag list that is not JSON',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h => h.route(r => (/tags\/list/.test(r.path) ? {body: '{"tags": ['} : undefined))
    ],
    [
      'a 17 MiB tag list',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h => h.tags({tags: [], pad: 'x'.repeat(17 * 1024 * 1024)})
    ],
    [
      '200 000 tags and a ReDoS regex',
      mirror('tags: "/^(t+)+$/"'),
      'mirrors[0]',
      h => h.tags({tags: [...many(200_000), `${'t'.repeat(40)}_`]}),
      'no source tag matches'
    ],
    [
      'a Link to another origin',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      (h, o) =>
        h.tags(
          {tags: ['v1']},
          {link: `<http://${o.host}/v2/src/app/tags/list?last=v1>; rel="next"`}
        )
    ],
    [
      'a Link to a file URL',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h => h.tags({tags: ['v1']}, {link: '<file:///etc/passwd>; rel="next"'})
    ],
    [
      'a Link back to the same page',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h => h.tags({tags: ['v1']}, {link: '</v2/src/app/tags/list?n=1000&last=a>; rel="next"'})
    ],
    [
      'a Docker-Content-Digest with traversal',
      mirror(),
      'mirrors[0]',
      h =>
        h.route(r =>
          /manifests\/v1$/.test(r.path)
            ? {headers: {'docker-content-digest': 'sha256:../../../victim'}, body: '{}'}
            : undefined
        )
    ],
    [
      'a Docker-Content-Digest of an unknown algorithm',
      mirror(),
      'mirrors[0]',
      h =>
        h.route(r =>
          /manifests\/v1$/.test(r.path)
            ? {headers: {'docker-content-digest': `md5:${'a'.repeat(32)}`}, body: '{}'}
            : undefined
        )
    ],
    [
      'a descriptor digest with traversal',
      mirror(),
      'mirrors[0]',
      manifestWith(
        m =>
          ((m.layers as {digest: string}[])[0].digest =
            'sha256:../../../v2/victim/app/manifests/latest')
      )
    ],
    [
      'a descriptor with a negative size',
      mirror(),
      'mirrors[0]',
      manifestWith(m => ((m.config as {size: number}).size = -5))
    ],
    [
      'a descriptor with a fractional size',
      mirror(),
      'mirrors[0]',
      manifestWith(m => ((m.config as {size: number}).size = 1.5))
    ],
    [
      'a descriptor media type with a line break',
      mirror(),
      'mirrors[0]',
      manifestWith(m => ((m.config as {mediaType: string}).mediaType = 'a/b\n::warning::x'))
    ],
    [
      'an index child with a bad digest',
      mirror(),
      'mirrors[0]',
      h =>
        h.manifest(
          'v1',
          Buffer.from(
            JSON.stringify({
              schemaVersion: 2,
              mediaType: OCI_INDEX,
              manifests: [{mediaType: OCI_MANIFEST, digest: 'sha256:../x', size: 2}]
            })
          ),
          OCI_INDEX
        )
    ],
    [
      'a schemaVersion with a command',
      mirror(),
      'mirrors[0]',
      h =>
        h.manifest(
          'v1',
          Buffer.from(JSON.stringify({schemaVersion: '2\n::error::x', config: {}, layers: []})),
          OCI_MANIFEST
        )
    ],
    [
      'an unsupported media type with escapes',
      mirror(),
      'mirrors[0]',
      h =>
        h.manifest(
          'v1',
          Buffer.from(JSON.stringify({schemaVersion: 2, mediaType: 'x/y\u001b[2J\n::warning::x'})),
          OCI_MANIFEST
        )
    ],
    [
      'a manifest announced at 5 MiB',
      mirror(),
      'mirrors[0]',
      h => {
        h.manifest('v1', emptyIndex(), OCI_INDEX);
        h.route(r =>
          r.method === 'GET' && /manifests\//.test(r.path)
            ? {headers: {'content-type': OCI_INDEX}, body: ' '.repeat(5 * 1024 * 1024)}
            : undefined
        );
      }
    ],
    [
      'a blob announced beyond its descriptor (lying Content-Length)',
      mirror(),
      'mirrors[0]',
      h => {
        h.image('v1');
        h.route(r =>
          r.method === 'GET' && /\/blobs\//.test(r.path)
            ? {raw: 'HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\nshort'}
            : undefined
        );
      }
    ],
    [
      'a cross-origin redirect of a manifest',
      mirror(),
      'mirrors[0]',
      (h, o) =>
        h.route(r =>
          /manifests\/v1$/.test(r.path)
            ? {status: 307, headers: {location: `http://${o.host}/v2/x/manifests/v1`}}
            : undefined
        )
    ],
    [
      'a redirect to a file URL',
      mirror(),
      'mirrors[0]',
      h =>
        h.route(r =>
          /manifests\/v1$/.test(r.path)
            ? {status: 302, headers: {location: 'file:///etc/passwd'}}
            : undefined
        )
    ],
    [
      'a redirect loop',
      mirror(),
      'mirrors[0]',
      h =>
        h.route(r =>
          /manifests\/v1$/.test(r.path) ? {status: 302, headers: {location: r.path}} : undefined
        )
    ],
    [
      'an error body with a workflow command',
      mirror('tags: "/^/"'),
      'mirrors[0]',
      h =>
        h.route(r =>
          /tags\/list/.test(r.path)
            ? {
                status: 403,
                body: JSON.stringify({
                  errors: [{code: 'DENIED\n::warning::code', message: 'no\n::add-mask::x'}]
                })
              }
            : undefined
        )
    ],
    [
      'a token realm that is a file URL',
      mirror(),
      'mirrors[0]',
      h =>
        h.route(r =>
          r.authorization === undefined && r.path.startsWith('/v2/src')
            ? {
                status: 401,
                headers: {'www-authenticate': 'Bearer realm="file:///etc/passwd",service="x"'}
              }
            : undefined
        )
    ],
    [
      'a token realm on another scheme',
      mirror(),
      'mirrors[0]',
      h =>
        h.route(r =>
          r.authorization === undefined && r.path.startsWith('/v2/src')
            ? {
                status: 401,
                headers: {'www-authenticate': 'Bearer realm="ftp://example.invalid/token"'}
              }
            : undefined
        )
    ]
  ];
  return cases.map(([name, inputs, field, setup, skip]) => ({
    name: `mirror from a hostile registry: ${name}`,
    face: 'mirror' as const,
    inputs,
    field,
    hostile: setup,
    ...(skip && {skip})
  }));
}

function hostilePromoteCases(): Case[] {
  const images = () => '- {repository: @HOSTILE@/src/app}';
  const labelled = (labels: Record<string, string>) => (h: HostileRegistry) => {
    const config = Buffer.from(
      JSON.stringify({architecture: 'amd64', os: 'linux', config: {Labels: labels}})
    );
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: h.blob(config),
          size: config.length
        },
        layers: []
      })
    );
    h.manifest('change_42_latest', manifest, OCI_MANIFEST);
  };
  return [
    {
      name: 'promote from a hostile registry: a change tag with a bad digest header',
      face: 'promote',
      field: 'container-images[0]',
      inputs: {
        get 'container-images'() {
          return images();
        },
        change: '42'
      },
      hostile: h =>
        h.route(r =>
          /manifests\/change_42_latest$/.test(r.path)
            ? {headers: {'docker-content-digest': 'sha256:../../../x'}}
            : undefined
        )
    },
    {
      name: 'promote from a hostile registry: a revision label with a workflow command',
      face: 'promote',
      field: 'container-images[0].tags[0]',
      inputs: {
        get 'container-images'() {
          return images();
        },
        change: '42'
      },
      hostile: labelled({'org.opencontainers.image.revision': 'x\n::warning::pwned'})
    },
    {
      name: 'promote: a push event whose API answers hostile PR numbers and tree',
      face: 'promote',
      field: 'change',
      inputs: {
        get 'container-images'() {
          return promoteImg();
        },
        'github-token': 'gh-token'
      },
      event: {name: 'push', payload: {head_commit: {message: 'no number (#0)'}}}
    }
  ];
}

// ---------------------------------------------------------------- the CLI
function cliCases(): Case[] {
  const list: [string, () => string[], string][] = [
    [
      'promote with an uppercase repository',
      () => ['promote', '--container-images', `- {repository: ${host()}/A}`, '--change', '4'],
      'container-images[0].repository'
    ],
    [
      'promote with a ReDoS cleanup-pattern and lookahead',
      () => [
        'promote',
        '--container-images',
        promoteImg(),
        '--change',
        '4',
        '--cleanup-pattern',
        '(?=(a+)+$)'
      ],
      'cleanup-pattern'
    ],
    [
      'promote with a registry key bypass',
      () => [
        'promote',
        '--container-images',
        `- {repository: ${host()}/forbidden/x, registry: nothing.example}`,
        '--change',
        '4',
        '--registry-credentials',
        `${host()}: {username: u, password: "${SECRET}", repository: "^${host()}/ok/"}`
      ],
      'container-images[0].repository'
    ],
    [
      'mirror with a bare-secret credential',
      () => [
        'mirror',
        '--mirrors',
        `- {src_repository: ${host()}/a/b, src_tag: v1, dest_repository: ${host()}/c/d}`,
        '--registry-credentials',
        SECRET
      ],
      'registry-credentials'
    ],
    [
      'mirror with a traversal src_tag',
      () => [
        'mirror',
        '--mirrors',
        `- {src_repository: ${host()}/a/b, src_tag: "../x", dest_repository: ${host()}/c/d}`
      ],
      'mirrors[0].src_tag'
    ],
    [
      'mirror with a control-character repository',
      () => [
        'mirror',
        '--mirrors',
        `- {src_repository: "${host()}/a\\u001b[31m", src_tag: v1, dest_repository: ${host()}/c/d}`
      ],
      'mirrors[0].src_repository'
    ],
    [
      'upload with an option-looking path',
      () => [
        'upload',
        '--container-images',
        `- {context: c, path: "--volume=/:/host", repository: ${host()}/x}`,
        '--change',
        '4',
        '--registry-credentials',
        creds()
      ],
      'container-images[0].path'
    ],
    [
      'upload with an option-looking target',
      () => [
        'upload',
        '--container-images',
        `- {context: c, target: "--output=/", repository: ${host()}/x}`,
        '--change',
        '4',
        '--registry-credentials',
        creds()
      ],
      'container-images[0].target'
    ],
    [
      'build with a billion-laughs list',
      () => ['build', '--container-images', billionLaughs()],
      'container-images'
    ],
    [
      'build with a path leaving the checkout',
      () => ['build', '--container-images', `- {context: ../../.., repository: ${host()}/x}`],
      'container-images[0].context'
    ],
    [
      'build with a huge parallel',
      () => ['build', '--container-images', img(), '--parallel', '99999'],
      'parallel'
    ],
    [
      'registry start with an option-looking image',
      () => ['registry', 'start', '--registry-image=--privileged'],
      'registry-image'
    ]
  ];
  return list.map(([name, argv, field]) => ({
    name: `cli: ${name}`,
    face: 'cli',
    get argv() {
      return argv();
    },
    field
  }));
}

const CASES: Case[] = [
  ...imageCases(),
  ...credentialCases(),
  ...bypassCases(),
  ...inputCases(),
  ...mirrorCases(),
  ...hostileCases(),
  ...hostilePromoteCases(),
  ...cliCases()
];

/** One representative case per face through the bundle, as the runner runs it. */
const BUNDLED = new Set([
  'build: path option-looking',
  'upload: registry docker.io for another host',
  'promote: registry naming a host without credentials',
  'mirror: dest_registry naming a host without credentials',
  'mirror: registry-credentials a bare secret string',
  'mirror from a hostile registry: a Link to another origin',
  'mirror from a hostile registry: a descriptor digest with traversal',
  'buildset-registry: registry-image "--privileged"'
]);

/** Promote runs after a merge (a push); the others for a pull request. */
function eventOf(c: Case): {eventName: string; event: unknown} {
  if (c.event) return {eventName: c.event.name, event: c.event.payload};
  return c.face === 'promote'
    ? {eventName: 'push', event: {}}
    : {eventName: 'pull_request', event: PR_EVENT};
}

/** Fill in the hosts the cases name by placeholder. */
function subst(text: string): string {
  return text
    .replace(/@REG@/g, reg.host)
    .replace(/@HOSTILE@/g, hostile.host)
    .replace(/@ELSEWHERE@/g, elsewhere.host);
}
const substAll = (inputs: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, subst(v)]));

function check(
  run: InProcessRun | {code: number | null; output: string; errors: string[]},
  c: Case,
  marks: {reg: number}
): void {
  const shown = withoutMasks(run.output);
  if (c.skip) {
    expect(run.code).toBe(0);
    expect(shown).toContain(c.skip);
  } else {
    expect(run.errors.join('\n')).toContain(subst(c.field));
    expect(run.code).toBe(1);
  }
  expect(shown).not.toContain(SECRET);
  // Nothing outside ever becomes a workflow command line.
  expect(shown).not.toMatch(/^\s*::(?:warning|add-mask|error)::(?:pwned|x|code|folded)/m);
  expect(writesSince(reg, marks.reg)).toEqual([]);
  expect(hostile.writes()).toEqual([]);
  expect(elsewhere.requests).toEqual([]);
}

test('the corpus has at least 150 cases, over every action and the CLI', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(150);
  expect(new Set(CASES.map(c => c.face))).toEqual(
    new Set(['build', 'upload', 'promote', 'mirror', 'buildset-registry', 'cli'])
  );
  expect(new Set(CASES.map(c => c.name)).size).toBe(CASES.length);
  for (const name of BUNDLED) expect(CASES.map(c => c.name)).toContain(name);
});

describe.each(CASES.map(c => [c.name, c] as const))('%s', (_name, c) => {
  test('in-process: refused or skipped, nothing written, nothing leaked', async () => {
    c.hostile?.(hostile, elsewhere);
    const marks = {reg: logMark(reg)};
    const run =
      c.face === 'cli'
        ? await runCliInProcess((c.argv ?? []).map(subst), {env: {GITHUB_API_URL: github.url}})
        : await runCommand(COMMANDS[c.face], {
            inputs: substAll(c.inputs),
            ...eventOf(c),
            env: {GITHUB_API_URL: github.url}
          });
    if (process.env.IMAGEGATE_CORPUS_DEBUG) console.log(c.name, run.output);
    check(run, c, marks);
  }, 2000);

  if (BUNDLED.has(c.name)) {
    test('bundle: the same', async () => {
      c.hostile?.(hostile, elsewhere);
      const marks = {reg: logMark(reg)};
      const run = await runBundle(c.face === 'buildset-registry' ? 'buildset-registry' : c.face, {
        inputs: substAll(c.inputs),
        ...eventOf(c),
        env: {GITHUB_API_URL: github.url},
        timeoutMs: 10_000
      });
      check({code: run.code, output: run.stdout + run.stderr, errors: run.errors}, c, marks);
    }, 10_000);
  }
});
