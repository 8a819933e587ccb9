export const id = 44;
export const ids = [44];
export const modules = {

/***/ 14:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ ImagegateLabel),
/* harmony export */   J: () => (/* binding */ imageLabels)
/* harmony export */ });
/** Labels imagegate puts on every image; promote verifies revision and source tree. */
const ImagegateLabel = {
    Revision: 'org.opencontainers.image.revision',
    SourceTree: 'dev.imagegate.source-tree',
    Source: 'org.opencontainers.image.source',
    Created: 'org.opencontainers.image.created',
    Change: 'dev.imagegate.change',
    ChangeUrl: 'dev.imagegate.change-url'
};
/**
 * The labels of one image: the user's, then ours on top, so a user label can never override
 * one of our keys. Returns the user keys that were overridden, for a warning.
 */
function imageLabels(user, facts) {
    const ours = {
        ...(facts.revision && { [ImagegateLabel.Revision]: facts.revision }),
        ...(facts.sourceTree && { [ImagegateLabel.SourceTree]: facts.sourceTree }),
        ...(facts.source && { [ImagegateLabel.Source]: facts.source }),
        [ImagegateLabel.Created]: facts.created,
        ...(facts.change !== undefined && { [ImagegateLabel.Change]: String(facts.change) }),
        ...(facts.changeUrl && { [ImagegateLabel.ChangeUrl]: facts.changeUrl })
    };
    const reserved = new Set(Object.values(ImagegateLabel));
    const overridden = Object.keys(user).filter(k => reserved.has(k));
    const kept = Object.fromEntries(Object.entries(user).filter(([k]) => !reserved.has(k)));
    return { labels: { ...kept, ...ours }, overridden };
}


/***/ }),

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

/***/ 7044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mergeAction: () => (/* binding */ mergeAction)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/runner/credentials.ts
var credentials = __webpack_require__(471);
// EXTERNAL MODULE: ./shared/runner/io.ts + 2 modules
var runner_io = __webpack_require__(3148);
// EXTERNAL MODULE: ./shared/runner/registry.ts + 1 modules
var registry = __webpack_require__(4235);
// EXTERNAL MODULE: ./shared/model/errors.ts
var model_errors = __webpack_require__(7649);
// EXTERNAL MODULE: ./shared/model/platform-records.ts
var platform_records = __webpack_require__(4130);
// EXTERNAL MODULE: ./shared/inputs/common.ts
var common = __webpack_require__(1297);
;// CONCATENATED MODULE: ./shared/inputs/merge.ts



const REVISION_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** Read and validate the merge action's inputs. */
function readMergeInputs(reader, ctx) {
    const images = (0,common/* readContainerImages */.yn)(reader, false);
    const identity = (0,common/* readChangeIdentity */.z)(reader, ctx);
    (0,common/* checkChangeTags */.mP)(images, identity);
    const promote = reader.boolean('promote', true);
    const promoteMethod = reader.choice('promote-method', common/* PROMOTE_METHODS */.gO, 'tag');
    const buildset = reader.boolean('buildset', false);
    const intermediateRegistry = (0,common/* readIntermediateRegistry */.N7)(reader, !buildset && promote && promoteMethod === 'intermediate-registry', 'when promote-method is intermediate-registry');
    const revision = reader.string('revision');
    if (revision !== '' && !REVISION_RE.test(revision)) {
        throw new model_errors/* InputError */.dz('revision', `"${revision}" is not a full commit id (40 hex digits)`);
    }
    return {
        images,
        registryCredentials: reader.credentials(),
        promote,
        promoteMethod,
        ...(intermediateRegistry && { intermediateRegistry }),
        buildset,
        platforms: (0,platform_records/* checkPlatformList */.s9)(reader.list('platforms'), 'platforms'),
        optionalPlatforms: (0,platform_records/* checkPlatformList */.s9)(reader.list('optional-platforms'), 'optional-platforms'),
        ...(revision !== '' && { revision }),
        identity
    };
}

// EXTERNAL MODULE: ./shared/upload/change-index.ts
var change_index = __webpack_require__(9421);
// EXTERNAL MODULE: ./shared/staging/store.ts
var store = __webpack_require__(6457);
// EXTERNAL MODULE: ./shared/upload/platform-push.ts
var platform_push = __webpack_require__(8044);
// EXTERNAL MODULE: ./shared/build/labels.ts
var labels = __webpack_require__(14);
// EXTERNAL MODULE: ./shared/registry/platform.ts
var registry_platform = __webpack_require__(8505);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
// EXTERNAL MODULE: ./shared/upload/targets.ts
var targets = __webpack_require__(7656);
;// CONCATENATED MODULE: ./shared/merge/plan.ts




/**
 * Plan the merge of every entry: the repository its platform jobs recorded into, the tags the
 * index goes under (the ones upload would have pushed), and the platforms it asks for (its
 * `arch`, or the run's `platforms` for an entry without). Throws InputErrors naming the fields.
 */
function planMerge(images, ctx) {
    const errors = [];
    const plans = [];
    for (const image of images) {
        const asked = image.arch.length > 0 ? image.arch : ctx.platforms;
        if (asked.length === 0) {
            errors.push(new model_errors/* InputError */.dz(`${image.field}.arch`, 'names no platform: set arch, or platforms on the merge (what an entry without arch is built for)'));
            continue;
        }
        const place = placeOf(ctx);
        const repository = (0,platform_records/* recordRepository */.a)(image, place);
        plans.push({
            image,
            repository,
            targets: targetsOf(image, ctx),
            required: asked.filter(p => !ctx.optionalPlatforms.includes(p)),
            optional: asked.filter(p => ctx.optionalPlatforms.includes(p)),
            records: new Map(asked.map(p => [p, (0,platform_records/* platformRecordTag */.N4)(ctx.identity, image, p)]))
        });
    }
    if (errors.length > 0)
        throw new model_errors/* InputErrors */.G(errors);
    return plans;
}
function placeOf(ctx) {
    if (ctx.mode === 'buildset')
        return { kind: 'buildset', registry: ctx.buildsetRegistry };
    if (ctx.mode === 'intermediate')
        return { kind: 'intermediate', location: ctx.intermediate };
    return { kind: 'final' };
}
function targetsOf(image, ctx) {
    const finalRepository = (0,reference/* formatReference */.FH)(image.repository);
    if (ctx.mode === 'buildset') {
        return image.tags.map(tag => ({ tag, finalRepository, finalTag: tag }));
    }
    return (0,targets/* pushTargets */.X)(image, {
        mode: ctx.mode,
        identity: ctx.identity,
        ...(ctx.intermediate && { intermediate: ctx.intermediate }),
        runId: ctx.runId,
        runAttempt: ctx.runAttempt
    }).map(t => ({
        tag: t.ref.slice(t.ref.lastIndexOf(':') + 1),
        finalRepository,
        finalTag: t.finalTag
    }));
}
/** `repository:tag` of one of the plan's tags, for messages and outputs. */
function refOf(plan, tag) {
    return (0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(plan.repository, tag));
}

// EXTERNAL MODULE: ./shared/registry/index.ts + 32 modules
var shared_registry = __webpack_require__(9647);
// EXTERNAL MODULE: ./shared/registry/media-types.ts
var media_types = __webpack_require__(9836);
;// CONCATENATED MODULE: ./shared/merge/read.ts




/**
 * Look up every platform an entry asks for: its record tag (HEAD, then the config for labels and
 * platform); without a record, the member of the index already under the first tag. Reads only.
 */
async function readPlatforms(registry, plan) {
    const first = { ...plan.repository, tag: plan.targets[0].tag };
    let merged;
    const alreadyIndex = () => (merged ??= registry
        .resolve(first)
        .then(head => head !== undefined && (0,media_types/* isIndex */.nw)(head.mediaType)));
    const lookups = await Promise.all([...plan.records].map(async ([platform, tag]) => {
        const ref = { ...plan.repository, tag };
        const head = await registry.resolve(ref);
        let leftover;
        if (head) {
            const config = await imageConfigOrEmpty(registry, ref);
            if (config === undefined) {
                leftover = refOf(plan, tag);
            }
            else if (config.digest !== config.imageDigest) {
                return [
                    platform,
                    {
                        kind: 'unusable',
                        ref: refOf(plan, tag),
                        reason: 'is an index; a platform job records one image of one platform'
                    }
                ];
            }
            else {
                return [
                    platform,
                    { kind: 'found', image: found(platform, config, 'record', refOf(plan, tag)) }
                ];
            }
        }
        const absent = { kind: 'absent', ...(leftover && { leftover }) };
        if (!(await alreadyIndex()))
            return [platform, absent];
        const member = await imageConfigOrEmpty(registry, first, platform);
        if (member === undefined)
            return [platform, absent];
        return [
            platform,
            {
                kind: 'found',
                image: {
                    ...found(platform, member, 'index', refOf(plan, first.tag)),
                    ...(leftover && { leftover })
                }
            }
        ];
    }));
    return new Map(lookups);
}
/** The image config, or undefined when the reference is an index without that (or any) image. */
async function imageConfigOrEmpty(registry, ref, platform) {
    try {
        return await registry.imageConfig(ref, platform);
    }
    catch (error) {
        if (error instanceof shared_registry/* RegistryError */.g && /no matching image/.test(error.message))
            return undefined;
        throw error;
    }
}
/** What a label holds when it is not a commit id (registry content never reaches a log as is). */
const UNREADABLE = '(a label that is not a commit id)';
const COMMIT_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const PLATFORM_PART_RE = /^[a-z0-9._-]{1,32}$/;
function commitLabel(value) {
    if (value === undefined)
        return undefined;
    return COMMIT_RE.test(value) ? value : UNREADABLE;
}
function found(platform, config, source, ref) {
    const revision = commitLabel(config.labels[labels/* ImagegateLabel */.$.Revision]);
    const sourceTree = commitLabel(config.labels[labels/* ImagegateLabel */.$.SourceTree]);
    const part = (value) => value !== undefined && PLATFORM_PART_RE.test(value) ? value : '?';
    return {
        platform,
        digest: config.imageDigest,
        ...(revision && { revision }),
        ...(sourceTree && { sourceTree }),
        os: part(config.os),
        architecture: part(config.architecture),
        source,
        ref
    };
}

;// CONCATENATED MODULE: ./shared/merge/decide.ts




/**
 * Decide the merge from what was found, without writing: every platform an entry asks for must
 * be there (optional ones may be missing, with a warning), be the platform it claims, and every
 * image must come from one commit (the `revision` input when given, else the one the records
 * agree on). An image found only in an index written earlier counts only when it is from that
 * commit too; otherwise the platform is missing. Any error means nothing is written.
 */
function decideMerge(plans, lookups, expectedRevision) {
    const errors = [];
    const warnings = [];
    const revisionOf = (image) => image.revision;
    // A label that is not a commit id names no commit (problemOf refuses that image).
    const commitOf = (image) => image.revision !== UNREADABLE ? image.revision : undefined;
    const all = plans.flatMap(plan => [...(lookups.get(plan) ?? new Map())].flatMap(([, l]) => l.kind === 'found' ? [{ plan, image: l.image }] : []));
    const recorded = all.filter(f => f.image.source === 'record');
    let revision = expectedRevision;
    if (revision === undefined) {
        const seen = [...new Set(recorded.map(f => commitOf(f.image)).filter(r => r !== undefined))];
        if (seen.length > 1) {
            errors.push(`the platform images were not built from the same commit: ${recorded
                .map(f => `${f.plan.image.field} ${f.image.platform} from ${revisionOf(f.image) ?? 'an unlabelled build'}`)
                .join(', ')}`);
        }
        revision =
            seen.length === 1
                ? seen[0]
                : seen.length === 0
                    ? all.map(f => commitOf(f.image)).find(r => r !== undefined)
                    : undefined;
    }
    if (revision === undefined && all.length > 0) {
        warnings.push(`no platform image has an ${labels/* ImagegateLabel */.$.Revision} label (built outside a git checkout?): cannot check they were built from the same commit`);
    }
    const decisions = [];
    for (const plan of plans) {
        const entry = `${plan.image.field} (${refOf(plan, plan.targets[0].tag)})`;
        const lookup = lookups.get(plan) ?? new Map();
        const before = errors.length;
        const members = [];
        const missing = [];
        const missingOptional = [];
        for (const platform of [...plan.required, ...plan.optional]) {
            const optional = plan.optional.includes(platform);
            const l = lookup.get(platform) ?? { kind: 'absent' };
            const problem = problemOf(l, platform, revision, revisionOf);
            if (problem === undefined && l.kind === 'found') {
                members.push(l.image);
            }
            else if (problem !== undefined && problem.fatal) {
                errors.push(`${entry}: ${problem.text}`);
            }
            else {
                const why = problem?.text ? ` (${problem.text})` : '';
                if (optional) {
                    missingOptional.push(platform);
                    warnings.push(`${entry}: optional platform ${platform} is missing${why}; the index is written without it`);
                }
                else {
                    missing.push({ platform, why });
                }
            }
        }
        if (missing.length > 0) {
            const names = missing.map(m => `${m.platform}${m.why}`).join(', ');
            const records = missing.map(m => plan.records.get(m.platform)).join(', ');
            errors.push(`${entry}: missing platform${missing.length === 1 ? '' : 's'} ${names}: no record ${records} (did that platform's job run and succeed?)`);
        }
        else if (members.length === 0 && errors.length === before) {
            // Every platform it asks for is optional, and none came.
            errors.push(`${entry}: none of its platforms (${plan.optional.join(', ')}) was recorded`);
        }
        decisions.push({ plan, members, missingOptional });
    }
    return { decisions, ...(revision !== undefined && { revision }), errors, warnings };
}
/** Why a lookup cannot join the index: fatal (wrong image) or not there (missing). */
function problemOf(lookup, platform, revision, revisionOf) {
    if (lookup.kind === 'absent')
        return { fatal: false, text: '' };
    if (lookup.kind === 'unusable')
        return { fatal: true, text: `${lookup.ref} ${lookup.reason}` };
    const { image } = lookup;
    const want = (0,registry_platform/* parsePlatform */.FL)(platform);
    if (image.os !== want.os || image.architecture !== want.architecture) {
        return {
            fatal: true,
            text: `${image.ref} is recorded for ${platform} but is a ${image.os ?? '?'}/${image.architecture ?? '?'} image`
        };
    }
    const built = revisionOf(image);
    if (built === UNREADABLE)
        return {
            fatal: true,
            text: `${image.ref} (${platform}) has a revision label that is not a commit id`
        };
    if (revision === undefined || built === revision)
        return undefined;
    if (image.source === 'index') {
        return {
            fatal: false,
            text: `the index under ${image.ref} holds one built from ${built ?? 'an unlabelled build'}`
        };
    }
    return {
        fatal: true,
        text: `${image.ref} (${platform}) was built from ${built ?? 'an unlabelled build (no revision label)'}, not ${revision}`
    };
}

;// CONCATENATED MODULE: ./shared/merge/index.ts







/** Some platform is missing or wrong: nothing was written. The message names every problem. */
class MergeIncompleteError extends Error {
    problems;
    name = 'MergeIncompleteError';
    constructor(problems) {
        super(`nothing was merged: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
        this.problems = problems;
    }
}
/**
 * Merge the platform jobs' records into one index per entry, registry-side: read every record,
 * decide (every platform present, right platform, one commit) before writing anything, then put
 * each index under its first tag and retag the others (manifests only: the platform images are
 * already in the repository), write the change index (intermediate mode), and only then remove
 * the records. Interrupted anywhere, a rerun converges: records still there are read again,
 * records already removed are found in the index written before.
 */
async function executeMerge(req, deps) {
    const { registry, log } = deps;
    if (req.mode === 'intermediate' && req.identity.change === undefined) {
        throw new model_errors/* InputError */.dz('change', 'promote-method intermediate-registry stages images per change, but this run has no pull request (set the change input)');
    }
    const plans = planMerge(req.images, req);
    const lookups = new Map();
    for (const plan of plans)
        lookups.set(plan, await readPlatforms(registry, plan));
    const verdict = decideMerge(plans, lookups, req.revision);
    for (const warning of verdict.warnings)
        log.warning(warning);
    if (verdict.errors.length > 0)
        throw new MergeIncompleteError(verdict.errors);
    if (verdict.revision)
        log.info(`Every platform image was built from ${verdict.revision}`);
    const merged = [];
    for (const decision of verdict.decisions) {
        merged.push({ decision, digest: await writeIndex(registry, decision, log) });
    }
    // Change tags and staged tags are temporary: cleanup ages them by this record.
    if (req.mode === 'tag' || req.mode === 'intermediate') {
        const written = merged.flatMap(({ decision, digest }) => decision.plan.targets.map(t => ({ ref: refOf(decision.plan, t.tag), digest })));
        await (0,store/* recordAndLog */.Je)(registry, written, deps.now(), { id: req.runId, attempt: req.runAttempt }, log);
    }
    let changeIndexDigest;
    if (req.mode === 'intermediate') {
        changeIndexDigest = await writeChangeIndex(registry, req, merged, verdict.revision, deps.now());
        log.info(`Wrote the change index (${changeIndexDigest})`);
    }
    // The records merged, and placeholders an interrupted removal left under a record tag.
    const records = [...lookups.values()].flatMap(lookup => [...lookup.values()].flatMap(l => {
        if (l.kind === 'found')
            return l.image.source === 'record'
                ? [l.image.ref]
                : l.image.leftover
                    ? [l.image.leftover]
                    : [];
        return l.kind === 'absent' && l.leftover ? [l.leftover] : [];
    }));
    await (0,platform_push/* removeRecords */.DR)(registry, records, log);
    return {
        merged,
        ...(verdict.revision && { revision: verdict.revision }),
        ...(changeIndexDigest && { changeIndexDigest })
    };
}
async function writeIndex(registry, decision, log) {
    const { plan, members } = decision;
    const [first, ...others] = plan.targets.map(t => t.tag);
    const digest = await registry.putIndex({ ...plan.repository, tag: first }, members.map(m => ({ digest: m.digest, platform: m.platform })));
    if (others.length > 0)
        await registry.retag(plan.repository, digest, others, { digest });
    const platforms = members.map(m => `${m.platform} ${m.digest}`).join(', ');
    log.info(`${plan.image.field}: ${plan.targets.map(t => refOf(plan, t.tag)).join(', ')} → ${digest} (${platforms})`);
    return digest;
}
async function writeChangeIndex(registry, req, merged, revision, now) {
    const pushes = merged.flatMap(({ decision, digest }) => decision.plan.targets.map(t => ({
        ref: refOf(decision.plan, t.tag),
        finalRepository: t.finalRepository,
        finalTag: t.finalTag,
        digest
    })));
    const tree = merged[0]?.decision.members[0]?.sourceTree;
    const sourceTree = tree !== UNREADABLE ? tree : undefined;
    return (0,change_index/* recordChangeIndex */.e)(registry, req.intermediate, pushes, {
        repository: req.repository,
        change: req.identity.change,
        runId: req.runId,
        runAttempt: req.runAttempt,
        facts: {
            ...(revision && { revision }),
            ...(sourceTree && { sourceTree }),
            created: now.toISOString()
        },
        now
    });
}

// EXTERNAL MODULE: ./shared/model/buildset-env.ts
var buildset_env = __webpack_require__(4552);
// EXTERNAL MODULE: ./shared/model/credentials.ts
var model_credentials = __webpack_require__(1066);
;// CONCATENATED MODULE: ./shared/commands/merge.ts













/** The merge command: assemble the platform jobs' records into one index per image. */
async function mergeAction(io = (0,runner_io/* actionIO */.P)()) {
    const inputs = readMergeInputs(io.reader, io.ctx);
    const mode = mergeMode(inputs);
    const { registry, buildsetRegistry } = openRegistry(inputs, mode, io);
    try {
        const result = await executeMerge({
            mode,
            identity: inputs.identity,
            ...(inputs.intermediateRegistry && { intermediate: inputs.intermediateRegistry }),
            ...(buildsetRegistry && { buildsetRegistry }),
            runId: io.ctx.runId ?? 'local',
            runAttempt: io.ctx.runAttempt,
            platforms: inputs.platforms,
            optionalPlatforms: inputs.optionalPlatforms,
            images: inputs.images,
            ...(inputs.revision && { revision: inputs.revision }),
            repository: io.ctx.repository ?? 'unknown/unknown'
        }, { registry, log: io.log, now: () => new Date() });
        await report(result, mode, io);
    }
    finally {
        registry.close();
    }
}
function mergeMode(inputs) {
    if (inputs.buildset)
        return 'buildset';
    if (!inputs.promote)
        return 'release';
    return inputs.promoteMethod === 'tag' ? 'tag' : 'intermediate';
}
/**
 * The registry client: for the buildset registry, its own credentials and CA from the variables
 * the buildset-registry action set (never through a proxy: it runs on this machine); otherwise
 * the credentials and CAs upload uses, with the repository regexes checked first.
 */
function openRegistry(inputs, mode, io) {
    if (mode === 'buildset') {
        const buildset = (0,buildset_env/* readBuildsetRegistryEnv */.$$)(io.env);
        if (!buildset) {
            throw new model_errors/* InputError */.dz('buildset', 'no buildset registry is active in this job (run the buildset-registry action first)');
        }
        const registry = new shared_registry/* Registry */.O({
            credentials: host => host === buildset.registry && buildset.username && buildset.password
                ? { username: buildset.username, password: buildset.password }
                : undefined,
            ...(buildset.certDir && { ca: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(buildset.certDir, 'ca.crt'), 'utf8') }),
            logger: { debug: io.debug, info: m => io.log.info(m), warning: m => io.log.warning(m) }
        });
        return { registry, buildsetRegistry: buildset.registry };
    }
    const store = (0,credentials/* loadCredentials */.N)(inputs.registryCredentials, io.env, io.mask);
    if (mode !== 'intermediate')
        (0,model_credentials/* checkWriteCredentials */.qw)(inputs.images, store, true);
    return { registry: (0,registry/* createRegistry */.I)(store, io) };
}
async function report(result, mode, io) {
    io.report.output('images', result.merged.map(({ decision, digest }) => ({
        field: decision.plan.image.field,
        repository: (0,reference/* formatReference */.FH)(decision.plan.image.repository),
        tags: decision.plan.targets.map(t => refOf(decision.plan, t.tag)),
        digest,
        platforms: decision.members.map(m => ({
            platform: m.platform,
            digest: m.digest,
            ...(m.revision && { revision: m.revision }),
            from: m.ref
        })),
        missing: decision.missingOptional
    })));
    if (result.changeIndexDigest)
        io.report.output('change-index-digest', result.changeIndexDigest);
    await io.report.table({
        heading: `imagegate merge (${mode})`,
        header: ['Image', 'Tags', 'Platforms', 'Index digest', 'Missing (optional)'],
        rows: result.merged.map(({ decision, digest }) => [
            `${decision.plan.image.field} ${(0,reference/* formatReference */.FH)(decision.plan.image.repository)}`,
            { lines: decision.plan.targets.map(t => refOf(decision.plan, t.tag)) },
            { lines: decision.members.map(m => `${m.platform} ${m.digest}`) },
            { code: digest },
            decision.missingOptional.join(', ')
        ]),
        ...(result.revision && { note: `Every platform image was built from ${result.revision}.` })
    });
}


/***/ }),

/***/ 4552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ readBuildsetRegistryEnv),
/* harmony export */   Px: () => (/* binding */ buildsetRepository)
/* harmony export */ });
/* unused harmony exports BuildsetEnv, namespacePath */
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(737);
/* harmony import */ var _registry_location_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1893);


/**
 * How the buildset-registry action tells later steps of the job about the active buildset
 * registry: environment variables (written to GITHUB_ENV). Build and upload push what they
 * build there too, under the final names, so consumer jobs find the images.
 */
const BuildsetEnv = {
    /** `host:port` of the active buildset registry; unset means none. */
    Registry: 'IMAGEGATE_BUILDSET_REGISTRY',
    Username: 'IMAGEGATE_BUILDSET_REGISTRY_USERNAME',
    /** Masked by the action that sets it. */
    Password: 'IMAGEGATE_BUILDSET_REGISTRY_PASSWORD',
    /** A directory holding the registry's `ca.crt` (podman/skopeo `--cert-dir`). */
    CertDir: 'IMAGEGATE_BUILDSET_REGISTRY_CERT_DIR'
};
/** Read the buildset registry variables; undefined when no buildset registry is active. */
function readBuildsetRegistryEnv(env) {
    const registry = env[BuildsetEnv.Registry]?.trim();
    if (!registry)
        return undefined;
    const username = env[BuildsetEnv.Username]?.trim();
    const password = env[BuildsetEnv.Password];
    const certDir = env[BuildsetEnv.CertDir]?.trim();
    return {
        registry,
        ...(username && password && { username, password }),
        ...(certDir && { certDir })
    };
}
/**
 * Zuul's namespacing inside the buildset registry: docker.io images
 * are stored un-namespaced (`library/alpine`, `org/app`) so dockerd's `registry-mirrors` finds
 * them; every other registry's images under `<upstream host>/<path>`, the host written as one
 * path component that keeps its port (`registry.example:5000` → `registry.example_5000`), so the
 * buildset post step can tell the final name back (buildset/namespaces.ts).
 */
function buildsetRepository(registry, finalName) {
    if (finalName.registry === _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HUB */ .Xb)
        return { registry, repository: finalName.repository };
    return { registry, repository: `${namespacePath(finalName.registry)}/${finalName.repository}` };
}
/** The path prefix a namespace's images live under in the buildset registry ('' for docker.io). */
function namespacePath(namespace) {
    return namespace === _reference_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HUB */ .Xb ? '' : (0,_registry_location_js__WEBPACK_IMPORTED_MODULE_1__/* .hostPathComponent */ .PA)(namespace);
}


/***/ }),

/***/ 4130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ platformSlug),
/* harmony export */   N4: () => (/* binding */ platformRecordTag),
/* harmony export */   Wt: () => (/* binding */ platformsOf),
/* harmony export */   a: () => (/* binding */ recordRepository),
/* harmony export */   s9: () => (/* binding */ checkPlatformList)
/* harmony export */ });
/* harmony import */ var _buildset_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4552);
/* harmony import */ var _change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(902);
/* harmony import */ var _container_images_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4533);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7649);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3437);
/* harmony import */ var _registry_location_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1893);






/** `linux/arm64/v8` → `linux-arm64-v8`: a platform as it may appear in a tag or a cache key. */
function platformSlug(platform) {
    return platform.replace(/\//g, '-');
}
/** The record tag of one platform of an entry: the temporary tag of its first tag, plus the platform. */
function platformRecordTag(identity, image, platform) {
    const field = `${image.field}.tags[0]`;
    const tag = `${(0,_change_js__WEBPACK_IMPORTED_MODULE_1__/* .changeTag */ .df)(identity, image.tags[0], field)}.${platformSlug(platform)}`;
    if (tag.length > _grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_TAG_LENGTH */ .Ti) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(field, `the platform record tag "${tag}" would be ${tag.length} characters long; tags may have at most ${_grammar_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_TAG_LENGTH */ .Ti} (shorten "${image.tags[0]}")`);
    }
    return tag;
}
/** The repository an entry's records and merged index live in. */
function recordRepository(image, place) {
    switch (place.kind) {
        case 'final':
            return image.repository;
        case 'intermediate':
            return (0,_registry_location_js__WEBPACK_IMPORTED_MODULE_5__/* .stagedRepository */ .Z3)(place.location, image.repository);
        case 'buildset':
            return (0,_buildset_env_js__WEBPACK_IMPORTED_MODULE_0__/* .buildsetRepository */ .Px)(place.registry, image.repository);
    }
}
/**
 * The platforms one job builds of an entry: the entry's `arch` that are in `platforms`, or, for an
 * entry without `arch`, every one of `platforms` (as OSBS builds every platform of the build
 * unless an image excludes some). Empty: the entry is not built by this job.
 */
function platformsOf(image, platforms) {
    if (image.arch.length === 0)
        return [...platforms];
    return platforms.filter(p => image.arch.includes(p));
}
/** A `platforms`-style list (already split), checked: each `os/arch[/variant]`, no repeats. */
function checkPlatformList(values, field) {
    const errors = [];
    values.forEach((p, i) => {
        if (!_container_images_js__WEBPACK_IMPORTED_MODULE_2__/* .PLATFORM_RE */ .e.test(p))
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${field}[${i}]`, `"${p}" is not a platform like "linux/amd64" or "linux/arm/v7"`));
    });
    if (errors.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputErrors */ .G(errors);
    return [...new Set(values)];
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
