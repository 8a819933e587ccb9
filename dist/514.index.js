export const id = 514;
export const ids = [514];
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

/***/ 3514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uploadAction: () => (/* binding */ uploadAction)
});

// EXTERNAL MODULE: ./shared/runner/io.ts + 2 modules
var runner_io = __webpack_require__(3148);
// EXTERNAL MODULE: ./shared/runner/credentials.ts
var runner_credentials = __webpack_require__(471);
// EXTERNAL MODULE: ./shared/runner/registry.ts + 1 modules
var registry = __webpack_require__(4235);
// EXTERNAL MODULE: ./shared/build/outputs.ts + 1 modules
var outputs = __webpack_require__(6052);
// EXTERNAL MODULE: ./shared/build/report.ts
var report = __webpack_require__(4035);
// EXTERNAL MODULE: ./shared/engine/process-runner.ts
var process_runner = __webpack_require__(9555);
// EXTERNAL MODULE: ./shared/inputs/build.ts
var inputs_build = __webpack_require__(782);
// EXTERNAL MODULE: ./shared/inputs/common.ts
var common = __webpack_require__(1297);
;// CONCATENATED MODULE: ./shared/inputs/upload.ts


/** Read and validate the upload action's inputs. */
function readUploadInputs(reader, ctx) {
    const build = (0,inputs_build/* readBuildInputs */.q)(reader, ctx);
    const promote = reader.boolean('promote', true);
    const promoteMethod = reader.choice('promote-method', common/* PROMOTE_METHODS */.gO, 'tag');
    const intermediateRegistry = (0,common/* readIntermediateRegistry */.N7)(reader, promote && promoteMethod === 'intermediate-registry', 'when promote-method is intermediate-registry');
    return {
        ...build,
        registryCredentials: reader.credentials(),
        promote,
        promoteMethod,
        ...(intermediateRegistry && { intermediateRegistry })
    };
}

// EXTERNAL MODULE: ./shared/build/run.ts + 14 modules
var build_run = __webpack_require__(967);
// EXTERNAL MODULE: ./shared/change-index/format.ts
var format = __webpack_require__(9363);
// EXTERNAL MODULE: ./shared/github/changes.ts
var changes = __webpack_require__(6101);
// EXTERNAL MODULE: ./shared/model/credentials.ts
var model_credentials = __webpack_require__(1066);
// EXTERNAL MODULE: ./shared/model/errors.ts
var errors = __webpack_require__(7649);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
// EXTERNAL MODULE: ./shared/model/registry-location.ts
var registry_location = __webpack_require__(1893);
// EXTERNAL MODULE: ./shared/staging/store.ts
var store = __webpack_require__(6457);
// EXTERNAL MODULE: ./shared/upload/change-index.ts
var change_index = __webpack_require__(9421);
// EXTERNAL MODULE: ./shared/upload/platform-push.ts
var platform_push = __webpack_require__(8044);
// EXTERNAL MODULE: ./shared/upload/targets.ts
var upload_targets = __webpack_require__(7656);
;// CONCATENATED MODULE: ./shared/upload/step.ts











/** The upload mode the inputs select. */
function uploadMode(inputs) {
    if (!inputs.promote)
        return 'release';
    return inputs.promoteMethod === 'tag' ? 'tag' : 'intermediate';
}
/**
 * Check credentials, log in, build everything, then push: nothing is pushed unless every image
 * built. In intermediate mode the change index is written once every push succeeded.
 */
async function executeUpload(inputs, ctx, deps) {
    const mode = uploadMode(inputs);
    const change = inputs.identity.change;
    if (mode === 'intermediate' && change === undefined) {
        throw new errors/* InputError */.dz('change', 'promote-method intermediate-registry stages images per change, but this run has no pull request (set the change input)');
    }
    // Zuul's checks, before anything is built, on every repository this upload writes: credentials
    // exist (except for the intermediate registry) and their regexes allow what is contacted.
    const credentials = (0,model_credentials/* checkWriteCredentials */.qw)(writeTargets(inputs, ctx), deps.credentials, mode !== 'intermediate');
    const targetCtx = {
        mode,
        identity: inputs.identity,
        ...(inputs.intermediateRegistry && { intermediate: inputs.intermediateRegistry }),
        runId: ctx.runId ?? 'local',
        runAttempt: ctx.runAttempt
    };
    const targets = new Map(inputs.images.map(image => [image, (0,upload_targets/* pushTargets */.X)(image, targetCtx)]));
    const hosts = [...new Set([...targets.values()].flat().map(t => (0,upload_targets/* hostOf */.w)(t.ref)))];
    let registry;
    const engineRegistry = () => (registry ??= deps.registry(credentials));
    const removeTag = async (ref) => {
        const parsed = (0,reference/* parseReference */.F2)(ref);
        if (parsed.tag !== undefined)
            await engineRegistry().deleteTag({ ...parsed, tag: parsed.tag });
    };
    const writeIndex = async (target, members) => {
        const parsed = (0,reference/* parseReference */.F2)(target);
        return engineRegistry().putIndex({ ...parsed, tag: parsed.tag ?? 'latest' }, members);
    };
    const run = await (0,build_run/* executeBuild */.S)(inputs, ctx, { ...deps, removeTag, writeIndex }, {
        pushTargets: plan => (targets.get(plan.image) ?? []).map(t => t.ref),
        beforeBuild: async (engine) => {
            for (const host of hosts) {
                const credential = credentials.find(host);
                if (credential)
                    await engine.login(host, credential.username, credential.password);
            }
        }
    });
    // A platform job pushes each build under its record tag only; the merge writes the tags.
    const platformJob = (inputs.platforms ?? []).length > 0;
    const place = (0,platform_push/* recordPlace */.ZJ)(mode, inputs.intermediateRegistry);
    const targetsOf = (result) => platformJob ? [(0,platform_push/* recordTarget */.RU)(result.plan, place)] : (targets.get(result.plan.image) ?? []);
    try {
        if (run.results.some(r => r.status !== 'built')) {
            deps.log.warning('Nothing was pushed: every image must build before upload pushes any');
            return { mode, results: run.results, build: run };
        }
        const results = [];
        const staged = [];
        for (const result of run.results) {
            const pushed = [...result.pushed];
            try {
                for (const target of targetsOf(result)) {
                    const digest = await deps.log.group(`Pushing ${target.ref}`, () => run.engine.push(result.built, target.ref, line => deps.log.info(line)));
                    deps.log.info(`Pushed ${target.ref}@${digest}`);
                    pushed.push({ ref: target.ref, digest });
                    staged.push({ ...target, digest });
                }
                results.push({ ...result, pushed });
            }
            catch (error) {
                results.push({
                    ...result,
                    pushed,
                    status: 'failed',
                    error: `push failed: ${(0,errors/* errorMessage */.gJ)(error)}`
                });
            }
        }
        if (platformJob && results.some(r => r.status !== 'built')) {
            await (0,platform_push/* removeRecords */.DR)(engineRegistry(), staged.map(s => s.ref), deps.log);
            return { mode, results, build: run };
        }
        // Platform records are temporary tags too: cleanup ages the ones no merge removed.
        if (mode !== 'release' || platformJob)
            await (0,store/* recordAndLog */.Je)(engineRegistry(), staged, deps.now(), { id: targetCtx.runId, attempt: targetCtx.runAttempt }, deps.log);
        if (platformJob) {
            deps.log.info('Platform records pushed; the merge writes the tags once every platform is in');
            return { mode, results, build: run };
        }
        if (mode !== 'intermediate' || results.some(r => r.status !== 'built'))
            return { mode, results, build: run };
        const changeIndexDigest = await (0,change_index/* recordChangeIndex */.e)(engineRegistry(), inputs.intermediateRegistry, staged, {
            repository: ctx.repository ?? 'unknown/unknown',
            change: change,
            runId: targetCtx.runId,
            runAttempt: ctx.runAttempt,
            facts: run.facts,
            now: deps.now()
        });
        deps.log.info(`Wrote the change index (${changeIndexDigest})`);
        return { mode, results, changeIndexDigest, build: run };
    }
    finally {
        await run.engine.dispose();
        registry?.close();
    }
}
/**
 * The repositories an upload writes: the images' own (change or final tags), or in intermediate
 * mode their staged names and the change index in the intermediate registry.
 */
function writeTargets(inputs, ctx) {
    const location = inputs.intermediateRegistry;
    if (uploadMode(inputs) !== 'intermediate' || location === undefined) {
        return inputs.images.map(image => ({
            field: `${image.field}.repository`,
            repository: image.repository,
            repositoryInput: image.repositoryInput,
            credentialKey: image.registry,
            credentialField: `${image.field}.registry`
        }));
    }
    const field = 'intermediate-registry';
    const repo = (0,changes/* parseRepoName */.JL)(ctx.repository) ?? { owner: 'unknown', repo: 'unknown' };
    const index = (0,format/* changeIndexLocation */.SW)(location, { ...repo, change: inputs.identity.change ?? 0 });
    return [
        ...inputs.images.map(image => ({
            field,
            repository: (0,registry_location/* stagedRepository */.Z3)(location, image.repository)
        })),
        { field, repository: { registry: index.registry, repository: index.repository } }
    ];
}

;// CONCATENATED MODULE: ./shared/commands/upload.ts








/** The upload command: build, then push change tags (gate), final tags (release) or stage. */
async function uploadAction(io = (0,runner_io/* actionIO */.P)()) {
    const inputs = readUploadInputs(io.reader, io.ctx);
    const credentials = (0,runner_credentials/* loadCredentials */.N)(inputs.registryCredentials, io.env, io.mask);
    const outcome = await executeUpload(inputs, io.ctx, {
        runner: new process_runner/* ProcessRunner */.S(),
        log: io.log,
        env: io.env,
        now: () => new Date(),
        credentials,
        registry: bound => (0,registry/* createRegistry */.I)(bound, io)
    });
    if (outcome.changeIndexDigest)
        io.report.output('change-index-digest', outcome.changeIndexDigest);
    const kind = inputs.platforms?.length ? `${outcome.mode}, platform records` : outcome.mode;
    await (0,outputs/* reportBuild */.p)(io.report, `imagegate upload (${kind})`, outcome.results, {
        ...outcome.build,
        profile: outcome.build.engine.profile
    });
    const failed = outcome.results.filter(r => r.status !== 'built');
    if (failed.length > 0)
        throw new report/* ImagesFailedError */.sf(failed);
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


/***/ }),

/***/ 9421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ recordChangeIndex)
/* harmony export */ });
/* harmony import */ var _change_index_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9363);
/* harmony import */ var _change_index_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9951);


/**
 * Record a change's staged images in the intermediate registry (replacing an earlier upload's
 * index), so promote publishes exactly these digests. Returns the index artifact's digest.
 */
async function recordChangeIndex(registry, location, pushes, ctx) {
    const source = (0,_change_index_format_js__WEBPACK_IMPORTED_MODULE_0__/* .sourceFields */ .r9)(ctx.facts);
    const images = pushes.map(p => ({
        repository: p.finalRepository,
        tag: p.finalTag,
        staged: p.ref,
        digest: p.digest,
        ...source
    }));
    return (0,_change_index_store_js__WEBPACK_IMPORTED_MODULE_1__/* .writeChangeIndex */ .uU)(registry, location, {
        version: 1,
        repository: ctx.repository,
        change: ctx.change,
        ...source,
        run: { id: ctx.runId, attempt: ctx.runAttempt },
        createdAt: ctx.now.toISOString(),
        images
    });
}


/***/ }),

/***/ 8044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ removeRecords),
/* harmony export */   RU: () => (/* binding */ recordTarget),
/* harmony export */   ZJ: () => (/* binding */ recordPlace)
/* harmony export */ });
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);
/* harmony import */ var _model_platform_records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4130);
/* harmony import */ var _model_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(737);



/** Where a platform job's records go in each upload mode: beside the tags the merge will write. */
function recordPlace(mode, intermediate) {
    return mode === 'intermediate'
        ? { kind: 'intermediate', location: intermediate }
        : { kind: 'final' };
}
/**
 * A platform job pushes each build once, under its record tag (never a change or final tag: those
 * only ever name the merged index).
 */
function recordTarget(plan, place) {
    const repository = (0,_model_platform_records_js__WEBPACK_IMPORTED_MODULE_1__/* .recordRepository */ .a)(plan.image, place);
    return {
        ref: (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)((0,_model_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .withTag */ .Rd)(repository, plan.recordTag)),
        finalRepository: (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(plan.image.repository),
        finalTag: plan.image.tags[0]
    };
}
/**
 * A platform job that fails leaves no tag behind: remove the records it already pushed (tag
 * only; the untagged image goes with the registry's garbage collection). A record that cannot be
 * removed is a warning: the merge refuses an incomplete set anyway, and a rerun overwrites it.
 */
async function removeRecords(registry, refs, log) {
    for (const ref of refs) {
        const parsed = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(ref);
        try {
            await registry.deleteTag({ ...parsed, tag: parsed.tag });
            log.info(`Removed the platform record ${ref}`);
        }
        catch (error) {
            log.warning(`Could not remove the platform record ${ref}: ${(0,_model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}


/***/ }),

/***/ 7656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ pushTargets),
/* harmony export */   w: () => (/* binding */ hostOf)
/* harmony export */ });
/* harmony import */ var _model_change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(902);
/* harmony import */ var _model_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(737);
/* harmony import */ var _model_registry_location_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1893);



/** The references one image is pushed to, in tag order. */
function pushTargets(image, ctx) {
    return image.tags.map(tag => {
        const finalRepository = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(image.repository);
        let ref;
        if (ctx.mode === 'release') {
            ref = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)((0,_model_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .withTag */ .Rd)(image.repository, tag));
        }
        else if (ctx.mode === 'tag') {
            ref = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)((0,_model_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .withTag */ .Rd)(image.repository, (0,_model_change_js__WEBPACK_IMPORTED_MODULE_0__/* .changeTag */ .df)(ctx.identity, tag)));
        }
        else {
            const staged = (0,_model_registry_location_js__WEBPACK_IMPORTED_MODULE_2__/* .stagedRepository */ .Z3)(ctx.intermediate, image.repository);
            ref = (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)((0,_model_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .withTag */ .Rd)(staged, `${ctx.runId}-${ctx.runAttempt}_${tag}`));
        }
        return { ref, finalRepository, finalTag: tag };
    });
}
/** The registry host of a full reference. */
function hostOf(ref) {
    return ref.slice(0, ref.indexOf('/'));
}


/***/ })

};
