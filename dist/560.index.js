export const id = 560;
export const ids = [560];
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

/***/ 2560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promoteAction: () => (/* binding */ promoteAction)
});

// EXTERNAL MODULE: ./shared/runner/credentials.ts
var runner_credentials = __webpack_require__(471);
// EXTERNAL MODULE: ./shared/runner/io.ts + 2 modules
var runner_io = __webpack_require__(3148);
// EXTERNAL MODULE: ./shared/runner/registry.ts + 1 modules
var runner_registry = __webpack_require__(4235);
// EXTERNAL MODULE: ./shared/change-index/store.ts
var change_index_store = __webpack_require__(9951);
// EXTERNAL MODULE: ./shared/github/changes.ts
var changes = __webpack_require__(6101);
// EXTERNAL MODULE: ./shared/model/errors.ts
var errors = __webpack_require__(7649);
// EXTERNAL MODULE: ./shared/registry/version.ts
var version = __webpack_require__(8016);
;// CONCATENATED MODULE: ./shared/github/client.ts


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
        Promise.all(/* import() */[__webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 1351)),
        __webpack_require__.e(/* import() */ 555).then(__webpack_require__.bind(__webpack_require__, 5555)),
        __webpack_require__.e(/* import() */ 735).then(__webpack_require__.bind(__webpack_require__, 9735))
    ]);
    const timeoutMs = options.timeoutMs ?? 30_000;
    const fetchThroughProxy = (defaults.request?.fetch ?? globalThis.fetch);
    const settings = {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: version/* USER_AGENT */._,
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
                throw new GitHubApiError(0, endpoint, `request failed: ${(0,errors/* errorMessage */.gJ)(e)}`, { cause: e });
            }
            const hint = status === 401 || status === 403 ? ' (check github-token and its permissions)' : '';
            const detail = (0,errors/* errorMessage */.gJ)(e).slice(0, 300);
            throw new GitHubApiError(status, endpoint, `HTTP ${status}${hint}: ${detail}`, { cause: e });
        }
    }
}

// EXTERNAL MODULE: ./shared/model/credentials.ts
var model_credentials = __webpack_require__(1066);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
// EXTERNAL MODULE: ./shared/model/change.ts
var change = __webpack_require__(902);
// EXTERNAL MODULE: ./shared/model/outside-text.ts
var outside_text = __webpack_require__(2987);
;// CONCATENATED MODULE: ./shared/model/duration.ts


const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
/** Parse `24h`, `90m`, `7d`, `1h30m` or a bare number of seconds into milliseconds. */
function parseDuration(value, field) {
    const text = value.trim();
    if (/^[0-9]+$/.test(text))
        return Number(text) * 1000;
    const parts = [...text.matchAll(/([0-9]+)([smhdw])/g)];
    if (parts.length === 0 || parts.map(p => p[0]).join('') !== text) {
        throw new errors/* InputError */.dz(field, `${(0,outside_text/* quoteOutside */.YM)(value)} is not a duration like "24h", "90m", "7d" or "1h30m"`);
    }
    return parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_SECONDS[p[2]] * 1000, 0);
}

// EXTERNAL MODULE: ./shared/inputs/common.ts
var common = __webpack_require__(1297);
// EXTERNAL MODULE: ./shared/model/user-regex.ts + 1 modules
var user_regex = __webpack_require__(8752);
;// CONCATENATED MODULE: ./shared/inputs/promote.ts




/** Read and validate the promote action's inputs. */
function readPromoteInputs(reader, ctx) {
    const images = (0,common/* readContainerImages */.yn)(reader, false);
    const promoteMethod = reader.choice('promote-method', common/* PROMOTE_METHODS */.gO, 'tag');
    const intermediateRegistry = (0,common/* readIntermediateRegistry */.N7)(reader, promoteMethod === 'intermediate-registry', 'when promote-method is intermediate-registry');
    const pipelineText = reader.string('pipeline');
    const identity = (0,change/* changeFromEvent */.pz)({
        eventName: ctx.eventName,
        payload: ctx.payload,
        changeInput: reader.string('change'),
        pipelineInput: pipelineText
    });
    // Given, the pipeline selects `<pipeline>_` tags (validated with the identity).
    const pipeline = pipelineText === '' ? undefined : identity.pipeline;
    return {
        images,
        promoteMethod,
        registryCredentials: reader.credentials(),
        ...(intermediateRegistry && { intermediateRegistry }),
        identity,
        ...(pipeline !== undefined && { pipeline }),
        githubToken: reader.string('github-token'),
        verifySource: reader.boolean('verify-source', true),
        allowDowngrade: reader.boolean('allow-downgrade', false),
        cleanup: reader.boolean('cleanup', true),
        cleanupAgeMs: parseDuration(reader.string('cleanup-age', '24h'), 'cleanup-age'),
        cleanupPattern: readPattern(reader.string('cleanup-pattern'), pipeline ?? ''),
        dryRun: reader.boolean('dry-run', false)
    };
}
/**
 * Default: change tags, plus `<pipeline>_` tags when a pipeline prefix is in use. The default
 * is imagegate's own expression (the pipeline name in it escaped to a literal), so it needs no
 * linear-time engine; only a user's pattern does.
 */
function readPattern(text, pipeline) {
    if (text !== '')
        return (0,user_regex/* compileUserRegex */._u)(text, 'cleanup-pattern');
    const source = `^change_[0-9]+_.+$${pipeline ? `|^${escapeRegExp(pipeline)}_.+$` : ''}`;
    return (0,user_regex/* builtInPattern */.k_)(source);
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// EXTERNAL MODULE: ./shared/model/log-groups.ts
var log_groups = __webpack_require__(2011);
// EXTERNAL MODULE: ./shared/staging/record.ts
var record = __webpack_require__(5375);
// EXTERNAL MODULE: ./shared/staging/store.ts
var store = __webpack_require__(6457);
;// CONCATENATED MODULE: ./shared/promote/cleanup.ts





/**
 * Delete tags the matcher selects that were staged longer than `maxAgeMs` ago (every page of
 * the tag list). The staging time comes from the registry's own tag API where it has one
 * (Docker Hub, Quay, GHCR), else from the staging record upload wrote; a tag whose staging time
 * is unknown is kept, never aged by its image's build date. A tag left on an untag placeholder
 * is a deletion that did not finish and is finished. Failures are warnings: cleanup never fails
 * a promotion that already succeeded.
 */
async function cleanupStaleTags(registry, scopes, options) {
    // Repositories are cleaned in parallel; their lines come out in input order.
    const tasks = scopes.map(scope => ({
        run: (log) => cleanRepository(registry, scope, { ...options, log })
    }));
    const settled = await (0,log_groups/* inOrderedGroups */.j)(options.log, tasks, PARALLEL_REPOSITORIES);
    return settled.flatMap((r, i) => {
        if (r.status === 'fulfilled')
            return [r.value];
        options.log.warning(`cleanup of ${(0,reference/* formatReference */.FH)(scopes[i].repository)} failed: ${(0,errors/* errorMessage */.gJ)(r.reason)}`);
        return [];
    });
}
/** Repositories cleaned at once, and tags examined at once within one. */
const PARALLEL_REPOSITORIES = 8;
const PARALLEL_TAGS = 8;
/**
 * `fn` over `items`, at most PARALLEL_TAGS at once, each logging in its own buffer; the lines
 * reach `log` in item order, and the results come back in item order.
 */
async function eachInOrder(log, items, fn) {
    const settled = await (0,log_groups/* inOrderedGroups */.j)(log, items.map(item => ({ run: (itemLog) => fn(item, itemLog) })), PARALLEL_TAGS);
    return settled.map(r => {
        if (r.status === 'rejected')
            throw r.reason;
        return r.value;
    });
}
async function cleanRepository(registry, scope, options) {
    const { repository, matcher } = scope;
    const { log } = options;
    const name = (0,reference/* formatReference */.FH)(repository);
    const ref = (tag) => ({ ...repository, tag });
    const result = {
        repository: name,
        deleted: [],
        kept: [],
        unknownAge: [],
        records: []
    };
    const finals = new Set(scope.finalTags);
    // The final tags are read beside the tag list (one round trip for both): a final tag that
    // does not exist simply protects nothing.
    const [tags, finalHeads] = await Promise.all([
        registry.listTags(repository),
        Promise.all([...finals].map(t => {
            const known = scope.finalDigests?.get(t);
            return known !== undefined ? { digest: known } : registry.resolve(ref(t));
        }))
    ]);
    const protectedDigests = new Set(finalHeads.flatMap(h => (h ? [h.digest] : [])));
    const records = await (0,store/* readStagingRecords */.Ul)(registry, repository, tags, (tag, reason) => log.info(`${name}:${tag} is not a staging record (${reason})`));
    const recordTags = new Set(records.map(r => r.tag));
    /**
     * Delete `doomed` together (on a registry that cannot delete tags: one placeholder, one
     * DELETE); each deletion is logged with its reason, in order. Returns the tags deleted.
     */
    const removeAll = async (doomed) => {
        if (doomed.length === 0)
            return [];
        try {
            await registry.deleteTags(repository, doomed.map(d => d.tag));
        }
        catch (e) {
            for (const { tag } of doomed)
                log.warning(`cleanup of ${name}:${tag} failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return [];
        }
        for (const { tag, why } of doomed)
            log.info(`deleted ${name}:${tag} (${why})`);
        return doomed.map(d => d.tag);
    };
    const interrupted = 'finishing a deletion that was interrupted';
    // A record tag left on a placeholder: the record's deletion did not finish.
    const leftovers = tags.filter(t => (0,record/* isStagingRecordTag */.Xt)(t) && !recordTags.has(t));
    const onPlaceholder = await eachInOrder(log, leftovers, async (tag, tagLog) => {
        try {
            return (await registry.inspect(ref(tag)))?.kind === 'placeholder';
        }
        catch (e) {
            tagLog.warning(`cleanup of ${name}:${tag} failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return false;
        }
    });
    result.records.push(...(await removeAll(leftovers.filter((_, i) => onPlaceholder[i]).map(tag => ({ tag, why: interrupted })))));
    // What each tag looked at holds now (undefined: gone), for the records' turn at the end.
    const holds = new Map();
    // Tags are examined in parallel, then the stale ones deleted together, all in tag order.
    const candidates = tags.filter(t => matcher.test(t) && !finals.has(t) && !recordTags.has(t));
    const verdicts = await eachInOrder(log, candidates, async (tag, tagLog) => {
        try {
            const content = await registry.inspect(ref(tag));
            holds.set(tag, content?.digest);
            if (!content)
                return 'none';
            if (content.kind === 'placeholder')
                return { delete: interrupted };
            if (protectedDigests.has(content.digest))
                return 'kept';
            const staged = await stagingTime(registry, ref(tag), content.digest, records);
            if (!staged)
                return 'unknownAge';
            const ageMs = options.now().getTime() - staged.at.getTime();
            if (ageMs <= options.maxAgeMs)
                return 'kept';
            return { delete: `staged ${Math.round(ageMs / 3_600_000)} h ago, by ${staged.by}` };
        }
        catch (e) {
            tagLog.warning(`cleanup of ${name}:${tag} failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return 'none';
        }
    });
    const deleted = await removeAll(candidates.flatMap((tag, i) => {
        const verdict = verdicts[i];
        return typeof verdict === 'object' ? [{ tag, why: verdict.delete }] : [];
    }));
    for (const tag of deleted)
        holds.set(tag, undefined);
    candidates.forEach((tag, i) => {
        const verdict = verdicts[i];
        if (typeof verdict === 'object') {
            if (deleted.includes(tag))
                result.deleted.push(tag);
        }
        else if (verdict !== 'none') {
            result[verdict].push(tag);
        }
    });
    // Last, the records no tag of theirs vouches for any more (after every deletion above).
    const vouching = await eachInOrder(log, records, async (found, recordLog) => {
        try {
            return await stillVouches(registry, repository, found, holds);
        }
        catch (e) {
            recordLog.warning(`cleanup of ${name}:${found.tag} failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return true;
        }
    });
    result.records.push(...(await removeAll(records
        .filter((_, i) => !vouching[i])
        .map(found => ({ tag: found.tag, why: 'no tag it lists is staged any more' })))));
    if (result.unknownAge.length > 0) {
        log.info(`kept ${result.unknownAge.length} tag(s) of ${name} whose staging time is unknown: ${result.unknownAge.join(', ')}`);
    }
    return result;
}
/** When the tag got its digest: the registry's tag API, else a staging record. */
async function stagingTime(registry, ref, digest, records) {
    const age = await registry.tagAge(ref);
    if (age)
        return { at: age.updatedAt, by: age.source };
    const at = (0,record/* stagedAt */.Cf)(records.map(r => r.record), ref.tag, digest);
    return at && { at, by: 'staging record' };
}
/** Whether any tag the record lists still holds the digest it lists. */
async function stillVouches(registry, repository, found, holds) {
    for (const entry of found.record.tags) {
        const digest = holds.has(entry.tag)
            ? holds.get(entry.tag)
            : (await registry.resolve({ ...repository, tag: entry.tag }))?.digest;
        if (digest === entry.digest)
            return true;
    }
    return false;
}

// EXTERNAL MODULE: ./shared/model/bytes.ts
var bytes = __webpack_require__(7847);
;// CONCATENATED MODULE: ./shared/promote/execute.ts




/** Images promoted at once; requests beyond each registry's connection pool wait their turn. */
const PARALLEL_IMAGES = 16;
/**
 * Promote image by image (items sharing a repository and a source digest): first every final
 * tag of the image (see promoteImage), then its temporary tags. Images of different
 * repositories go in parallel; images of one repository go one after another in input order,
 * so two entries naming it never race. Each image's sequence is safe to interrupt at any
 * request and to rerun, and keeps its order whatever runs beside it; every image has its log
 * group, printed whole and in input order.
 */
async function executePromotion(registry, items, method, log) {
    const previous = new Map();
    const tasks = groupBySource(items).map(group => {
        const [first] = group;
        const repository = (0,reference/* formatReference */.FH)(first.image.repository);
        const before = previous.get(repository) ?? Promise.resolve();
        let done;
        previous.set(repository, new Promise(resolve => (done = resolve)));
        return {
            title: `${repository} ← ${(0,reference/* formatReference */.FH)(first.source)}`,
            run: async (imageLog) => {
                await before;
                try {
                    return await promoteImage(registry, group, method, imageLog);
                }
                finally {
                    done();
                }
            }
        };
    });
    const settled = await (0,log_groups/* inOrderedGroups */.j)(log, tasks, PARALLEL_IMAGES);
    // Every image had its turn; the first failure (in input order) fails the step.
    const failed = settled.find(r => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.flatMap(r => (r.status === 'fulfilled' ? r.value : []));
}
/**
 * One image: move its final tags (tag method → manifest-only retag in the same repository, zero
 * blob bytes; intermediate → copy from the intermediate registry with all final tags at once,
 * blobs moved once), then delete its temporary tags — tag-only deletes, so the final tags that
 * share the digest stay; they start only once every final tag is written, and go together. A
 * failed delete is a warning: the final tags are already written, and a rerun (or cleanup)
 * finishes it.
 */
async function promoteImage(registry, group, method, log) {
    const [first] = group;
    const promote = group.filter(i => i.state === 'promote');
    // Tag method: the plan has just read every final tag; one already on the digest stays.
    const tags = promote.filter(i => i.current !== i.digest).map(i => i.final.tag);
    const there = promote.filter(i => i.current === i.digest).map(i => i.final.tag);
    let written = new Set();
    if (tags.length > 0) {
        const outcome = method === 'tag'
            ? await registry.retag(first.final, first.digest, tags, {
                digest: first.digest,
                checked: true
            })
            : await registry.copy(first.source, first.final, tags);
        written = new Set(outcome.tags.filter(t => t.status !== 'skipped').map(t => t.tag));
        const moved = 'bytes' in outcome && typeof outcome.bytes === 'number'
            ? `, ${(0,bytes/* formatBytes */.z)(outcome.bytes)} of blobs moved`
            : ', manifest only';
        log.info(`${[...tags, ...there].map(t => `${t}: ${written.has(t) ? 'written' : 'already there'}`).join(', ')} (${outcome.digest}${moved})`);
    }
    else if (there.length > 0) {
        log.info(`${there.map(t => `${t}: already there`).join(', ')} (${first.digest})`);
    }
    // Every final tag is written by now: the temporary tags go, together (one placeholder and
    // one DELETE where the registry cannot delete a tag, each step safe to interrupt), and are
    // reported in input order.
    const removed = await removeTemporaryTags(registry, group, method);
    const reported = new Set();
    return group.map(item => {
        if (item.state === 'done')
            log.info(`${item.final.tag}: already promoted (${item.digest})`);
        const ref = item.sourceTag;
        const key = ref && (0,reference/* formatReference */.FH)({ registry: ref.registry, repository: ref.repository, tag: ref.tag });
        const removal = key === undefined ? {} : (removed.get(key) ?? {});
        if (key !== undefined && !reported.has(key)) {
            reported.add(key);
            if (removal.error !== undefined) {
                log.warning(`${(0,reference/* formatReference */.FH)(item.final)} is promoted, but deleting ${key} failed (a rerun or cleanup retries it): ${removal.error}`);
            }
            else if (removal.outcome !== undefined) {
                log.info(`${key}: ${removal.outcome}`);
            }
        }
        return {
            item,
            result: written.has(item.final.tag) ? 'written' : 'unchanged',
            ...(removal.outcome !== undefined && ref && { deletedSourceTag: ref.tag }),
            ...(removal.error !== undefined && { deleteError: removal.error })
        };
    });
}
/** Delete the temporary tags of an image, per repository in one call; keyed by reference. */
async function removeTemporaryTags(registry, group, method) {
    const byRepository = new Map();
    for (const item of group) {
        const ref = item.sourceTag;
        if (!ref)
            continue;
        const name = (0,reference/* formatReference */.FH)({ registry: ref.registry, repository: ref.repository });
        const entry = byRepository.get(name) ?? { repository: ref, tags: [], known: [] };
        if (entry.tags.includes(ref.tag))
            continue;
        entry.tags.push(ref.tag);
        // Tag method: the plan has just read the change tag it promotes from (never a placeholder:
        // that is an earlier run's unfinished delete, planned as done), so it holds the image.
        entry.known.push(method === 'tag' && item.state === 'promote'
            ? { digest: item.digest, mediaType: '', size: 0, kind: 'image' }
            : undefined);
        byRepository.set(name, entry);
    }
    const removals = new Map();
    await Promise.all([...byRepository.values()].map(async ({ repository, tags, known }) => {
        const key = (tag) => (0,reference/* formatReference */.FH)({ registry: repository.registry, repository: repository.repository, tag });
        try {
            const outcomes = await registry.deleteTags(repository, tags, known);
            tags.forEach((tag, i) => removals.set(key(tag), { outcome: outcomes[i] }));
        }
        catch (e) {
            for (const tag of tags)
                removals.set(key(tag), { error: (0,errors/* errorMessage */.gJ)(e) });
        }
    }));
    return removals;
}
/** Items that share a repository and a source digest move together. */
function groupBySource(items) {
    const groups = new Map();
    for (const item of items) {
        const key = `${(0,reference/* formatReference */.FH)(item.image.repository)} ${item.digest}`;
        groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    return [...groups.values()];
}

// EXTERNAL MODULE: ./shared/model/structured-input.ts
var structured_input = __webpack_require__(4728);
;// CONCATENATED MODULE: ./shared/promote/find-change.ts



/**
 * Find the merged change: the `change` input wins; a merged `pull_request` names itself; a
 * `push` is looked up through the API (`commits/{sha}/pulls`), then in the head commit message.
 * Without a change, a `pipeline` input selects `<pipeline>_` tags; otherwise InputError.
 */
async function findMergedChange(identity, ctx, pipelineInput, github, repo) {
    const payload = (0,structured_input/* isMapping */.pi)(ctx.payload) ? ctx.payload : {};
    const pr = (0,structured_input/* isMapping */.pi)(payload.pull_request) ? payload.pull_request : undefined;
    const mergeSha = typeof pr?.merge_commit_sha === 'string' && pr.merged === true
        ? pr.merge_commit_sha
        : undefined;
    const revision = mergeSha ?? ctx.sha;
    const found = (change, foundBy) => ({
        change,
        prefix: `change_${change}`,
        ...(revision && { revision }),
        foundBy
    });
    if (identity.change !== undefined) {
        if (pr && pr.merged !== true && ctx.eventName.startsWith('pull_request')) {
            throw new errors/* InputError */.dz('change', `pull request #${identity.change} is not merged (event action "${String(payload.action)}"); promote runs after merge`);
        }
        return found(identity.change, pr ? 'the pull_request event' : 'the change input or event');
    }
    if (ctx.eventName === 'push' && ctx.sha) {
        if (github && repo) {
            const number = await (0,changes/* mergedPullForCommit */.iC)(github, repo, ctx.sha);
            if (number !== undefined)
                return found(number, `GET /repos/${repo.owner}/${repo.repo}/commits/${ctx.sha}/pulls`);
        }
        const headCommit = (0,structured_input/* isMapping */.pi)(payload.head_commit) ? payload.head_commit : {};
        const fromMessage = (0,changes/* pullFromCommitMessage */.KL)(typeof headCommit.message === 'string' ? headCommit.message : undefined);
        if (fromMessage !== undefined)
            return found(fromMessage, 'the head commit message');
    }
    if (pipelineInput !== '') {
        return { prefix: pipelineInput, ...(revision && { revision }), foundBy: 'the pipeline input' };
    }
    const lookup = github
        ? ''
        : ' (no GitHub API at hand to look it up: outside GitHub, give --github-token with GITHUB_REPOSITORY, or the change itself)';
    throw new errors/* InputError */.dz('change', `no merged pull request found for this ${ctx.eventName || 'run'}${ctx.sha ? ` (${ctx.sha})` : ''}${lookup}; set change (--change N), or pipeline to promote <pipeline>_ tags`);
}
/** The merged change as a ChangeIdentity fragment, for the change-tag helpers. */
function tagIdentity(merged) {
    return { ...(merged.change !== undefined && { change: merged.change }), pipeline: merged.prefix };
}

// EXTERNAL MODULE: ./shared/change-index/format.ts
var format = __webpack_require__(9363);
;// CONCATENATED MODULE: ./shared/promote/verify.ts

/** Labels the build step writes and promote checks. */
const REVISION_LABEL = 'org.opencontainers.image.revision';
const SOURCE_TREE_LABEL = 'dev.imagegate.source-tree';
/**
 * Was the image built from the merged code? Its revision label must equal the merged commit, or
 * its source-tree label the merged commit's tree (a squash or rebase merge changes the commit but
 * not the tree). Zuul trusts the change number alone; we do not.
 */
function verifyLabels(image, labels, merged) {
    const revision = labels[REVISION_LABEL];
    const tree = labels[SOURCE_TREE_LABEL];
    if (merged.revision && revision === merged.revision)
        return { ok: true, by: `${REVISION_LABEL}=${revision}` };
    if (merged.sourceTree && tree === merged.sourceTree)
        return { ok: true, by: `${SOURCE_TREE_LABEL}=${tree}` };
    if (revision === undefined && tree === undefined) {
        return {
            ok: false,
            missing: true,
            detail: `${image} has neither ${REVISION_LABEL} nor ${SOURCE_TREE_LABEL}; cannot check it was built from the merged code`
        };
    }
    // Label values are the image's (anyone's) text: quoted and escaped.
    const parts = [];
    if (revision !== undefined)
        parts.push(`${REVISION_LABEL} is ${(0,outside_text/* quoteOutside */.YM)(revision, 80)} but the merged commit is ${merged.revision ?? 'unknown'}`);
    if (tree !== undefined)
        parts.push(`${SOURCE_TREE_LABEL} is ${(0,outside_text/* quoteOutside */.YM)(tree, 80)} but the merged tree is ${merged.sourceTree ?? 'unknown'}`);
    return {
        ok: false,
        missing: false,
        detail: `${image} was not built from the merged code: ${parts.join('; ')}`
    };
}

;// CONCATENATED MODULE: ./shared/promote/order.ts



/**
 * Refuse to move `final` off its `current` image unless the merged commit descends from the
 * commit that image was built from (its revision label; the GitHub compare API decides): two
 * merges promoted out of order must not move a tag back to the older image. When the order
 * cannot be decided, refuse too; `allow-downgrade` turns both refusals into warnings. A final tag
 * on no image at all (an empty index or placeholder) has nothing to protect.
 */
async function checkOrder(field, final, current, options) {
    if (current.kind === 'empty-index' || current.kind === 'placeholder')
        return;
    const name = (0,reference/* formatReference */.FH)(final);
    const refuse = (detail) => {
        if (!options.allowDowngrade) {
            throw new errors/* InputError */.dz(field, `${detail}; set allow-downgrade: true to promote anyway`);
        }
        options.warn(`${field}: ${detail}; promoting anyway (allow-downgrade: true)`);
    };
    const undecidable = (why) => refuse(`cannot tell whether ${name} would move forward: ${why}`);
    const older = await options.revisionOf(final, current.digest);
    const newer = options.revision;
    if (older === undefined)
        return undecidable(`its image has no ${REVISION_LABEL} label`);
    if (newer === undefined)
        return undecidable('the merged commit is unknown');
    if (older === newer)
        return;
    if (!options.compare)
        return undecidable('there is no GitHub API to compare commits with');
    let ancestry;
    try {
        ancestry = await options.compare(older, newer);
    }
    catch (e) {
        return undecidable(`comparing ${older}...${newer} failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    switch (ancestry) {
        case 'ahead':
        case 'identical':
            return;
        case 'behind':
            return refuse(`${name} holds an image of ${older}, which is newer than ${newer} (the merged commit): promoting would move it back`);
        case 'diverged':
            return undecidable(`${older} and ${newer} have diverged (not one branch)`);
        default:
            return undecidable(`GitHub does not know ${older} or ${newer}`);
    }
}

;// CONCATENATED MODULE: ./shared/promote/plan.ts







/**
 * Resolve the source of every final tag and verify it was built from the merged code, before
 * anything is written. Throws InputError listing what cannot be promoted.
 */
async function planPromotion(registry, images, options) {
    const labels = new Map();
    const labelsOf = (ref, digest) => {
        let read = labels.get(digest);
        if (!read) {
            read = registry.imageConfig({ ...ref, digest }).then(config => config.labels);
            labels.set(digest, read);
        }
        return read;
    };
    const reads = {
        verify: async (ref, digest) => {
            const labels = await labelsOf(ref, digest);
            const byRevision = verifyLabels((0,reference/* formatReference */.FH)(ref), labels, options.mergedSource);
            if (byRevision.ok || !options.sourceTree)
                return byRevision;
            const sourceTree = await options.sourceTree();
            return verifyLabels((0,reference/* formatReference */.FH)(ref), labels, {
                ...options.mergedSource,
                ...(sourceTree && { sourceTree })
            });
        },
        order: {
            ...options.order,
            revisionOf: async (ref, digest) => (await labelsOf(ref, digest))[REVISION_LABEL]
        }
    };
    // A registry failure names the tag it was resolving, like an input problem does.
    const tasks = images.flatMap(image => image.tags.map((tag, i) => {
        const field = `${image.field}.tags[${i}]`;
        return planOne(registry, image, tag, field, options, reads).catch((e) => {
            throw e instanceof errors/* InputError */.dz ? e : new Error(`${field}: ${(0,errors/* errorMessage */.gJ)(e)}`, { cause: e });
        });
    }));
    // Settle every task so the user sees every problem at once, not just the first.
    const settled = await Promise.allSettled(tasks);
    const problems = settled.flatMap(r => (r.status === 'rejected' ? [r.reason] : []));
    const other = problems.find(p => !(p instanceof errors/* InputError */.dz));
    if (other !== undefined)
        throw other;
    if (problems.length > 0)
        throw new errors/* InputErrors */.G(problems);
    return settled.map(r => r.value);
}
function planOne(registry, image, tag, field, options, reads) {
    const final = { ...(0,reference/* withTag */.Rd)(image.repository, tag), tag };
    if (options.method === 'tag')
        return planTag(registry, image, final, field, options, reads);
    if (!options.index)
        return planWithoutIndex(registry, image, final, field, options, reads);
    return planStaged(registry, image, final, field, options, options.index, reads);
}
/** Tag method: promote `change_<N>_<tag>` in the final repository. */
async function planTag(registry, image, final, field, options, reads) {
    const changeTag = (0,change/* changeTag */.df)(tagIdentity(options.merged), final.tag, field);
    const source = { ...(0,reference/* withTag */.Rd)(image.repository, changeTag), tag: changeTag };
    // GET, not HEAD: the same round trip, and the manifest is then at hand for the labels and
    // for writing the final tags. The final tag is read at the same time.
    const [content, current] = await Promise.all([
        registry.inspect(source, { read: true }),
        registry.inspect(final)
    ]);
    if (!content || content.kind === 'placeholder') {
        // Gone, or on the placeholder of an unfinished delete: an earlier run got past promoting.
        const done = await alreadyPromoted(registry, image, final, source, field, options, reads, {
            missing: `${(0,reference/* formatReference */.FH)(source)} does not exist`,
            hint: 'was the change uploaded with promote: true?'
        }, current);
        return content ? { ...done, sourceTag: source } : done;
    }
    refuseNonImage(field, source, content);
    const verifiedBy = await checkSource(field, source, content.digest, options, reads);
    await checkFinal(final, current, content.digest, field, reads);
    return {
        image,
        field,
        final,
        source,
        digest: content.digest,
        state: 'promote',
        ...(current && { current: current.digest }),
        sourceTag: source,
        ...(verifiedBy && { verifiedBy })
    };
}
/** Intermediate method: promote the staged image the change index names. */
async function planStaged(registry, image, final, field, options, index, reads) {
    const entry = (0,format/* findStagedImage */.P9)(index, (0,reference/* formatReference */.FH)(image.repository), final.tag);
    if (!entry) {
        throw new errors/* InputError */.dz(field, `${(0,reference/* formatReference */.FH)(final)} is not in the change index of change ${options.merged.change}; was it uploaded with promote-method intermediate-registry?`);
    }
    const stagedRef = (0,reference/* parseReference */.F2)(entry.staged);
    const source = { ...stagedRef, digest: entry.digest };
    const stagedTag = stagedRef.tag === undefined
        ? undefined
        : { ...(0,reference/* withTag */.Rd)(stagedRef, stagedRef.tag), tag: stagedRef.tag };
    const [staged, onTag, finalHead] = await Promise.all([
        registry.inspect(source),
        stagedTag ? registry.inspect(stagedTag) : undefined,
        registry.inspect(final)
    ]);
    // Delete the staged tag afterwards only while it still names this image (or a placeholder).
    const sourceTag = stagedTag && (onTag?.digest === entry.digest || onTag?.kind === 'placeholder')
        ? { sourceTag: stagedTag }
        : {};
    if (finalHead?.digest === entry.digest) {
        // The final tag already holds the indexed digest: an earlier run promoted it.
        return { image, field, final, source, digest: entry.digest, state: 'done', ...sourceTag };
    }
    if (staged?.digest !== entry.digest) {
        throw new errors/* InputError */.dz(field, `the staged image ${entry.staged}@${entry.digest} is missing from the intermediate registry`);
    }
    refuseNonImage(field, source, staged);
    const verifiedBy = await checkSource(field, source, entry.digest, options, reads);
    await checkFinal(final, finalHead, entry.digest, field, reads);
    return {
        image,
        field,
        final,
        source,
        digest: entry.digest,
        state: 'promote',
        ...sourceTag,
        ...(verifiedBy && { verifiedBy })
    };
}
/** Intermediate method, index gone: fine if an earlier run promoted this change's image. */
function planWithoutIndex(registry, image, final, field, options, reads) {
    // The staged name went with the index: the final tag is all there is to name.
    return alreadyPromoted(registry, image, final, final, field, options, reads, {
        missing: `the change index of change ${options.merged.change} does not exist`,
        hint: 'did the gate upload run with promote-method intermediate-registry?'
    });
}
/**
 * The source is gone: fine if the final tag holds an image built from the merge. `source` is
 * what the final tag came from, reported as on the first run.
 */
async function alreadyPromoted(registry, image, final, source, field, options, reads, why, 
/** What the final tag holds, when the caller has just read it. */
read) {
    const content = read ?? (await registry.inspect(final));
    if (!content || content.kind === 'empty-index' || content.kind === 'placeholder') {
        const what = content ? 'holds no image' : 'does not exist';
        throw new errors/* InputError */.dz(field, `${why.missing}, and ${(0,reference/* formatReference */.FH)(final)} ${what}; ${why.hint}`);
    }
    const verdict = await reads.verify(final, content.digest);
    if (!verdict.ok && (options.verifySource || !verdict.missing)) {
        throw new errors/* InputError */.dz(field, `${why.missing}, and ${(0,reference/* formatReference */.FH)(final)} is not this change's image: ${verdict.detail}`);
    }
    return {
        image,
        field,
        final,
        source,
        digest: content.digest,
        state: 'done',
        ...(verdict.ok && { verifiedBy: verdict.by })
    };
}
/** Never promote what is no image: an index without entries, or an untag placeholder. */
function refuseNonImage(field, source, content) {
    if (content.kind === 'empty-index' || content.kind === 'placeholder') {
        throw new errors/* InputError */.dz(field, `${(0,reference/* formatReference */.FH)(source)} is an index with no manifests (${content.digest}); refusing to promote it`);
    }
}
/** The final tag may only move forward (see checkOrder); `current` is what it holds now. */
async function checkFinal(final, current, digest, field, reads) {
    if (current && current.digest !== digest)
        await checkOrder(field, final, current, reads.order);
}
async function checkSource(field, source, digest, options, reads) {
    if (!options.verifySource)
        return undefined;
    const verdict = await reads.verify(source, digest);
    if (verdict.ok)
        return verdict.by;
    if (verdict.missing) {
        options.warn(`${field}: ${verdict.detail}`);
        return undefined;
    }
    throw new errors/* InputError */.dz(field, verdict.detail);
}

// EXTERNAL MODULE: ./shared/model/registry-location.ts
var registry_location = __webpack_require__(1893);
;// CONCATENATED MODULE: ./shared/promote/staged-cleanup.ts







/**
 * After promotion: the change index goes once every image it lists is promoted (the staged
 * tags went image by image, see promoteImage). It goes last, so until then a rerun finds what
 * is left to finish; with the index gone a rerun checks the final tags instead. An index already
 * gone (or left on a placeholder by an interrupted delete) only has its deletion finished.
 */
async function removePromotedIndex(registry, location, key, index, items, log) {
    const covered = (repository, tag) => {
        const name = (0,reference/* formatReference */.FH)((0,reference/* parseReference */.F2)(repository));
        return items.some(i => (0,reference/* formatReference */.FH)(i.image.repository) === name && i.final.tag === tag);
    };
    if (index && !index.images.every(e => covered(e.repository, e.tag))) {
        log.info('the change index lists images this promotion does not cover; cleanup removes it');
        return;
    }
    try {
        if ((await (0,change_index_store/* deleteChangeIndex */.ud)(registry, location, key)) === 'deleted') {
            log.info(`change index of ${key.owner}/${key.repo}#${key.change}: deleted`);
        }
    }
    catch (e) {
        log.warning(`deleting the change index failed (a rerun or cleanup retries it): ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
/**
 * The intermediate registry's janitor, by the final registry's rules (unknown ages are kept,
 * failures are warnings): change indexes created longer ago than the age limit (abandoned
 * changes), each after the staged tags it lists; then, in the staged repositories of `images`,
 * tags staged longer ago than that (by their staging records; everything there is imagegate's)
 * unless a remaining change index still lists them.
 */
async function cleanupIntermediate(registry, location, images, options) {
    const results = [];
    let listed = new Map();
    try {
        const indexes = await cleanupIndexes(registry, location, options);
        results.push(indexes.result);
        listed = indexes.listed;
    }
    catch (e) {
        options.log.warning(`cleanup of the change indexes failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
        // Without the indexes it is unknown which staged tags are still wanted: keep them all.
        return results;
    }
    const staged = new Map();
    for (const image of images) {
        const repository = (0,registry_location/* stagedRepository */.Z3)(location, image.repository);
        staged.set((0,reference/* formatReference */.FH)(repository), repository);
    }
    const everything = { test: () => true };
    const scopes = [...staged].map(([name, repository]) => ({
        repository,
        finalTags: listed.get(name) ?? [],
        matcher: everything
    }));
    results.push(...(await cleanupStaleTags(registry, scopes, options)));
    return results;
}
/**
 * Delete change indexes older than the age limit, each after the staged tags it lists; returns
 * the staged tags the remaining indexes list, per staged repository.
 */
async function cleanupIndexes(registry, location, options) {
    const repository = (0,format/* changeIndexRepository */.TC)(location);
    const name = (0,reference/* formatReference */.FH)(repository);
    const result = {
        repository: name,
        deleted: [],
        kept: [],
        unknownAge: [],
        records: []
    };
    const listed = new Map();
    const keep = (tag, index, as) => {
        result[as].push(tag);
        for (const entry of index?.images ?? []) {
            const staged = (0,reference/* parseReference */.F2)(entry.staged);
            const key = (0,reference/* formatReference */.FH)({ registry: staged.registry, repository: staged.repository });
            if (staged.tag !== undefined)
                listed.set(key, [...(listed.get(key) ?? []), staged.tag]);
        }
    };
    const tags = (await registry.listTags(repository)).filter(t => !(0,record/* isStagingRecordTag */.Xt)(t));
    for (const tag of tags) {
        const ref = { ...repository, tag };
        let index;
        try {
            // A placeholder reads as no index: a deletion that did not finish; finish it.
            index = await (0,change_index_store/* readChangeIndexAt */.wA)(registry, ref);
            const createdAt = index ? new Date(index.createdAt) : undefined;
            if (index && (!createdAt || Number.isNaN(createdAt.getTime()))) {
                keep(tag, index, 'unknownAge');
                continue;
            }
            const ageMs = createdAt ? options.now().getTime() - createdAt.getTime() : Infinity;
            if (ageMs <= options.maxAgeMs) {
                keep(tag, index, 'kept');
                continue;
            }
            for (const entry of index?.images ?? []) {
                const staged = (0,reference/* parseReference */.F2)(entry.staged);
                if (staged.tag !== undefined)
                    await registry.deleteTag({ ...staged, tag: staged.tag });
            }
            if ((await registry.deleteTag(ref)) === 'absent')
                continue;
            result.deleted.push(tag);
            options.log.info(`deleted ${name}:${tag} and its staged tags (${index ? `created ${Math.round(ageMs / 3_600_000)} h ago` : 'finishing an interrupted deletion'})`);
        }
        catch (e) {
            // Whatever it lists stays wanted until the index is gone.
            keep(tag, index, 'kept');
            options.log.warning(`cleanup of ${name}:${tag} failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
    return { result, listed };
}

;// CONCATENATED MODULE: ./shared/promote/index.ts









/**
 * Promote a merged change: find it, resolve and verify every source before writing anything,
 * then image by image move the final tags (manifest-only retag or copy from the intermediate
 * registry) and delete the temporary tags, then clean up stale ones. Every write sequence is
 * safe to interrupt at any request and to rerun.
 */
async function promote(inputs, deps) {
    const { registry, log } = deps;
    const merged = await findMergedChange(inputs.identity, deps.ctx, inputs.pipeline ?? '', deps.github, deps.repo);
    log.info(`promoting ${merged.change !== undefined ? `change ${merged.change}` : `${merged.prefix}_ tags`} (found by ${merged.foundBy}; merged commit ${merged.revision ?? 'unknown'})`);
    // Temporary tags over 128 characters are an input error, found before any registry is asked.
    (0,common/* checkChangeTags */.mP)(inputs.images, tagIdentity(merged));
    // The merged tree is asked for only when an image's revision label is not the merged commit
    // (a squash or rebase merge): most promotions never need the GitHub round trip.
    let tree;
    const sourceTree = inputs.verifySource
        ? () => (tree ??= mergedTree(deps, merged.revision))
        : undefined;
    if (inputs.verifySource && (!deps.github || !deps.repo || !merged.revision))
        void sourceTree?.();
    const staged = inputs.promoteMethod === 'intermediate-registry' ? await readIndex(deps, merged) : undefined;
    const compare = githubCompare(deps);
    const plan = planPromotion(registry, inputs.images, {
        method: inputs.promoteMethod,
        verifySource: inputs.verifySource,
        merged,
        mergedSource: { ...(merged.revision && { revision: merged.revision }) },
        ...(sourceTree && { sourceTree }),
        ...(staged?.index && { index: staged.index }),
        order: {
            allowDowngrade: inputs.allowDowngrade,
            ...(merged.revision && { revision: merged.revision }),
            ...(compare && { compare }),
            warn: m => log.warning(m)
        },
        warn: m => log.warning(m)
    });
    const items = await plan.catch((e) => {
        throw staged && !staged.index ? noIndexError(staged.key, e) : e;
    });
    if (inputs.dryRun) {
        for (const item of items) {
            log.info(`[dry run] ${(0,reference/* formatReference */.FH)(item.final)} ← ${(0,reference/* formatReference */.FH)(item.source)} ${item.digest} (${item.state === 'done' ? 'already promoted' : 'would promote'})`);
        }
        return { merged, items, cleanup: [], dryRun: true };
    }
    const promoted = await executePromotion(registry, items, inputs.promoteMethod, log);
    const location = inputs.intermediateRegistry;
    if (staged && location) {
        await removePromotedIndex(registry, location, staged.key, staged.index, items, log);
    }
    const options = { maxAgeMs: inputs.cleanupAgeMs, now: deps.now ?? (() => new Date()), log };
    const cleanup = inputs.cleanup
        ? await log.group('Clean up stale temporary tags', async () => [
            ...(await cleanupStaleTags(registry, finalScopes(inputs.images, inputs.cleanupPattern, items), options)),
            ...(staged && location
                ? await cleanupIntermediate(registry, location, inputs.images, options)
                : [])
        ])
        : [];
    return { merged, items, promoted, cleanup, dryRun: false };
}
/** The merged commit's tree through the API; a failure here only weakens the check. */
async function mergedTree(deps, revision) {
    if (!deps.github || !deps.repo || !revision) {
        deps.log.info(`the merged tree is not checked (it needs the GitHub API and the repository${deps.github ? '' : '; outside GitHub give --github-token and GITHUB_REPOSITORY'}): only the revision label can match`);
        return undefined;
    }
    try {
        return await (0,changes/* commitTree */.SC)(deps.github, deps.repo, revision);
    }
    catch (e) {
        deps.log.warning(`could not read the tree of ${revision}; checking the revision label only: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return undefined;
    }
}
/** Where the change's index lives, and the index unless it is gone (promoted before). */
async function readIndex(deps, merged) {
    if (merged.change === undefined || !deps.repo) {
        throw new errors/* InputError */.dz('promote-method', 'intermediate-registry needs a change (pull request) and GITHUB_REPOSITORY to find the change index');
    }
    const key = { ...deps.repo, change: merged.change };
    const index = await deps.readChangeIndex(key);
    return { key, ...(index && { index }) };
}
/** No index, and the final tags do not show an earlier promotion of this change. */
function noIndexError(key, cause) {
    if (!(cause instanceof errors/* InputError */.dz || cause instanceof errors/* InputErrors */.G))
        return cause;
    return new errors/* InputError */.dz('intermediate-registry', `has no change index for ${key.owner}/${key.repo}#${key.change}, and the final tags do not hold its images; did the gate upload run with promote-method intermediate-registry?`, { cause });
}
/** The GitHub compare API for ordering promotions, each pair of commits asked once. */
function githubCompare(deps) {
    const { github, repo } = deps;
    if (!github || !repo)
        return undefined;
    const asked = new Map();
    return (base, head) => {
        const key = `${base}...${head}`;
        let answer = asked.get(key);
        if (!answer)
            asked.set(key, (answer = (0,changes/* compareCommits */.kC)(github, repo, base, head)));
        return answer;
    };
}
/**
 * Each final repository once, with the final tags of every entry naming it and the digests the
 * promotion has just put under them (all of `promoted` holds its digest now).
 */
function finalScopes(images, matcher, promoted) {
    const scopes = new Map();
    for (const image of images) {
        const key = (0,reference/* formatReference */.FH)(image.repository);
        const scope = scopes.get(key) ?? {
            repository: image.repository,
            finalTags: [],
            finalDigests: new Map()
        };
        scope.finalTags.push(...image.tags);
        scopes.set(key, scope);
    }
    for (const item of promoted) {
        scopes
            .get((0,reference/* formatReference */.FH)(item.image.repository))
            ?.finalDigests.set(item.final.tag, item.digest);
    }
    return [...scopes.values()].map(scope => ({ ...scope, matcher }));
}

;// CONCATENATED MODULE: ./shared/commands/promote.ts










/** The promote command: move the merged change's staged images to their final tags. */
async function promoteAction(io = (0,runner_io/* actionIO */.P)()) {
    const { reader, ctx } = io;
    const inputs = readPromoteInputs(reader, ctx);
    const store = (0,runner_credentials/* loadCredentials */.N)(inputs.registryCredentials, io.env, io.mask);
    // The repository regexes are checked before any registry is touched, on the repositories
    // promote writes (final tags, change-tag deletion, cleanup); `registry` only names a credential.
    const credentials = (0,model_credentials/* checkWriteCredentials */.qw)(inputs.images.map(image => ({
        field: `${image.field}.repository`,
        repository: image.repository,
        repositoryInput: image.repositoryInput,
        credentialKey: image.registry,
        credentialField: `${image.field}.registry`
    })), store, false);
    const registry = (0,runner_registry/* createRegistry */.I)(credentials, io, { githubToken: inputs.githubToken });
    // The registries are known now: their connections open while promote asks GitHub what merged.
    // Every tag of every image is read at once: its change tag beside its final tag.
    registry.warmUp([
        ...inputs.images.map(image => image.repository.registry),
        ...(inputs.intermediateRegistry ? [inputs.intermediateRegistry.registry] : [])
    ], inputs.images.reduce((n, image) => n + 2 * image.tags.length, 0));
    const repo = (0,changes/* parseRepoName */.JL)(ctx.repository);
    try {
        const result = await promote(inputs, {
            registry,
            ctx,
            log: io.log,
            ...(ctx.apiUrl && {
                github: new GitHubClient({
                    apiUrl: ctx.apiUrl,
                    ...(inputs.githubToken && { token: inputs.githubToken })
                })
            }),
            ...(repo && { repo }),
            readChangeIndex: key => inputs.intermediateRegistry
                ? (0,change_index_store/* readChangeIndex */.Fp)(registry, inputs.intermediateRegistry, key)
                : Promise.resolve(undefined)
        });
        await report(result, io.report);
    }
    finally {
        registry.close();
    }
}
async function report(result, reporter) {
    const images = new Map();
    for (const item of result.items) {
        const key = `${(0,reference/* formatReference */.FH)(item.image.repository)} ${item.digest}`;
        const entry = images.get(key) ?? {
            repository: (0,reference/* formatReference */.FH)(item.image.repository),
            tags: [],
            digest: item.digest,
            source: (0,reference/* formatReference */.FH)(item.source)
        };
        entry.tags.push(item.final.tag);
        images.set(key, entry);
    }
    reporter.output('images', [...images.values()]);
    // The items themselves key the outcomes: no string keys to rebuild and match.
    const outcomes = new Map(result.promoted?.map(p => [p.item, p]));
    const status = (item) => {
        if (result.dryRun)
            return 'planned (dry run)';
        const done = outcomes.get(item);
        if (!done || item.state === 'done')
            return 'already promoted';
        return done.result === 'written' ? 'promoted' : 'already there';
    };
    const deleted = result.cleanup.flatMap(c => c.deleted.map(t => `${c.repository}:${t}`));
    const unknown = result.cleanup.flatMap(c => c.unknownAge.map(t => `${c.repository}:${t}`));
    const notes = [
        deleted.length > 0 && `Stale temporary tags deleted: ${deleted.join(', ')}`,
        unknown.length > 0 &&
            `Kept, staging time unknown (no staging record; a tag is never aged by its image's build date): ${unknown.join(', ')}`
    ].filter(note => note !== false);
    await reporter.table({
        heading: `imagegate promote${result.merged.change !== undefined ? ` of change #${result.merged.change}` : ''}`,
        header: ['image', 'tag', 'digest', 'source', 'result'],
        rows: result.items.map(item => [
            { code: (0,reference/* formatReference */.FH)(item.image.repository) },
            { code: item.final.tag },
            { code: item.digest },
            { code: (0,reference/* formatReference */.FH)(item.source) },
            status(item)
        ]),
        ...(notes.length > 0 && { note: notes.join('\n\n') })
    });
}


/***/ }),

/***/ 6101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JL: () => (/* binding */ parseRepoName),
/* harmony export */   KL: () => (/* binding */ pullFromCommitMessage),
/* harmony export */   SC: () => (/* binding */ commitTree),
/* harmony export */   iC: () => (/* binding */ mergedPullForCommit),
/* harmony export */   kC: () => (/* binding */ compareCommits)
/* harmony export */ });
/* unused harmony exports OWNER_RE, REPO_RE, isChangeNumber */
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

/***/ 7847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/** `0 B`, `512 B`, `12.3 kB`, `104.9 MB`: decimal units, as registries and skopeo report sizes. */
function formatBytes(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ inOrderedGroups)
/* harmony export */ });
/**
 * Holds a task's lines until its group can be printed. A group inside a task (a log group
 * cannot nest) becomes a line with its title.
 */
class BufferedLog {
    lines = [];
    info(message) {
        this.lines.push({ warning: false, message });
    }
    warning(message) {
        this.lines.push({ warning: true, message });
    }
    async group(title, fn) {
        this.info(title);
        return fn();
    }
}
/**
 * Run `tasks` concurrently, at most `limit` at once and started in order, each logging into a
 * group of its own (an untitled task's lines go straight to `log`, e.g. inside an enclosing
 * group). Groups reach `log` whole and in task order: a finished task's group is printed once
 * every earlier group is, so parallel work reads like sequential work. Every task is settled
 * (one failing does not stop the others); the results come back in task order.
 */
async function inOrderedGroups(log, tasks, limit) {
    const results = new Array(tasks.length);
    const buffers = tasks.map(() => new BufferedLog());
    const finished = tasks.map(() => false);
    let printed = 0;
    let printing = Promise.resolve();
    const print = () => {
        // One printer at a time, so groups never interleave.
        printing = printing.then(async () => {
            while (printed < tasks.length && finished[printed]) {
                const i = printed++;
                const replay = async () => {
                    for (const line of buffers[i].lines) {
                        if (line.warning)
                            log.warning(line.message);
                        else
                            log.info(line.message);
                    }
                };
                const title = tasks[i].title;
                await (title === undefined ? replay() : log.group(title, replay));
            }
        });
        return printing;
    };
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const i = next++;
            try {
                results[i] = { status: 'fulfilled', value: await tasks[i].run(buffers[i]) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
            finished[i] = true;
            await print();
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
    await printing;
    return results;
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
