export const id = 661;
export const ids = [661];
export const modules = {

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mirrorAction: () => (/* binding */ mirrorAction)
});

// EXTERNAL MODULE: ./shared/runner/credentials.ts
var runner_credentials = __webpack_require__(471);
// EXTERNAL MODULE: ./shared/runner/io.ts + 2 modules
var runner_io = __webpack_require__(3148);
// EXTERNAL MODULE: ./shared/runner/registry.ts + 1 modules
var runner_registry = __webpack_require__(4235);
// EXTERNAL MODULE: ./shared/model/credentials.ts
var model_credentials = __webpack_require__(1066);
// EXTERNAL MODULE: ./shared/model/mirrors.ts
var mirrors = __webpack_require__(7304);
;// CONCATENATED MODULE: ./shared/inputs/mirror.ts

/** Read and validate the mirror action's inputs. */
function readMirrorInputs(reader) {
    return {
        mirrors: (0,mirrors/* parseMirrors */.C)(reader.required('mirrors', 'a YAML or JSON list'), 'mirrors'),
        registryCredentials: reader.credentials(),
        concurrency: reader.positiveInteger('concurrency', 8, 64),
        dryRun: reader.boolean('dry-run', false)
    };
}

// EXTERNAL MODULE: ./shared/model/bytes.ts
var bytes = __webpack_require__(7847);
// EXTERNAL MODULE: ./shared/model/errors.ts
var errors = __webpack_require__(7649);
// EXTERNAL MODULE: ./shared/model/log-groups.ts
var log_groups = __webpack_require__(2011);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
;// CONCATENATED MODULE: ./shared/mirror/index.ts




/** Entries mirrored at once, and tags at once within one; blob transfers have their own limit. */
const PARALLEL_ENTRIES = 8;
const PARALLEL_TAGS = 8;
/**
 * Copy every entry (digest preserved, missing blobs only, mounts where possible). Entries and
 * their tags go in parallel (images sharing a base upload it once per registry and mount it
 * elsewhere); each entry's log group is printed whole, in input order. One failing entry does
 * not stop the others; the caller fails the step from the `failed` outcomes, which come back in
 * input order.
 */
async function mirrorImages(registry, entries, options) {
    const tasks = entries.map(entry => ({
        title: `${entry.field}: ${(0,reference/* formatReference */.FH)(entry.source)} → ${(0,reference/* formatReference */.FH)(entry.destination)}`,
        run: async (log) => {
            let tags;
            try {
                tags = await sourceTags(registry, entry);
            }
            catch (e) {
                return [
                    failed(entry, (0,reference/* formatReference */.FH)(entry.source), (0,reference/* formatReference */.FH)(entry.destination), e)
                ];
            }
            if (tags.length === 0)
                log.warning(`${entry.field}: no source tag matches; nothing to mirror`);
            const copies = await (0,log_groups/* inOrderedGroups */.j)(log, tags.map(tag => ({
                run: async (tagLog) => {
                    const outcome = await mirrorTag(registry, entry, tag, options.dryRun);
                    tagLog.info(`${outcome.source} → ${outcome.destination}: ${outcome.result}${outcome.digest ? ` ${outcome.digest}` : ''}, ${(0,bytes/* formatBytes */.z)(outcome.bytes)} moved${outcome.error ? `: ${outcome.error}` : ''}`);
                    return outcome;
                }
            })), PARALLEL_TAGS);
            return copies.map((r, i) => r.status === 'fulfilled'
                ? r.value
                : failed(entry, (0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(entry.source, tags[i])), (0,reference/* formatReference */.FH)(entry.destination), r.reason));
        }
    }));
    const settled = await (0,log_groups/* inOrderedGroups */.j)(options.log, tasks, PARALLEL_ENTRIES);
    return settled.flatMap((r, i) => r.status === 'fulfilled'
        ? r.value
        : [
            failed(entries[i], (0,reference/* formatReference */.FH)(entries[i].source), (0,reference/* formatReference */.FH)(entries[i].destination), r.reason)
        ]);
}
async function sourceTags(registry, entry) {
    if (entry.tags.kind === 'list')
        return entry.tags.tags;
    const pattern = entry.tags.pattern;
    return (await registry.listTags(entry.source)).filter(t => pattern.test(t)).sort();
}
async function mirrorTag(registry, entry, tag, dryRun) {
    const source = (0,reference/* withTag */.Rd)(entry.source, tag);
    const destTag = entry.destinationTag ?? tag;
    const dest = (0,reference/* withTag */.Rd)(entry.destination, destTag);
    const [src, dst] = [(0,reference/* formatReference */.FH)(source), (0,reference/* formatReference */.FH)(dest)];
    try {
        const head = await registry.resolve(source, { read: !dryRun });
        if (!head)
            throw new Error(`${src} does not exist`);
        if (entry.sourceDigest !== undefined && head.digest !== entry.sourceDigest) {
            throw new Error(`${src} is ${head.digest}, not the required src_digest ${entry.sourceDigest}`);
        }
        const pinned = { ...source, digest: head.digest };
        const platforms = entry.platforms.length > 0 ? { platforms: entry.platforms } : {};
        if (dryRun)
            return {
                field: entry.field,
                source: src,
                destination: dst,
                digest: head.digest,
                result: 'planned',
                bytes: 0
            };
        if (entry.noClobber) {
            const existing = await registry.resolve(dest);
            if (existing) {
                // Work out what the tag would hold from reads alone: a refused entry writes nothing.
                const wanted = await registry.copyDigest(pinned, platforms);
                if (wanted !== existing.digest) {
                    throw new Error(`no_clobber: ${dst} holds ${existing.digest}; refusing to move it to ${wanted}`);
                }
                return {
                    field: entry.field,
                    source: src,
                    destination: dst,
                    digest: existing.digest,
                    result: 'skipped',
                    bytes: 0
                };
            }
        }
        const copied = await registry.copy(pinned, entry.destination, [destTag], platforms);
        const wrote = copied.tags.some(t => t.status !== 'skipped') || copied.bytes > 0;
        return {
            field: entry.field,
            source: src,
            destination: dst,
            digest: copied.digest,
            result: wrote ? 'copied' : 'skipped',
            bytes: copied.bytes
        };
    }
    catch (e) {
        return failed(entry, src, dst, e);
    }
}
function failed(entry, source, destination, e) {
    return {
        field: entry.field,
        source,
        destination,
        result: 'failed',
        bytes: 0,
        error: (0,errors/* errorMessage */.gJ)(e)
    };
}

;// CONCATENATED MODULE: ./shared/commands/mirror.ts






/** The mirror command: copy images between registries, all platforms by default. */
async function mirrorAction(io = (0,runner_io/* actionIO */.P)()) {
    const inputs = readMirrorInputs(io.reader);
    const store = (0,runner_credentials/* loadCredentials */.N)(inputs.registryCredentials, io.env, io.mask);
    // A credential's repository regex restricts where it may write: checked before any copy, on
    // the destination actually contacted (dest_registry only names the credential).
    const credentials = (0,model_credentials/* checkWriteCredentials */.qw)(inputs.mirrors.map(m => ({
        field: `${m.field}.dest_repository`,
        repository: m.destination,
        repositoryInput: m.destinationInput,
        ...(m.destinationRegistry !== undefined && {
            credentialKey: m.destinationRegistry,
            credentialField: `${m.field}.dest_registry`
        })
    })), store, false);
    const registry = (0,runner_registry/* createRegistry */.I)(credentials, io, { concurrency: inputs.concurrency });
    // Tags are mirrored at once, each a source read beside a destination read.
    const parallel = inputs.mirrors.reduce((n, m) => n + (m.tags.kind === 'list' ? m.tags.tags.length : 1), 0);
    registry.warmUp(inputs.mirrors.flatMap(m => [m.source.registry, m.destination.registry]), parallel);
    try {
        const outcomes = await mirrorImages(registry, inputs.mirrors, {
            dryRun: inputs.dryRun,
            log: io.log
        });
        io.report.output('mirrored', outcomes);
        await io.report.table({
            heading: 'imagegate mirror',
            header: ['source', 'destination', 'digest', 'result', 'bytes moved'],
            rows: outcomes.map(o => [
                { code: o.source },
                { code: o.destination },
                { code: o.digest ?? '' },
                o.error ? `failed: ${o.error}` : o.result,
                String(o.bytes)
            ])
        });
        const failed = outcomes.filter(o => o.result === 'failed');
        if (failed.length > 0) {
            throw new Error(`${failed.length} of ${outcomes.length} mirror copies failed: ${failed.map(f => `${f.field} (${f.source} → ${f.destination}): ${f.error}`).join('; ')}`);
        }
    }
    finally {
        registry.close();
    }
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

/***/ 9580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ pushIf),
/* harmony export */   Fg: () => (/* binding */ capture),
/* harmony export */   MS: () => (/* binding */ templateProblem),
/* harmony export */   Yn: () => (/* binding */ stringList),
/* harmony export */   oM: () => (/* binding */ quoteHint),
/* harmony export */   sx: () => (/* binding */ optionalString)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);
/* harmony import */ var _structured_input_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4728);


/*
 * Readers for the fields of one YAML/JSON list entry. Each appends an InputError naming the
 * field (`container-images[0].tags[1]`) instead of throwing, so a parse reports every problem.
 */
/**
 * Why a text value cannot work on GitHub, or undefined. Zuul expands Jinja templates
 * (`{{ zuul.tag }}`) in job variables; nothing expands them here, and a workflow's own
 * `${{ }}` expressions are expanded by the runner before an action sees its inputs.
 */
function templateProblem(value) {
    const template = /\$?\{\{.*?\}\}|\{%.*?%\}/s.exec(value);
    if (!template)
        return undefined;
    return template[0].startsWith('$')
        ? `"${value}" holds a workflow expression (${template[0]}), which only a workflow's with: expands; write the value itself here`
        : `"${value}" is a Zuul (Jinja) template, which nothing expands on GitHub: write the value itself, or put a workflow expression such as \${{ github.ref_name }} in the workflow's with:`;
}
/** A non-empty string field, or undefined when absent (an error when not a string). */
function optionalString(entry, key, field, errors) {
    const value = entry[key];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string') {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${field}.${key}`, `must be a string, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_1__/* .describeType */ .MF)(value)}${quoteHint(value)}`));
        return undefined;
    }
    if (value.trim() === '') {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${field}.${key}`, 'must not be empty'));
        return undefined;
    }
    const template = templateProblem(value);
    if (template !== undefined) {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${field}.${key}`, template));
        return undefined;
    }
    return value;
}
/** A list of strings, `fallback` when absent; each bad item is an error of its own. */
function stringList(entry, key, field, errors, fallback) {
    const value = entry[key];
    if (value === undefined || value === null)
        return fallback;
    if (!Array.isArray(value)) {
        const template = typeof value === 'string' ? templateProblem(value) : undefined;
        const example = typeof value === 'string' ? ` (write ["${value}"])` : '';
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${field}.${key}`, template ?? `must be a list, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_1__/* .describeType */ .MF)(value)}${example}`));
        return [];
    }
    if (value.length === 0 && key === 'tags') {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${field}.${key}`, 'must not be empty (leave it out for ["latest"])'));
    }
    const out = [];
    value.forEach((item, i) => {
        const template = typeof item === 'string' ? templateProblem(item) : undefined;
        if (typeof item !== 'string') {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${field}.${key}[${i}]`, `must be a string, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_1__/* .describeType */ .MF)(item)}${quoteHint(item)}`));
        }
        else if (template !== undefined) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${field}.${key}[${i}]`, template));
        }
        else {
            out.push(item);
        }
    });
    return out;
}
/** YAML reads `true`, `false` and `null` as other types; tell the user to quote them. */
function quoteHint(value) {
    return typeof value === 'boolean' || value === null ? ' (quote it so YAML keeps it as text)' : '';
}
/** Record `problem` for `field` when there is one. */
function pushIf(errors, field, problem) {
    if (problem !== undefined)
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, problem));
}
/** Run a parser that throws InputError, recording the error instead. */
function capture(errors, fn) {
    try {
        return fn();
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz) {
            errors.push(e);
            return undefined;
        }
        throw e;
    }
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

/***/ 7304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ parseMirrors)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);
/* harmony import */ var _entry_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9580);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3437);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(737);
/* harmony import */ var _user_regex_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8752);
/* harmony import */ var _structured_input_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4728);






const KEYS = [
    'src_repository',
    'src_tag',
    'dest_repository',
    'dest_tag',
    'dest_registry',
    'tags',
    'platforms',
    'no_clobber',
    'src_digest'
];
const ALIASES = {
    source: 'src_repository',
    src: 'src_repository',
    destination: 'dest_repository',
    dest: 'dest_repository',
    tag: 'src_tag',
    arch: 'platforms'
};
/** Parse the `mirrors` input; throws InputErrors naming each bad field. */
function parseMirrors(text, field = 'mirrors') {
    const value = (0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .parseStructuredInput */ .V0)(text, field);
    if (!Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, `must be a list of mirror entries, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(value)}`);
    if (value.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, 'must list at least one entry');
    const errors = [];
    const entries = [];
    value.forEach((raw, i) => {
        const at = `${field}[${i}]`;
        if (!(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .isMapping */ .pi)(raw)) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(at, `must be a mapping with src_repository and dest_repository, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(raw)}`));
            return;
        }
        const before = errors.length;
        for (const e of (0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .unknownKeyErrors */ .XI)(raw, KEYS, ALIASES, at))
            errors.push(e);
        const str = (key, required) => {
            const v = raw[key];
            if (v === undefined) {
                if (required)
                    errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.${key}`, 'is required'));
                return undefined;
            }
            if (typeof v !== 'string' || v === '') {
                errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.${key}`, `must be a non-empty string, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(v)}`));
                return undefined;
            }
            const template = (0,_entry_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .templateProblem */ .MS)(v);
            if (template !== undefined) {
                errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.${key}`, template));
                return undefined;
            }
            return v;
        };
        const tryParse = (key, text) => {
            if (text === undefined)
                return undefined;
            try {
                return (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepositoryName */ .$M)(text, `${at}.${key}`);
            }
            catch (e) {
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz)
                    errors.push(e);
                else
                    throw e;
                return undefined;
            }
        };
        const srcText = str('src_repository', true);
        const destText = str('dest_repository', true);
        const source = tryParse('src_repository', srcText);
        const destination = tryParse('dest_repository', destText);
        const srcTag = str('src_tag', false);
        const destTag = str('dest_tag', false);
        const destRegistry = str('dest_registry', false);
        const srcDigest = str('src_digest', false);
        if (srcTag !== undefined)
            pushProblem(errors, `${at}.src_tag`, (0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(srcTag));
        if (destTag !== undefined)
            pushProblem(errors, `${at}.dest_tag`, (0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(destTag));
        if (srcDigest !== undefined)
            pushProblem(errors, `${at}.src_digest`, (0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .digestProblem */ .WQ)(srcDigest));
        const tags = parseTagSelection(raw.tags, srcTag, `${at}`, errors);
        if (destTag !== undefined && !(tags?.kind === 'list' && tags.tags.length === 1)) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.dest_tag`, 'needs exactly one source tag (src_tag); with several tags the names are kept'));
        }
        const platforms = parsePlatforms(raw.platforms, `${at}.platforms`, errors);
        let noClobber = false;
        if (raw.no_clobber !== undefined) {
            if (typeof raw.no_clobber !== 'boolean')
                errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.no_clobber`, `must be true or false, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(raw.no_clobber)}`));
            else
                noClobber = raw.no_clobber;
        }
        if (errors.length > before || !source || !destination || !tags || destText === undefined)
            return;
        entries.push({
            field: at,
            source,
            destination,
            destinationInput: destText,
            ...(destRegistry !== undefined && { destinationRegistry: destRegistry }),
            tags,
            ...(destTag !== undefined && { destinationTag: destTag }),
            platforms,
            noClobber,
            ...(srcDigest !== undefined && { sourceDigest: srcDigest })
        });
    });
    if (errors.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputErrors */ .G(errors);
    return entries;
}
function parseTagSelection(value, srcTag, at, errors) {
    if (value === undefined) {
        if (srcTag === undefined) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.src_tag`, 'is required (or give "tags": a list or a /regex/)'));
            return undefined;
        }
        return { kind: 'list', tags: [srcTag] };
    }
    if (srcTag !== undefined) {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.tags`, 'cannot be combined with src_tag; use one of them'));
        return undefined;
    }
    if (typeof value === 'string' && /^\/.*\/$/.test(value) && value.length > 2) {
        try {
            return { kind: 'regex', pattern: (0,_user_regex_js__WEBPACK_IMPORTED_MODULE_4__/* .compileUserRegex */ ._u)(value.slice(1, -1), `${at}.tags`) };
        }
        catch (e) {
            if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz))
                throw e;
            errors.push(e);
            return undefined;
        }
    }
    if (!Array.isArray(value) || value.length === 0) {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.tags`, `must be a non-empty list of tags or a "/regex/", got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(value)}`));
        return undefined;
    }
    const tags = [];
    value.forEach((t, i) => {
        if (typeof t !== 'string')
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.tags[${i}]`, `must be a string, got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(t)}`));
        else if ((0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(t))
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}.tags[${i}]`, (0,_grammar_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(t)));
        else
            tags.push(t);
    });
    return { kind: 'list', tags };
}
function parsePlatforms(value, at, errors) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value)) {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(at, `must be a list of platforms like ["linux/amd64"], got ${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(value)}`));
        return [];
    }
    const out = [];
    value.forEach((p, i) => {
        if (typeof p !== 'string' || !/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/.test(p)) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${at}[${i}]`, `${(0,_structured_input_js__WEBPACK_IMPORTED_MODULE_5__/* .describeType */ .MF)(p)} is not a platform like "linux/amd64"`));
        }
        else
            out.push(p);
    });
    return out;
}
function pushProblem(errors, field, problem) {
    if (problem !== undefined)
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, problem));
}


/***/ }),

/***/ 3148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ actionIO)
});

// UNUSED EXPORTS: actionLog

// EXTERNAL MODULE: ./shared/runner/workflow-commands.ts
var workflow_commands = __webpack_require__(9135);
;// CONCATENATED MODULE: ./shared/model/report.ts
/**
 * A report table as data, rendered by each face: the job summary as HTML, the CLI as plain
 * columns. Cells say what they hold instead of carrying markup, so no renderer ever shows
 * another's syntax (backticks in HTML, `<br>` on a terminal).
 */
/** A cell as plain text (lines joined with ", "). */
function cellText(cell) {
    if (typeof cell === 'string')
        return cell;
    return 'code' in cell ? cell.code : cell.lines.join(', ');
}
/** Escape text for HTML element content (the tables have no attributes). */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function cellHtml(cell) {
    if (typeof cell === 'string')
        return escapeHtml(cell);
    if ('code' in cell)
        return `<code>${escapeHtml(cell.code)}</code>`;
    return cell.lines.map(escapeHtml).join('<br>');
}
/** The table as HTML: every element closed, every text escaped (valid for the job summary). */
function tableHtml(table) {
    const row = (cells, tag) => `<tr>${cells.map(c => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
    const parts = [
        `<h3>${escapeHtml(table.heading)}</h3>`,
        `<table><thead>${row(table.header.map(escapeHtml), 'th')}</thead><tbody>${table.rows
            .map(r => row(r.map(cellHtml), 'td'))
            .join('')}</tbody></table>`
    ];
    if (table.note)
        parts.push(`<p>${escapeHtml(table.note)}</p>`);
    return `${parts.join('\n')}\n`;
}

// EXTERNAL MODULE: ./shared/model/outside-text.ts
var outside_text = __webpack_require__(2987);
// EXTERNAL MODULE: ./shared/inputs/reader.ts
var reader = __webpack_require__(1835);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./shared/model/errors.ts
var errors = __webpack_require__(7649);
;// CONCATENATED MODULE: ./shared/runner/context.ts


/** Read the runner context from `env` (process.env by default). */
function readRunnerContext(env = process.env) {
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        payload: readEventPayload(env.GITHUB_EVENT_PATH),
        ...(env.GITHUB_SHA && { sha: env.GITHUB_SHA }),
        ...(env.GITHUB_REPOSITORY && { repository: env.GITHUB_REPOSITORY }),
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        ...(env.GITHUB_RUN_ID && { runId: env.GITHUB_RUN_ID }),
        runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        runnerTemp: env.RUNNER_TEMP || '/tmp'
    };
}
function readEventPayload(path) {
    if (!path)
        return {};
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (e) {
        throw new errors/* InputError */.dz('GITHUB_EVENT_PATH', `cannot read ${path}: ${e.message}`, {
            cause: e
        });
    }
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new errors/* InputError */.dz('GITHUB_EVENT_PATH', `${path} is not valid JSON`, { cause: e });
    }
}

;// CONCATENATED MODULE: ./shared/runner/io.ts





/** The runner's face: `INPUT_*`, `GITHUB_*`, `::` commands, `GITHUB_OUTPUT` and the job summary. */
function actionIO() {
    return {
        reader: new reader/* InputReader */.i(workflow_commands/* actionInputSource */.EZ, message => workflow_commands/* warning */.$e(message), secret => workflow_commands/* setSecret */.Pq(secret)),
        ctx: readRunnerContext(),
        log: actionLog,
        report: {
            output: (name, value) => workflow_commands/* setOutput */.uH(name, value),
            table: async (table) => {
                // Run outside a runner (no summary file), the table is simply skipped.
                if (process.env.GITHUB_STEP_SUMMARY)
                    await writeSummaryTable(table);
            }
        },
        mask: secret => workflow_commands/* setSecret */.Pq(secret),
        debug: message => workflow_commands/* debug */.Yz(message),
        env: process.env
    };
}
/**
 * StepLog on the runner: groups are `::group::`, warnings become annotations (both escaped as
 * workflow commands). Plain lines are printed as they are, so any line in them that the runner would
 * read as a workflow command (build output relayed whole, text a registry sent) is defused.
 */
const actionLog = {
    info: message => workflow_commands/* info */.pq((0,outside_text/* defuseCommands */.pq)(message)),
    warning: message => workflow_commands/* warning */.$e(message),
    group: (title, fn) => workflow_commands/* group */.Os(title, fn)
};
/** Append a report table to the job summary (`GITHUB_STEP_SUMMARY`). */
async function writeSummaryTable(table) {
    workflow_commands/* appendSummary */.fe(tableHtml(table));
}


/***/ })

};
