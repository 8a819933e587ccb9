export const id = 211;
export const ids = [211];
export const modules = {

/***/ 9363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $X: () => (/* binding */ encodeChangeIndex),
/* harmony export */   E: () => (/* binding */ CHANGE_INDEX_ARTIFACT_TYPE),
/* harmony export */   P9: () => (/* binding */ findStagedImage),
/* harmony export */   SW: () => (/* binding */ changeIndexLocation),
/* harmony export */   TC: () => (/* binding */ changeIndexRepository),
/* harmony export */   fT: () => (/* binding */ decodeChangeIndex),
/* harmony export */   r9: () => (/* binding */ sourceFields)
/* harmony export */ });
/* unused harmony exports CHANGE_INDEX_VERSION, CHANGE_INDEX_REPOSITORY, changeIndexTag */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7649);
/* harmony import */ var _model_grammar_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3437);
/* harmony import */ var _model_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(737);
/* harmony import */ var _model_structured_input_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4728);





/**
 * The change index: one small OCI artifact per change in the intermediate registry, listing for
 * each final `repository:tag` the staged image (reference + digest) and what it was built from.
 * Upload writes it, promote and the buildset registry read it. Schema: ./schema.json.
 */
const CHANGE_INDEX_VERSION = 1;
const CHANGE_INDEX_ARTIFACT_TYPE = 'application/vnd.imagegate.change.v1+json';
/** Repository (under the intermediate registry's path) that holds every change's index. */
const CHANGE_INDEX_REPOSITORY = 'imagegate/changes';
/**
 * The source fields of an index or an entry. Upload and the buildset post step both write these
 * from the same label facts, so promote sees one revision and tree whoever wrote the index.
 */
function sourceFields(source) {
    return {
        ...(source.revision && { revision: source.revision }),
        ...(source.sourceTree && { sourceTree: source.sourceTree })
    };
}
/** Where a change's index lives: `<location>/imagegate/changes:<owner>.<repo>.pr-<N>`. */
function changeIndexLocation(location, key) {
    return { ...changeIndexRepository(location), tag: changeIndexTag(key) };
}
/** The repository holding every change's index: `<location>/imagegate/changes`. */
function changeIndexRepository(location) {
    const repository = [location.path, CHANGE_INDEX_REPOSITORY].filter(p => p !== '').join('/');
    return { registry: location.registry, repository };
}
/** `<owner>.<repo>.pr-<N>`; names too long for a tag keep a hash so they stay unique. */
function changeIndexTag(key) {
    const suffix = `.pr-${key.change}`;
    let base = `${key.owner}.${key.repo}`.replace(/[^A-Za-z0-9_.-]/g, '_');
    if (base.length + suffix.length > _model_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_TAG_LENGTH */ .Ti) {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(base).digest('hex').slice(0, 12);
        base = `${base.slice(0, _model_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_TAG_LENGTH */ .Ti - suffix.length - 13)}.${hash}`;
    }
    return `${base}${suffix}`;
}
/** Serialise an index: stable key order, so equal indexes have equal digests. */
function encodeChangeIndex(index) {
    return Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8');
}
/** Parse and validate an index document; throws InputError naming the bad field. */
function decodeChangeIndex(bytes, where) {
    let value;
    try {
        value = JSON.parse(bytes.toString());
    }
    catch (e) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(where, 'the change index is not valid JSON', { cause: e });
    }
    if (!(0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_4__/* .isMapping */ .pi)(value))
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(where, 'the change index is not a JSON object');
    if (value.version !== CHANGE_INDEX_VERSION) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${where}.version`, `unsupported change index version ${JSON.stringify(value.version)} (this imagegate reads ${CHANGE_INDEX_VERSION})`);
    }
    const str = (obj, key, at, optional = false) => {
        const v = obj[key];
        if (v === undefined && optional)
            return undefined;
        if (typeof v !== 'string' || v === '')
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${at}.${key}`, 'must be a non-empty string');
        return v;
    };
    if (typeof value.change !== 'number' || !Number.isInteger(value.change) || value.change < 1) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${where}.change`, 'must be a positive integer');
    }
    if (!Array.isArray(value.images))
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${where}.images`, 'must be a list');
    const images = value.images.map((raw, i) => {
        const at = `${where}.images[${i}]`;
        if (!(0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_4__/* .isMapping */ .pi)(raw))
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(at, 'must be an object');
        const tag = str(raw, 'tag', at);
        const digest = str(raw, 'digest', at);
        if (!_model_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_RE */ .PP.test(tag))
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${at}.tag`, `"${tag}" is not a valid tag`);
        if (!_model_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .DIGEST_RE */ .Vt.test(digest))
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${at}.digest`, `"${digest}" is not a digest`);
        const staged = str(raw, 'staged', at);
        (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(staged, `${at}.staged`);
        const repository = str(raw, 'repository', at);
        (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(repository, `${at}.repository`);
        const optional = (key) => {
            const v = str(raw, key, at, true);
            return v === undefined ? {} : { [key]: v };
        };
        return {
            repository,
            tag,
            staged,
            digest,
            ...optional('mediaType'),
            ...optional('revision'),
            ...optional('sourceTree')
        };
    });
    return {
        version: CHANGE_INDEX_VERSION,
        repository: str(value, 'repository', where),
        change: value.change,
        ...(typeof value.revision === 'string' && { revision: value.revision }),
        ...(typeof value.sourceTree === 'string' && { sourceTree: value.sourceTree }),
        ...((0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_4__/* .isMapping */ .pi)(value.run) &&
            typeof value.run.id === 'string' &&
            typeof value.run.attempt === 'string' && {
            run: { id: value.run.id, attempt: value.run.attempt }
        }),
        createdAt: str(value, 'createdAt', where),
        images
    };
}
/** The entry for a final `repository:tag`, if the change staged it. */
function findStagedImage(index, repository, tag) {
    const want = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(repository);
    return index.images.find(e => {
        const have = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(e.repository);
        return have.registry === want.registry && have.repository === want.repository && e.tag === tag;
    });
}


/***/ }),

/***/ 9951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ readChangeIndex),
/* harmony export */   uU: () => (/* binding */ writeChangeIndex),
/* harmony export */   ud: () => (/* binding */ deleteChangeIndex),
/* harmony export */   wA: () => (/* binding */ readChangeIndexAt)
/* harmony export */ });
/* harmony import */ var _model_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(737);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9363);


// An index lists a change's images; even thousands of entries stay far below this.
const INDEX_LIMIT = 4 * 1024 * 1024;
/**
 * Write (or replace: the latest successful upload wins) the change's index artifact at
 * `<location>/imagegate/changes:<owner>.<repo>.pr-<N>`. Returns the artifact's digest.
 */
async function writeChangeIndex(registry, location, index) {
    const [owner, repo] = index.repository.split('/');
    const ref = (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .changeIndexLocation */ .SW)(location, { owner, repo, change: index.change });
    return registry.putArtifact(ref, {
        artifactType: _format_js__WEBPACK_IMPORTED_MODULE_1__/* .CHANGE_INDEX_ARTIFACT_TYPE */ .E,
        payload: (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeChangeIndex */ .$X)(index),
        annotations: {
            'org.opencontainers.image.created': index.createdAt,
            'dev.imagegate.change': `${index.repository}#${index.change}`
        }
    });
}
/** Read a change's index; undefined when the change has none (or it is being deleted). */
async function readChangeIndex(registry, location, key) {
    return readChangeIndexAt(registry, (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .changeIndexLocation */ .SW)(location, key));
}
/**
 * The index stored under `ref` (a tag of the change-index repository); undefined when the tag is
 * gone or on an untag placeholder.
 */
async function readChangeIndexAt(registry, ref) {
    const payload = await registry.getArtifact(ref, _format_js__WEBPACK_IMPORTED_MODULE_1__/* .CHANGE_INDEX_ARTIFACT_TYPE */ .E, INDEX_LIMIT);
    return payload === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeChangeIndex */ .fT)(payload, (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatReference */ .FH)(ref));
}
/** Delete a change's index (tag-only, like every temporary tag). */
function deleteChangeIndex(registry, location, key) {
    return registry.deleteTag((0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .changeIndexLocation */ .SW)(location, key));
}


/***/ }),

/***/ 6101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JL: () => (/* binding */ parseRepoName),
/* harmony export */   KL: () => (/* binding */ pullFromCommitMessage),
/* harmony export */   KM: () => (/* binding */ isChangeNumber),
/* harmony export */   SC: () => (/* binding */ commitTree),
/* harmony export */   iC: () => (/* binding */ mergedPullForCommit),
/* harmony export */   kC: () => (/* binding */ compareCommits),
/* harmony export */   vk: () => (/* binding */ REPO_RE),
/* harmony export */   y_: () => (/* binding */ OWNER_RE)
/* harmony export */ });
/** A GitHub user or organisation name. */
const OWNER_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** A GitHub repository name (`.` and `..` are not names: they would move an API path). */
const REPO_RE = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,100}$/;
/** Parse `owner/repo`; undefined when it is not of that shape. */
function parseRepoName(text) {
    const match = /^([^/]+)\/([^/]+)$/.exec(text ?? '');
    return match && OWNER_RE.test(match[1]) && REPO_RE.test(match[2])
        ? { owner: match[1], repo: match[2] }
        : undefined;
}
/** A pull request number as the API or a message may give it: a positive whole number. */
function isChangeNumber(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
/** A git object id (SHA-1 or SHA-256), as the API gives commit and tree ids. */
const OBJECT_ID_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * The pull request merged as `sha`: the API's list of PRs associated with the commit, preferring
 * one whose merge commit is `sha`, then any merged one. Undefined when the API knows none.
 */
async function mergedPullForCommit(github, repo, sha) {
    if (!OBJECT_ID_RE.test(sha))
        return undefined;
    const pulls = await github.get(`/repos/${repo.owner}/${repo.repo}/commits/${sha}/pulls`);
    if (!Array.isArray(pulls))
        return undefined;
    // The answer is checked where it is used: only objects with a real PR number count.
    const valid = pulls.filter(p => typeof p === 'object' && p !== null && isChangeNumber(p.number));
    const exact = valid.find(p => p.merge_commit_sha === sha && p.merged_at);
    return (exact ?? valid.find(p => p.merged_at))?.number;
}
/**
 * The PR number a merge commit message names: squash merges end the title with `(#N)`, merge
 * commits start with `Merge pull request #N`. The API is asked first; this is the fallback.
 */
function pullFromCommitMessage(message) {
    const firstLine = (message ?? '').split('\n')[0];
    const match = /^Merge pull request #([0-9]+)\b/.exec(firstLine) ?? /\(#([0-9]+)\)\s*$/.exec(firstLine);
    const number = match ? Number(match[1]) : undefined;
    return isChangeNumber(number) ? number : undefined;
}
/** The git tree of a commit, for comparing what was built with what was merged. */
async function commitTree(github, repo, sha) {
    if (!OBJECT_ID_RE.test(sha))
        return undefined;
    const commit = await github.get(`/repos/${repo.owner}/${repo.repo}/git/commits/${sha}`);
    const tree = commit?.tree?.sha;
    return typeof tree === 'string' && OBJECT_ID_RE.test(tree) ? tree : undefined;
}
const ANCESTRIES = ['ahead', 'behind', 'identical', 'diverged'];
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}` → its `status`; undefined when GitHub
 * does not know a commit (404). Only full commit SHAs reach the URL, and only a known status
 * comes back.
 */
async function compareCommits(github, repo, base, head) {
    for (const sha of [base, head]) {
        if (!COMMIT_SHA.test(sha))
            throw new Error(`"${sha}" is not a full commit SHA`);
    }
    const endpoint = `/repos/${repo.owner}/${repo.repo}/compare/${base}...${head}`;
    // per_page=1: only the status matters, not the list of commits in between.
    const comparison = await github.get(`${endpoint}?per_page=1`);
    if (comparison === undefined)
        return undefined;
    const status = comparison.status;
    if (typeof status !== 'string' || !ANCESTRIES.includes(status)) {
        throw new Error(`GET ${endpoint} answered an unknown status ${JSON.stringify(status)}`);
    }
    return status;
}


/***/ }),

/***/ 6317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ GitHubClient)
/* harmony export */ });
/* unused harmony export GitHubApiError */
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);
/* harmony import */ var _registry_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8016);


/** A failed GitHub REST call, with the status and the endpoint (never the token). */
class GitHubApiError extends Error {
    status;
    endpoint;
    name = 'GitHubApiError';
    constructor(status, endpoint, detail, options) {
        super(`GitHub API ${endpoint}: ${detail}`, options);
        this.status = status;
        this.endpoint = endpoint;
    }
}
/**
 * Octokit from @actions/github (GHES base URL, the runner's proxy settings, pagination) with
 * retries, loaded on first use so that commands which never call GitHub do not pay for it.
 */
async function createOctokit(options) {
    const [{ getOctokit }, { GitHub, defaults }, { retry }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 1351)),
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(555)]).then(__webpack_require__.bind(__webpack_require__, 5555)),
        __webpack_require__.e(/* import() */ 735).then(__webpack_require__.bind(__webpack_require__, 9735))
    ]);
    const timeoutMs = options.timeoutMs ?? 30_000;
    const fetchThroughProxy = (defaults.request?.fetch ?? globalThis.fetch);
    const settings = {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: _registry_version_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._,
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryDelayMs ?? 1000 },
        request: {
            ...defaults.request,
            fetch: (url, init) => fetchThroughProxy(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
        }
    };
    // getOctokit insists on a token; public repositories can be read without one.
    return options.token
        ? getOctokit(options.token, settings, retry)
        : new (GitHub.plugin(retry))(settings);
}
/**
 * The few GitHub REST endpoints imagegate needs, through Octokit. Paths are relative to the API
 * root (`/repos/o/r/pulls/1`); a 404 returns undefined where "not there" is a normal answer.
 */
class GitHubClient {
    options;
    octokit;
    constructor(options) {
        this.options = options;
    }
    /** GET a JSON resource; undefined on 404. */
    async get(path) {
        const response = await this.call('GET', path, () => this.client().then(o => o.request(`GET ${path}`)));
        return response === undefined ? undefined : response.data;
    }
    /** Every item of a paginated list (`Link: rel="next"`); `[]` on 404. */
    async list(path) {
        const items = await this.call('GET', path, () => this.client().then(o => o.paginate(`GET ${path}`, { per_page: 100 })));
        return (items ?? []);
    }
    /** Send a request with a JSON body; throws GitHubApiError on failure (404 too). */
    async request(method, path, body) {
        const response = await this.call(method, path, () => this.client().then(o => o.request(`${method} ${path}`, body ?? {})));
        if (response === undefined) {
            throw new GitHubApiError(404, `${method} ${path}`, 'HTTP 404: Not Found');
        }
        return response.data;
    }
    client() {
        this.octokit ??= createOctokit(this.options);
        return this.octokit;
    }
    /** Run one call; a 404 is undefined, any other failure a GitHubApiError naming the endpoint. */
    async call(method, path, run) {
        try {
            return await run();
        }
        catch (e) {
            const { status, response } = e;
            if (status === 404)
                return undefined;
            const endpoint = `${method} ${path}`;
            // No response: the request failed below HTTP (DNS, refused, timeout).
            if (typeof status !== 'number' || response === undefined) {
                throw new GitHubApiError(0, endpoint, `request failed: ${(0,_model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`, { cause: e });
            }
            const hint = status === 401 || status === 403 ? ' (check github-token and its permissions)' : '';
            const detail = (0,_model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e).slice(0, 300);
            throw new GitHubApiError(status, endpoint, `HTTP ${status}${hint}: ${detail}`, { cause: e });
        }
    }
}


/***/ }),

/***/ 5375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ decodeStagingRecord),
/* harmony export */   Cf: () => (/* binding */ stagedAt),
/* harmony export */   IY: () => (/* binding */ STAGING_RECORD_ARTIFACT_TYPE),
/* harmony export */   LT: () => (/* binding */ STAGING_RECORD_VERSION),
/* harmony export */   Xt: () => (/* binding */ isStagingRecordTag),
/* harmony export */   tq: () => (/* binding */ encodeStagingRecord),
/* harmony export */   vf: () => (/* binding */ stagingRecordTag)
/* harmony export */ });
/* unused harmony export STAGING_RECORD_TAG_PREFIX */
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);
/* harmony import */ var _model_grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3437);
/* harmony import */ var _model_structured_input_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4728);



/**
 * The staging record: when imagegate staged which tags of one repository. Registries without a
 * tag API (plain OCI distribution and most self-hosted ones) keep no time per tag, and an
 * image's `created` is its build date (1970 for reproducible builds), so upload writes this
 * small OCI artifact next to the tags it pushes. Cleanup ages a tag by the record that lists it
 * with the digest it still holds; a tag no record vouches for has an unknown age and is kept.
 */
const STAGING_RECORD_VERSION = 1;
const STAGING_RECORD_ARTIFACT_TYPE = 'application/vnd.imagegate.staging.v1+json';
/** Every record tag starts with this (imagegate's temporary tags never do). */
const STAGING_RECORD_TAG_PREFIX = 'imagegate-staged-';
/**
 * `imagegate-staged-<yyyymmddThhmmssZ>-<run>-<attempt>-<nonce>`: unique per upload, so
 * concurrent uploads never overwrite each other's records.
 */
function stagingRecordTag(record, nonce) {
    const time = record.stagedAt.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
    const run = record.run ? `-${record.run.id}-${record.run.attempt}` : '';
    const safe = `${time}${run}-${nonce}`.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 100);
    return `${STAGING_RECORD_TAG_PREFIX}${safe}`;
}
/** Whether a tag is named like a staging record (its content decides whether it is one). */
function isStagingRecordTag(tag) {
    return tag.startsWith(STAGING_RECORD_TAG_PREFIX);
}
function encodeStagingRecord(record) {
    return Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
}
/** Parse and validate a record read from a registry; throws InputError naming the bad field. */
function decodeStagingRecord(bytes, where) {
    let value;
    try {
        value = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(where, 'the staging record is not valid JSON', { cause: e });
    }
    if (!(0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_2__/* .isMapping */ .pi)(value) || value.version !== STAGING_RECORD_VERSION) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(where, `not a version ${STAGING_RECORD_VERSION} staging record`);
    }
    const stagedAt = typeof value.stagedAt === 'string' ? new Date(value.stagedAt) : undefined;
    if (!stagedAt || Number.isNaN(stagedAt.getTime())) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}.stagedAt`, 'must be an ISO 8601 time');
    }
    if (!Array.isArray(value.tags))
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}.tags`, 'must be a list');
    const tags = value.tags.map((raw, i) => {
        const at = `${where}.tags[${i}]`;
        if (!(0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_2__/* .isMapping */ .pi)(raw) || typeof raw.tag !== 'string' || !_model_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .TAG_RE */ .PP.test(raw.tag)) {
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.tag`, 'must be a valid tag');
        }
        if (typeof raw.digest !== 'string' || !_model_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt.test(raw.digest)) {
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.digest`, 'must be a digest');
        }
        return { tag: raw.tag, digest: raw.digest };
    });
    const run = value.run;
    return {
        version: STAGING_RECORD_VERSION,
        stagedAt: stagedAt.toISOString(),
        ...((0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_2__/* .isMapping */ .pi)(run) &&
            typeof run.id === 'string' &&
            typeof run.attempt === 'string' && { run: { id: run.id, attempt: run.attempt } }),
        tags
    };
}
/** When `tag` was given `digest`: the newest record saying so; undefined when none does. */
function stagedAt(records, tag, digest) {
    let newest;
    for (const record of records) {
        if (!record.tags.some(t => t.tag === tag && t.digest === digest))
            continue;
        const time = new Date(record.stagedAt);
        if (!newest || time > newest)
            newest = time;
    }
    return newest;
}


/***/ }),

/***/ 6457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Je: () => (/* binding */ recordAndLog),
/* harmony export */   Ul: () => (/* binding */ readStagingRecords)
/* harmony export */ });
/* unused harmony exports writeStagingRecord, recordStagedTags */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7649);
/* harmony import */ var _model_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(737);
/* harmony import */ var _registry_limiter_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(604);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5375);





// A record lists the tags of one upload in one repository: a few KiB at most.
const RECORD_LIMIT = 1024 * 1024;
// Records read at once from one repository.
const PARALLEL_READS = 8;
/** Write a record into the repository it describes; returns its tag. */
async function writeStagingRecord(registry, repository, record, nonce = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')) {
    const tag = (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .stagingRecordTag */ .vf)(record, nonce);
    await registry.putArtifact({ ...repository, tag }, {
        artifactType: _record_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGING_RECORD_ARTIFACT_TYPE */ .IY,
        payload: (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeStagingRecord */ .tq)(record),
        annotations: { 'org.opencontainers.image.created': record.stagedAt },
        // Written beside every staged tag: no blob upload of its own.
        inline: true
    });
    return tag;
}
/**
 * The records among `tags` of a repository. A tag named like a record that holds something else
 * is not a record (it stays an ordinary tag); `onInvalid` hears about it.
 */
async function readStagingRecords(registry, repository, tags, onInvalid = () => undefined) {
    // Read in parallel (each is two round trips), kept in tag order.
    const limiter = new _registry_limiter_js__WEBPACK_IMPORTED_MODULE_4__/* .Limiter */ .j(PARALLEL_READS);
    const read = await Promise.all(tags.filter(_record_js__WEBPACK_IMPORTED_MODULE_3__/* .isStagingRecordTag */ .Xt).map(tag => limiter.run(async () => {
        const ref = { ...repository, tag };
        try {
            const payload = await registry.getArtifact(ref, _record_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGING_RECORD_ARTIFACT_TYPE */ .IY, RECORD_LIMIT);
            return payload && { tag, record: (0,_record_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeStagingRecord */ .Bi)(payload, (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)) };
        }
        catch (e) {
            return { tag, invalid: (0,_model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e) };
        }
    })));
    const found = [];
    for (const entry of read) {
        if (entry && 'invalid' in entry)
            onInvalid(entry.tag, entry.invalid);
        else if (entry)
            found.push(entry);
    }
    return found;
}
/**
 * After staging, write one record per repository listing what was pushed there, where the
 * registry's own API keeps no time per tag (Docker Hub, Quay and GHCR do). A failure is
 * reported, not thrown: the tags are staged; cleanup merely cannot age them and keeps them.
 */
async function recordStagedTags(registry, pushes, stagedAt, run) {
    const byRepository = new Map();
    for (const push of pushes) {
        const ref = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(push.ref);
        if (ref.tag === undefined || registry.knowsTagTimes(ref.registry))
            continue;
        const key = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)({ registry: ref.registry, repository: ref.repository });
        const group = byRepository.get(key) ?? { repository: ref, tags: [] };
        group.tags.push({ tag: ref.tag, digest: push.digest });
        byRepository.set(key, group);
    }
    const outcomes = [];
    for (const [name, { repository, tags }] of byRepository) {
        const record = {
            version: _record_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGING_RECORD_VERSION */ .LT,
            stagedAt: stagedAt.toISOString(),
            ...(run && { run: { id: run.id, attempt: run.attempt } }),
            tags
        };
        try {
            const tag = await writeStagingRecord(registry, { registry: repository.registry, repository: repository.repository }, record);
            outcomes.push({ repository: name, record: tag });
        }
        catch (e) {
            outcomes.push({ repository: name, error: (0,_model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e) });
        }
    }
    return outcomes;
}
/**
 * recordStagedTags, with every outcome in the step's log: a record written is an info line, a
 * failure a warning (cleanup keeps tags it cannot age until someone removes them).
 */
async function recordAndLog(registry, pushes, stagedAt, run, log) {
    for (const outcome of await recordStagedTags(registry, pushes, stagedAt, run)) {
        if (outcome.error !== undefined) {
            log.warning(`could not record the staging time in ${outcome.repository} (cleanup will keep these tags until removed by hand): ${outcome.error}`);
        }
        else {
            log.info(`Recorded the staging time in ${outcome.repository}:${outcome.record}`);
        }
    }
}


/***/ })

};
