export const id = 237;
export const ids = [237];
export const modules = {

/***/ 1297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N7: () => (/* binding */ readIntermediateRegistry),
/* harmony export */   Pi: () => (/* binding */ CONTAINER_COMMANDS),
/* harmony export */   gO: () => (/* binding */ PROMOTE_METHODS),
/* harmony export */   mP: () => (/* binding */ checkChangeTags),
/* harmony export */   yn: () => (/* binding */ readContainerImages),
/* harmony export */   z: () => (/* binding */ readChangeIdentity)
/* harmony export */ });
/* harmony import */ var _model_change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(902);
/* harmony import */ var _model_container_images_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4533);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7649);
/* harmony import */ var _model_registry_location_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1893);




/** Input names shared by several actions, spelled as in action.yml. */
const PROMOTE_METHODS = ['tag', 'intermediate-registry'];
const CONTAINER_COMMANDS = ['docker', 'podman'];
/** The `container-images` input, parsed and validated. */
function readContainerImages(reader, requireContext) {
    const text = reader.required('container-images', 'a YAML or JSON list of images');
    return (0,_model_container_images_js__WEBPACK_IMPORTED_MODULE_1__/* .parseContainerImages */ .Z)(text, {
        field: 'container-images',
        requireContext,
        warn: (field, message) => reader.warn(`${field}: ${message}`)
    });
}
/** The change identity from the event, with the `change` and `pipeline` overrides. */
function readChangeIdentity(reader, ctx) {
    return (0,_model_change_js__WEBPACK_IMPORTED_MODULE_0__/* .changeFromEvent */ .pz)({
        eventName: ctx.eventName,
        payload: ctx.payload,
        changeInput: reader.string('change'),
        pipelineInput: reader.string('pipeline')
    });
}
/** Check that every temporary tag fits the 128-character limit; errors name the tag's field. */
function checkChangeTags(images, identity) {
    const errors = [];
    for (const image of images) {
        image.tags.forEach((tag, i) => {
            try {
                (0,_model_change_js__WEBPACK_IMPORTED_MODULE_0__/* .changeTag */ .df)(identity, tag, `${image.field}.tags[${i}]`);
            }
            catch (e) {
                if (e instanceof _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz)
                    errors.push(e);
                else
                    throw e;
            }
        });
    }
    if (errors.length > 0)
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputErrors */ .G(errors);
}
/** `intermediate-registry`, required when `required` is true. */
function readIntermediateRegistry(reader, required, why) {
    const text = reader.string('intermediate-registry');
    if (text === '') {
        if (required)
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('intermediate-registry', `is required ${why}`);
        return undefined;
    }
    return (0,_model_registry_location_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRegistryLocation */ ._i)(text, 'intermediate-registry');
}


/***/ }),

/***/ 902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CH: () => (/* binding */ changeUrl),
/* harmony export */   df: () => (/* binding */ changeTag),
/* harmony export */   pz: () => (/* binding */ changeFromEvent)
/* harmony export */ });
/* unused harmony exports mergeQueueChange, parseChangeNumber, changePrefix */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3437);
/* harmony import */ var _structured_input_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4728);



const PIPELINE_RE = /^[a-z0-9][a-z0-9.-]{0,31}$/;
/** `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`; anchored on the last path segment. */
const MERGE_QUEUE_SEGMENT_RE = /^pr-([0-9]+)-[0-9a-f]{7,64}$/;
/** Derive the change identity from a GitHub event. Throws InputError for bad overrides. */
function changeFromEvent(source) {
    const event = source.eventName;
    const payload = (0,_structured_input_js__WEBPACK_IMPORTED_MODULE_2__/* .isMapping */ .pi)(source.payload) ? source.payload : {};
    const derived = fromPayload(event, payload);
    const change = source.changeInput !== undefined && source.changeInput.trim() !== ''
        ? parseChangeNumber(source.changeInput, 'change')
        : derived.change;
    const pipeline = source.pipelineInput !== undefined && source.pipelineInput.trim() !== ''
        ? parsePipeline(source.pipelineInput, 'pipeline')
        : derived.pipeline;
    return { ...(change !== undefined && { change }), pipeline, event };
}
/**
 * The web URL of a change, `<server>/<owner>/<repo>/pull/<N>`: one rule for every event
 * (merge_group payloads carry no pull request URL) and for the `change` input.
 */
function changeUrl(serverUrl, repository, change) {
    if (change === undefined || !repository)
        return undefined;
    return `${serverUrl}/${repository}/pull/${change}`;
}
function fromPayload(event, payload) {
    switch (event) {
        case 'pull_request':
        case 'pull_request_target': {
            const pr = (0,_structured_input_js__WEBPACK_IMPORTED_MODULE_2__/* .isMapping */ .pi)(payload.pull_request) ? payload.pull_request : {};
            const number = typeof pr.number === 'number' ? pr.number : Number(payload.number);
            return {
                ...(Number.isInteger(number) && number > 0 && { change: number }),
                pipeline: 'check'
            };
        }
        case 'merge_group': {
            const group = (0,_structured_input_js__WEBPACK_IMPORTED_MODULE_2__/* .isMapping */ .pi)(payload.merge_group) ? payload.merge_group : {};
            const headRef = typeof group.head_ref === 'string' ? group.head_ref : '';
            const change = mergeQueueChange(headRef);
            return { ...(change !== undefined && { change }), pipeline: 'gate' };
        }
        case 'push': {
            const ref = typeof payload.ref === 'string' ? payload.ref : '';
            return { pipeline: ref.startsWith('refs/tags/') ? 'tag' : 'post' };
        }
        case 'release':
            return { pipeline: 'release' };
        case 'schedule':
            return { pipeline: 'periodic' };
        case 'workflow_dispatch':
            return { pipeline: 'manual' };
        default:
            return { pipeline: event.replace(/_/g, '-').slice(0, 32) || 'manual' };
    }
}
/** The PR number of a merge-queue branch, from the last segment of `head_ref` only. */
function mergeQueueChange(headRef) {
    const last = headRef.split('/').pop() ?? '';
    const match = MERGE_QUEUE_SEGMENT_RE.exec(last);
    return match && headRef.includes('gh-readonly-queue/') ? Number(match[1]) : undefined;
}
/** A positive change number from text such as `42` or `#42`. */
function parseChangeNumber(value, field) {
    const match = /^#?([0-9]{1,10})$/.exec(value.trim());
    const n = match ? Number(match[1]) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, `"${value}" is not a pull request number (e.g. 42)`);
    }
    return n;
}
function parsePipeline(value, field) {
    const v = value.trim();
    if (!PIPELINE_RE.test(v)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, `"${value}" is not a valid pipeline name (lowercase letters, digits, "." and "-", at most 32)`);
    }
    return v;
}
/** The prefix of temporary tags: `change_<N>` or the pipeline name (Zuul's exact format). */
function changePrefix(identity) {
    return identity.change !== undefined ? `change_${identity.change}` : identity.pipeline;
}
/**
 * The temporary tag for `tag`: `change_<N>_<tag>` or `<pipeline>_<tag>`. Throws InputError naming
 * `field` when the result would exceed the 128-character tag limit.
 */
function changeTag(identity, tag, field = 'tags') {
    const result = `${changePrefix(identity)}_${tag}`;
    if (result.length > _grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TAG_LENGTH */ .Ti) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, `the temporary tag "${result}" would be ${result.length} characters long; tags may have at most ${_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TAG_LENGTH */ .Ti} (shorten "${tag}")`);
    }
    return result;
}


/***/ }),

/***/ 4533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ PLATFORM_RE),
  Z: () => (/* binding */ parseContainerImages)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/model/errors.ts
var model_errors = __webpack_require__(7649);
// EXTERNAL MODULE: ./shared/model/entry-fields.ts
var entry_fields = __webpack_require__(9580);
// EXTERNAL MODULE: ./shared/model/grammar.ts
var grammar = __webpack_require__(3437);
// EXTERNAL MODULE: ./shared/model/outside-text.ts
var outside_text = __webpack_require__(2987);
;// CONCATENATED MODULE: ./shared/model/paths.ts


/** Where Zuul checks out every project of a job: `/home/zuul/src/<host>/<project path>`. */
const ZUUL_SRC = /^\/home\/zuul\/src\/(.+)$/;
/**
 * Why `value` is not a relative path that stays inside its base directory, or undefined when it
 * is fine. Purely lexical; symlinks are checked where the filesystem is at hand. `base` names
 * what the path is relative to (for messages), `baseDir` where that is inside the working
 * directory (so an absolute Zuul path can be turned into the relative one to write).
 */
function confinedPathProblem(value, base = 'the working directory', baseDir = '.') {
    const absolute = absolutePathProblem(value, base, baseDir);
    if (absolute !== undefined)
        return absolute;
    const normalised = external_node_path_.posix.normalize(value.replace(/\\/g, '/'));
    if (normalised === '..' || normalised.startsWith('../')) {
        return `${(0,outside_text/* quoteOutside */.YM)(value)} leaves the working directory`;
    }
    return undefined;
}
/** Why `value` is not a relative path at all (absolute, a drive, a NUL byte), or undefined. */
function absolutePathProblem(value, base = 'the working directory', baseDir = '.') {
    if (value.includes('\0'))
        return `${(0,outside_text/* quoteOutside */.YM)(value)} contains a NUL byte`;
    if (external_node_path_.posix.isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) {
        return `${(0,outside_text/* quoteOutside */.YM)(value)} is an absolute path; imagegate reads paths relative to ${base}${absoluteHint(value, baseDir)}`;
    }
    return undefined;
}
/**
 * What to write instead of an absolute path. Zuul's `/home/zuul/src/<host>/<project>/...`
 * becomes the same path below the workspace, where actions/checkout puts another repository
 * with its `path` input.
 */
function absoluteHint(value, baseDir) {
    const zuul = ZUUL_SRC.exec(external_node_path_.posix.normalize(value));
    if (!zuul)
        return ' (write it relative, without a leading "/")';
    const relative = external_node_path_.posix.relative(external_node_path_.posix.normalize(baseDir), zuul[1]) || '.';
    return `: check that repository out below the workspace where Zuul had it below /home/zuul/src (actions/checkout with path: ${zuul[1]}), then write "${relative}"`;
}
/** `base/rel` normalised, for a `rel` that passed confinedPathProblem. */
function joinConfined(base, rel) {
    return posix.join(base, rel);
}

// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
// EXTERNAL MODULE: ./shared/model/structured-input.ts
var structured_input = __webpack_require__(4728);
;// CONCATENATED MODULE: ./shared/model/container-images.ts








/**
 * Keys of Zuul lists that only its ensure-quay-repo role reads (to create the repository on
 * Quay); imagegate pushes into repositories that exist, so they are accepted and ignored.
 */
const IGNORED_KEYS = ['namespace', 'repo_shortname', 'repo_description', 'visibility'];
const KEYS = [
    'context',
    'path',
    'container_filename',
    'registry',
    'repository',
    'tags',
    'build_args',
    'target',
    'siblings',
    'labels',
    'arch',
    // docker_images' name for container_filename, accepted as is.
    'dockerfile',
    ...IGNORED_KEYS
];
/** Names users bring from build-push-action and friends. */
const KEY_ALIASES = {
    file: 'container_filename',
    containerfile: 'container_filename',
    buildargs: 'build_args',
    build_arg: 'build_args',
    platforms: 'arch',
    platform: 'arch',
    image: 'repository',
    name: 'repository',
    tag: 'tags',
    label: 'labels'
};
const BUILD_ARG_RE = /^[A-Za-z_][A-Za-z0-9_]*=/;
const LABEL_KEY_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/** `os/arch[/variant]`, lower case, as `arch` entries and `platforms` inputs are written. */
const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
/** A Dockerfile stage name (what `FROM ... AS <name>` accepts). */
const TARGET_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;
/**
 * A value that reaches the engine's argv (build-context path, file, target, tag, build arg) must
 * not look like an option: `path: --volume=/:/host` would be read by podman as a flag.
 */
function optionProblem(value) {
    return value.trimStart().startsWith('-')
        ? `${(0,outside_text/* quoteOutside */.YM)(value)} starts with "-", which the container engine would read as an option`
        : undefined;
}
/**
 * Parse and validate the `container-images` input (YAML or JSON text). Collects every problem and
 * throws InputErrors whose messages name the exact field, e.g.
 * `container-images[2].tags[0]: "Latest!" is not a valid tag`.
 */
function parseContainerImages(text, options = {}) {
    const field = options.field ?? 'container-images';
    const value = (0,structured_input/* parseStructuredInput */.V0)(text, field);
    if (!Array.isArray(value)) {
        throw new model_errors/* InputError */.dz(field, `must be a list of images, got ${(0,structured_input/* describeType */.MF)(value)}`);
    }
    if (value.length === 0)
        throw new model_errors/* InputError */.dz(field, 'must list at least one image');
    const errors = [];
    const images = [];
    value.forEach((entry, i) => {
        const image = parseEntry(entry, `${field}[${i}]`, options, errors);
        if (image)
            images.push(image);
    });
    for (const e of duplicateTags(images))
        errors.push(e);
    if (errors.length > 0)
        throw new model_errors/* InputErrors */.G(errors);
    return images;
}
function parseEntry(entry, field, options, errors) {
    if (!(0,structured_input/* isMapping */.pi)(entry)) {
        errors.push(new model_errors/* InputError */.dz(field, `must be a mapping with at least "repository", got ${(0,structured_input/* describeType */.MF)(entry)}`));
        return undefined;
    }
    const before = errors.length;
    for (const e of (0,structured_input/* unknownKeyErrors */.XI)(entry, KEYS, KEY_ALIASES, field))
        errors.push(e);
    const at = (key) => `${field}.${key}`;
    for (const key of IGNORED_KEYS) {
        if (key in entry)
            options.warn?.(at(key), 'is read by Zuul to create a Quay repository; imagegate ignores it');
    }
    const context = (0,entry_fields/* optionalString */.sx)(entry, 'context', field, errors);
    if (context === undefined && options.requireContext && !('context' in entry)) {
        errors.push(new model_errors/* InputError */.dz(at('context'), 'is required to build an image (a directory relative to the working directory)'));
    }
    const contextProblem = context !== undefined ? (optionProblem(context) ?? confinedPathProblem(context)) : undefined;
    (0,entry_fields/* pushIf */.EQ)(errors, at('context'), contextProblem);
    const path = (0,entry_fields/* optionalString */.sx)(entry, 'path', field, errors) ?? '.';
    // `path` is relative to the context; report it only when the context itself is fine.
    if (contextProblem === undefined) {
        (0,entry_fields/* pushIf */.EQ)(errors, at('path'), optionProblem(path) ?? contextRelativeProblem(path, context));
    }
    const containerFilename = readContainerFilename(entry, field, errors);
    if (containerFilename !== undefined) {
        (0,entry_fields/* pushIf */.EQ)(errors, at(containerFilename.key), optionProblem(containerFilename.value) ??
            contextRelativeProblem(containerFilename.value, context));
    }
    const repositoryInput = (0,entry_fields/* optionalString */.sx)(entry, 'repository', field, errors);
    let repository;
    if (repositoryInput === undefined) {
        if (!('repository' in entry))
            errors.push(new model_errors/* InputError */.dz(at('repository'), 'is required (e.g. "quay.io/org/app")'));
    }
    else {
        repository = (0,entry_fields/* capture */.Fg)(errors, () => (0,reference/* parseRepositoryName */.$M)(repositoryInput, at('repository')));
    }
    const registry = (0,entry_fields/* optionalString */.sx)(entry, 'registry', field, errors) ?? repository?.registry ?? '';
    const tags = (0,entry_fields/* stringList */.Yn)(entry, 'tags', field, errors, ['latest']);
    tags.forEach((tag, i) => (0,entry_fields/* pushIf */.EQ)(errors, `${at('tags')}[${i}]`, (0,grammar/* tagProblem */.qH)(tag)));
    const buildArgs = (0,entry_fields/* stringList */.Yn)(entry, 'build_args', field, errors, []);
    buildArgs.forEach((arg, i) => {
        if (!BUILD_ARG_RE.test(arg)) {
            errors.push(new model_errors/* InputError */.dz(`${at('build_args')}[${i}]`, `${(0,outside_text/* quoteOutside */.YM)(arg)} must look like KEY=VALUE`));
        }
    });
    const target = (0,entry_fields/* optionalString */.sx)(entry, 'target', field, errors);
    if (target !== undefined && !TARGET_RE.test(target)) {
        errors.push(new model_errors/* InputError */.dz(at('target'), `${(0,outside_text/* quoteOutside */.YM)(target)} is not a build stage name (a letter, then letters, digits, "_", "." or "-")`));
    }
    const siblings = (0,entry_fields/* stringList */.Yn)(entry, 'siblings', field, errors, []);
    siblings.forEach((s, i) => (0,entry_fields/* pushIf */.EQ)(errors, `${at('siblings')}[${i}]`, optionProblem(s) ?? confinedPathProblem(s, 'the workspace')));
    const labels = parseLabels(entry.labels, at('labels'), errors);
    const arch = (0,entry_fields/* stringList */.Yn)(entry, 'arch', field, errors, []);
    arch.forEach((p, i) => {
        if (!PLATFORM_RE.test(p)) {
            errors.push(new model_errors/* InputError */.dz(`${at('arch')}[${i}]`, `${(0,outside_text/* quoteOutside */.YM)(p)} is not a platform like "linux/amd64" or "linux/arm/v7"`));
        }
    });
    if (errors.length > before || repository === undefined || repositoryInput === undefined)
        return undefined;
    return {
        field,
        ...(context !== undefined && { context }),
        path,
        ...(containerFilename !== undefined && { containerFilename: containerFilename.value }),
        registry,
        repositoryInput,
        repository,
        tags,
        buildArgs,
        ...(target !== undefined && { target }),
        siblings,
        labels,
        arch
    };
}
/**
 * A path relative to the context that must stay inside the working directory: checked alone
 * first (an absolute path is never joined to the context), then joined to the context.
 */
function contextRelativeProblem(value, context) {
    const base = context ?? '.';
    return (absolutePathProblem(value, `the context (${base})`, base) ??
        confinedPathProblem(external_node_path_.posix.join(base, value)));
}
/** `container_filename`, or docker_images' `dockerfile` (one of them), with the key used. */
function readContainerFilename(entry, field, errors) {
    if ('container_filename' in entry && 'dockerfile' in entry) {
        errors.push(new model_errors/* InputError */.dz(`${field}.dockerfile`, "is docker_images' name for container_filename; give only one of them"));
        return undefined;
    }
    const key = 'dockerfile' in entry ? 'dockerfile' : 'container_filename';
    const value = (0,entry_fields/* optionalString */.sx)(entry, key, field, errors);
    return value === undefined ? undefined : { key, value };
}
function parseLabels(value, field, errors) {
    const labels = {};
    const add = (key, val, at) => {
        const template = (0,entry_fields/* templateProblem */.MS)(val);
        if (!LABEL_KEY_RE.test(key)) {
            errors.push(new model_errors/* InputError */.dz(at, `${(0,outside_text/* quoteOutside */.YM)(key)} is not a valid label key`));
        }
        else if (template !== undefined) {
            errors.push(new model_errors/* InputError */.dz(at, template));
        }
        else {
            labels[key] = val;
        }
    };
    if (value === undefined || value === null)
        return labels;
    if (Array.isArray(value)) {
        value.forEach((item, i) => {
            const at = `${field}[${i}]`;
            if (typeof item !== 'string') {
                errors.push(new model_errors/* InputError */.dz(at, `must be a "key=value" string, got ${(0,structured_input/* describeType */.MF)(item)}`));
            }
            else if (!item.includes('=')) {
                errors.push(new model_errors/* InputError */.dz(at, `${(0,outside_text/* quoteOutside */.YM)(item)} must look like key=value`));
            }
            else {
                add(item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1), at);
            }
        });
    }
    else if ((0,structured_input/* isMapping */.pi)(value)) {
        for (const [key, val] of Object.entries(value)) {
            const at = `${field}.${key}`;
            if (typeof val !== 'string') {
                errors.push(new model_errors/* InputError */.dz(at, `must be a string, got ${(0,structured_input/* describeType */.MF)(val)}${(0,entry_fields/* quoteHint */.oM)(val)}`));
            }
            else {
                add(key, val, at);
            }
        }
    }
    else {
        errors.push(new model_errors/* InputError */.dz(field, `must be a list of "key=value" or a mapping, got ${(0,structured_input/* describeType */.MF)(value)}`));
    }
    return labels;
}
function duplicateTags(images) {
    const seen = new Map();
    const errors = [];
    for (const image of images) {
        image.tags.forEach((tag, i) => {
            const key = (0,reference/* formatReference */.FH)({ ...image.repository, tag });
            const first = seen.get(key);
            if (first !== undefined) {
                errors.push(new model_errors/* InputError */.dz(`${image.field}.tags[${i}]`, `${key} is already produced by ${first}`));
            }
            else {
                seen.set(key, `${image.field}.tags[${i}]`);
            }
        });
    }
    return errors;
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

/***/ 1893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PA: () => (/* binding */ hostPathComponent),
/* harmony export */   Z3: () => (/* binding */ stagedRepository),
/* harmony export */   _i: () => (/* binding */ parseRegistryLocation),
/* harmony export */   q2: () => (/* binding */ hostOfPathComponent)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);
/* harmony import */ var _grammar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3437);
/* harmony import */ var _outside_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2987);



/** Parse an `intermediate-registry`-style location; the host must look like a host. */
function parseRegistryLocation(text, field) {
    const value = text.trim().replace(/\/+$/, '');
    const slash = value.indexOf('/');
    const registry = slash === -1 ? value : value.slice(0, slash);
    const path = slash === -1 ? '' : value.slice(slash + 1);
    const looksLikeHost = registry.includes('.') || registry.includes(':') || registry === 'localhost';
    if (!looksLikeHost || !_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .DOMAIN_RE */ .NT.test(registry)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, `${(0,_outside_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteOutside */ .YM)(text)} must start with a registry host, e.g. "ghcr.io/org/staging" or "registry.example:5000"`);
    }
    if (path !== '' && !_grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .REPOSITORY_PATH_RE */ .nY.test(path)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, `${(0,_outside_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteOutside */ .YM)(text)}: ${(0,_outside_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteOutside */ .YM)(path)} is not a valid lowercase repository path`);
    }
    return { registry, path };
}
/**
 * A registry host as one repository path component, for Zuul's `<upstream host>/<path>`
 * namespacing: a path cannot hold the port's `:`, so it becomes `_` (`registry.example:5000` →
 * `registry.example_5000`). Host names never contain `_`, so hostOfPathComponent can invert it;
 * `-` could not be inverted (`registry.example-5000` is a host name of its own).
 */
function hostPathComponent(host) {
    return host.replace(/:([0-9]+)$/, '_$1');
}
/** The host a path component written by hostPathComponent names, or undefined for none. */
function hostOfPathComponent(component) {
    const host = component.replace(/_([0-9]+)$/, ':$1');
    const isHost = host.includes('.') ||
        host.includes(':') ||
        host === 'localhost' ||
        host.startsWith('localhost:');
    return isHost && _grammar_js__WEBPACK_IMPORTED_MODULE_1__/* .DOMAIN_RE */ .NT.test(host) ? host : undefined;
}
/**
 * Where an image is staged in a location: `<location path>/<final host>/<final path>`, as Zuul's
 * namespacing does, so images of several upstream registries cannot collide.
 */
function stagedRepository(location, finalName) {
    const parts = [location.path, hostPathComponent(finalName.registry), finalName.repository].filter(p => p !== '');
    return { registry: location.registry, repository: parts.join('/') };
}


/***/ }),

/***/ 4277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ actionIO)
/* harmony export */ });
/* unused harmony export actionLog */
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9135);
/* harmony import */ var _model_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5452);
/* harmony import */ var _model_outside_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2987);
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1835);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6402);





/** The runner's face: `INPUT_*`, `GITHUB_*`, `::` commands, `GITHUB_OUTPUT` and the job summary. */
function actionIO() {
    return {
        reader: new _inputs_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .InputReader */ .i(_workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .actionInputSource */ .EZ, message => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message), secret => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret)),
        ctx: (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunnerContext */ .g)(),
        log: actionLog,
        report: {
            output: (name, value) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value),
            table: async (table) => {
                // Run outside a runner (no summary file), the table is simply skipped.
                if (process.env.GITHUB_STEP_SUMMARY)
                    await writeSummaryTable(table);
            }
        },
        mask: secret => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret),
        debug: message => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
        env: process.env
    };
}
/**
 * StepLog on the runner: groups are `::group::`, warnings become annotations (both escaped as
 * workflow commands). Plain lines are printed as they are, so any line in them that the runner would
 * read as a workflow command (build output relayed whole, text a registry sent) is defused.
 */
const actionLog = {
    info: message => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_model_outside_text_js__WEBPACK_IMPORTED_MODULE_3__/* .defuseCommands */ .pq)(message)),
    warning: message => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message),
    group: (title, fn) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(title, fn)
};
/** Append a report table to the job summary (`GITHUB_STEP_SUMMARY`). */
async function writeSummaryTable(table) {
    _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .appendSummary */ .fe((0,_model_report_js__WEBPACK_IMPORTED_MODULE_4__/* .tableHtml */ .qj)(table));
}


/***/ }),

/***/ 9135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   EZ: () => (/* binding */ actionInputSource),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony exports getInput, error, setFailed */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



/** An input as the runner passes it (`INPUT_<NAME>`, spaces as `_`), trimmed; '' when unset. */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/**
 * A step output: a `name<<delimiter` block in `GITHUB_OUTPUT` (the runner's file command); a
 * value that is not a string is written as JSON.
 */
function setOutput(name, value) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
    const file = process.env.GITHUB_OUTPUT ?? '';
    if (file) {
        fileCommand(file, 'OUTPUT', keyValue(name, text));
        return;
    }
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
    issue('set-output', text, { name });
}
/** Hide `secret` in every later line of the job's log. */
function setSecret(secret) {
    issue('add-mask', secret);
}
/** A plain log line. */
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
/** A line shown only with step debug logging on. */
function debug(message) {
    issue('debug', message);
}
/** A warning annotation. */
function warning(message, properties = {}) {
    issue('warning', message, { ...properties });
}
/** An error annotation. */
function error(message, properties = {}) {
    issue('error', message, { ...properties });
}
/** Fail the step with `message` (exit code 1 once the process ends). */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Run `fn` inside a collapsible log group. */
async function group(title, fn) {
    issue('group', title);
    try {
        return await fn();
    }
    finally {
        issue('endgroup', '');
    }
}
/** Append raw HTML or Markdown to the job summary (`GITHUB_STEP_SUMMARY`). */
function appendSummary(text) {
    const file = process.env.GITHUB_STEP_SUMMARY ?? '';
    if (!file)
        throw new Error('GITHUB_STEP_SUMMARY is not set; the job summary cannot be written');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, text, { encoding: 'utf8' });
}
/** `::name key=value,…::message`, with the runner's escapes so no value can end the command. */
function issue(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** A `name<<delimiter` block; the random delimiter must not occur in the name or value. */
function keyValue(name, value) {
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: the output ${name} contains the delimiter ${delimiter}`);
    }
    return `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}`;
}
function fileCommand(file, command, message) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        throw new Error(`Missing file at path: ${file} (GITHUB_${command})`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${message}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, { encoding: 'utf8' });
}
/** Inputs as the runner passes them (`INPUT_<NAME>`), trimmed; '' when unset. */
const actionInputSource = name => getInput(name);


/***/ })

};
