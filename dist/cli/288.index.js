export const id = 288;
export const ids = [288];
export const modules = {

/***/ 8091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hP: () => (/* binding */ finalBaseImage),
/* harmony export */   "if": () => (/* binding */ baseImages)
/* harmony export */ });
/* unused harmony exports substitute, buildArgMap */
/**
 * Just enough Dockerfile reading to order builds: the images named by `FROM`, after `ARG`
 * defaults (overridden by build args) are substituted, without stage names.
 */
/** Logical lines: continuations joined, comments and blank lines dropped. */
function logicalLines(text) {
    const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
    const out = [];
    let current = '';
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (current === '' && (line === '' || line.startsWith('#')))
            continue;
        if (current !== '' && line.startsWith('#'))
            continue; // comments inside a continuation
        if (line.endsWith(escape)) {
            current += `${line.slice(0, -1)} `;
            continue;
        }
        out.push(current + line);
        current = '';
    }
    if (current.trim() !== '')
        out.push(current.trim());
    return out;
}
/** `$X`, `${X}`, `${X:-default}` and `${X:+alt}` as BuildKit expands them in FROM. */
function substitute(text, vars) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
        const name = (braced ?? bare);
        const value = vars.get(name);
        if (op === '-')
            return value ? value : (word ?? '');
        if (op === '+')
            return value ? (word ?? '') : '';
        return value ?? '';
    });
}
/** `KEY=VALUE` build args as a map (the last one wins, as with repeated --build-arg). */
function buildArgMap(buildArgs) {
    const map = new Map();
    for (const arg of buildArgs) {
        const eq = arg.indexOf('=');
        map.set(arg.slice(0, eq), arg.slice(eq + 1));
    }
    return map;
}
function unquote(value) {
    return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
/**
 * The images a Dockerfile builds on, in order: global `ARG`s (before the first FROM) take their
 * default unless a build arg sets them; names of earlier stages and `scratch` are left out.
 */
function baseImages(text, buildArgs) {
    const given = buildArgMap(buildArgs);
    const vars = new Map();
    const stages = new Set();
    const images = [];
    let seenFrom = false;
    for (const line of logicalLines(text)) {
        const [instruction = '', ...rest] = line.split(/\s+/);
        const keyword = instruction.toUpperCase();
        if (keyword === 'ARG' && !seenFrom) {
            declareArgs(rest, given, vars);
        }
        else if (keyword === 'FROM') {
            seenFrom = true;
            const words = rest.filter(w => !w.startsWith('--'));
            const image = substitute(words[0] ?? '', vars);
            const asIndex = words.findIndex(w => w.toUpperCase() === 'AS');
            if (image !== '' && image !== 'scratch' && !stages.has(image.toLowerCase())) {
                images.push(image);
            }
            if (asIndex !== -1 && words[asIndex + 1])
                stages.add(words[asIndex + 1].toLowerCase());
        }
    }
    return images;
}
/**
 * The image the built stage starts from (OSBS's "parent image"): the `target` stage, else the
 * last one, followed through stage names to an image; undefined for `scratch`.
 */
function finalBaseImage(text, buildArgs, target) {
    const given = buildArgMap(buildArgs);
    const vars = new Map();
    const stages = [];
    for (const line of logicalLines(text)) {
        const [instruction = '', ...rest] = line.split(/\s+/);
        const keyword = instruction.toUpperCase();
        if (keyword === 'ARG' && stages.length === 0) {
            declareArgs(rest, given, vars);
        }
        else if (keyword === 'FROM') {
            const words = rest.filter(w => !w.startsWith('--'));
            const asIndex = words.findIndex(w => w.toUpperCase() === 'AS');
            const name = asIndex !== -1 ? words[asIndex + 1]?.toLowerCase() : undefined;
            stages.push({ ...(name && { name }), from: substitute(words[0] ?? '', vars) });
        }
    }
    let stage = target
        ? stages.find(s => s.name === target.toLowerCase())
        : stages[stages.length - 1];
    for (let hops = 0; stage && hops <= stages.length; hops++) {
        const from = stage.from.toLowerCase();
        const earlier = stages.slice(0, stages.indexOf(stage)).find(s => s.name === from);
        if (!earlier)
            return stage.from === '' || from === 'scratch' ? undefined : stage.from;
        stage = earlier;
    }
    return undefined;
}
/**
 * A global `ARG` line (before the first FROM): each `name` or `name=default` sets `vars`, the
 * build argument given for it winning over its default.
 */
function declareArgs(decls, given, vars) {
    for (const decl of decls) {
        const eq = decl.indexOf('=');
        const name = eq === -1 ? decl : decl.slice(0, eq);
        const fallback = eq === -1 ? undefined : unquote(substitute(decl.slice(eq + 1), vars));
        const value = given.get(name) ?? fallback;
        if (value !== undefined)
            vars.set(name, value);
    }
}


/***/ }),

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

/***/ 6052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ reportBuild)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/engine/platform.ts
var platform = __webpack_require__(1426);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
;// CONCATENATED MODULE: ./shared/build/records.ts


/** One record per image and platform built (or tried), in list order. */
function buildRecords(results, details, profile) {
    const engine = {
        kind: profile.kind,
        binary: profile.binary,
        ...(profile.version && { version: profile.version })
    };
    return results.flatMap(result => {
        const { plan } = result;
        const detail = details.get(plan);
        const platforms = plan.platform !== undefined
            ? [plan.platform]
            : plan.image.arch.length > 0
                ? plan.image.arch
                : [(0,platform/* nativePlatform */.Nc)()];
        const single = platforms.length === 1;
        return platforms.map((platform) => ({
            field: plan.image.field,
            repository: (0,reference/* formatReference */.FH)(plan.image.repository),
            platform,
            status: result.status,
            ...(result.built && { imageId: result.built.imageId }),
            ...(single && result.pushed[0] && { digest: result.pushed[0].digest }),
            pushed: result.pushed.map(p => p.ref),
            baseImage: detail?.baseImage ?? null,
            seconds: Math.round(result.seconds * 10) / 10,
            engine,
            labels: detail?.labels ?? {},
            ...(detail?.archives && {
                archive: detail.archives.find(a => a.platform === platform)?.path
            }),
            ...(result.error !== undefined && { error: result.error })
        }));
    });
}

// EXTERNAL MODULE: ./shared/build/report.ts
var report = __webpack_require__(4035);
;// CONCATENATED MODULE: ./shared/build/outputs.ts




/**
 * The outputs build and upload share: `images` (with a record per platform under `builds`),
 * `build-records` (the path of the same records as a JSON file, for tools and artifacts),
 * `archives` (the OCI layout tarballs, one path a line) and the summary table.
 */
async function reportBuild(reporter, heading, results, source) {
    const records = buildRecords(results, source.details, source.profile);
    const file = (0,external_node_path_.join)(source.outputDir, 'build-records.json');
    (0,external_node_fs_.writeFileSync)(file, `${JSON.stringify(records, null, 2)}\n`);
    reporter.output('images', (0,report/* imagesOutput */.K1)(results, records));
    reporter.output('build-records', file);
    const archives = records.flatMap(r => (r.archive ? [r.archive] : []));
    if (archives.length > 0)
        reporter.output('archives', archives.join('\n'));
    await reporter.table((0,report/* summaryTable */.jb)(heading, results));
}


/***/ }),

/***/ 3585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ planBuilds)
});

// UNUSED EXPORTS: localTagsOf

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/model/change.ts
var change = __webpack_require__(902);
// EXTERNAL MODULE: ./shared/model/errors.ts
var model_errors = __webpack_require__(7649);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
// EXTERNAL MODULE: ./shared/build/dockerfile.ts
var dockerfile = __webpack_require__(8091);
;// CONCATENATED MODULE: ./shared/build/order.ts


/**
 * For each image (by index), the indexes of the images of the same list it is built `FROM`.
 * `bases[i]` are image i's FROM references; a reference matches an image when registry and
 * repository are equal and its tag (default `latest`) is one of the image's tags or change tags.
 */
function dependencies(images, bases, localTags) {
    const byRef = new Map();
    images.forEach((image, i) => {
        for (const tag of localTags(image))
            byRef.set(`${(0,reference/* formatReference */.FH)(image.repository)}:${tag}`, i);
    });
    return bases.map((refs, i) => {
        const deps = new Set();
        for (const text of refs) {
            let key;
            try {
                const ref = (0,reference/* parseReference */.F2)(text);
                if (ref.digest !== undefined)
                    continue; // a digest names bytes, not our build
                key = `${(0,reference/* formatReference */.FH)({ registry: ref.registry, repository: ref.repository })}:${ref.tag ?? 'latest'}`;
            }
            catch {
                continue; // not a reference we build; the engine reports it if it is really wrong
            }
            const dep = byRef.get(key);
            if (dep !== undefined && dep !== i)
                deps.add(dep);
            if (dep === i)
                throw cycleError(images, [i, i]);
        }
        return [...deps].sort((a, b) => a - b);
    });
}
/** Throws InputError naming the cycle when the dependency graph has one. */
function checkAcyclic(images, deps) {
    const state = new Array(deps.length).fill('new');
    const stack = [];
    const visit = (i) => {
        state[i] = 'active';
        stack.push(i);
        for (const d of deps[i]) {
            if (state[d] === 'active')
                throw cycleError(images, [...stack.slice(stack.indexOf(d)), d]);
            if (state[d] === 'new')
                visit(d);
        }
        stack.pop();
        state[i] = 'done';
    };
    deps.forEach((_, i) => {
        if (state[i] === 'new')
            visit(i);
    });
}
function cycleError(images, path) {
    const names = path.map(i => `${images[i].field} (${(0,reference/* formatReference */.FH)(images[i].repository)})`);
    return new model_errors/* InputError */.dz(images[path[0]].field, `the images are built FROM each other in a cycle: ${names.join(' → ')}`);
}

// EXTERNAL MODULE: ./shared/build/siblings.ts
var siblings = __webpack_require__(7866);
;// CONCATENATED MODULE: ./shared/build/plan.ts








/** The tags an image gets locally: each final tag and its change tag, as Zuul does. */
function localTagsOf(image, identity) {
    return image.tags.flatMap(tag => [tag, (0,change/* changeTag */.df)(identity, tag)]);
}
/**
 * Check every image against the filesystem before anything builds (context inside the working
 * directory also after symlinks, Dockerfile present, no leftover siblings folder, siblings
 * present) and order the images by FROM. Throws InputErrors listing every problem.
 */
function planBuilds(options) {
    const errors = [];
    const root = realOrSelf(options.workingDirectory);
    const partial = options.images.map(image => checkImage(image, options, root, errors));
    if (errors.length > 0)
        throw new model_errors/* InputErrors */.G(errors);
    const ready = partial;
    const tagsOf = (image) => localTagsOf(image, options.identity);
    const bases = ready.map((p, i) => (0,dockerfile/* baseImages */["if"])((0,external_node_fs_.readFileSync)(p.dockerfile, 'utf8'), options.images[i].buildArgs));
    const deps = dependencies(options.images, bases, tagsOf);
    checkAcyclic(options.images, deps);
    return options.images.map((image, i) => ({
        image,
        ...ready[i],
        localTags: tagsOf(image).map(t => (0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(image.repository, t))),
        dependsOn: deps[i]
    }));
}
function checkImage(image, options, root, errors) {
    const at = (key) => `${image.field}.${key}`;
    const contextDir = (0,external_node_path_.join)(options.workingDirectory, image.context ?? '.');
    if (!isDirectory(contextDir)) {
        errors.push(new model_errors/* InputError */.dz(at('context'), `"${image.context}" is not a directory (${contextDir})`));
        return undefined;
    }
    if (!inside(root, realOrSelf(contextDir))) {
        errors.push(new model_errors/* InputError */.dz(at('context'), `"${image.context}" leaves the working directory through a symbolic link`));
        return undefined;
    }
    const buildContext = (0,external_node_path_.join)(contextDir, image.path);
    if (!isDirectory(buildContext) || !inside(root, realOrSelf(buildContext))) {
        errors.push(new model_errors/* InputError */.dz(at('path'), `"${image.path}" is not a directory inside the working directory (${buildContext})`));
        return undefined;
    }
    const file = image.containerFilename ?? options.containerFilename;
    const candidates = file !== undefined
        ? [(0,external_node_path_.join)(contextDir, file)]
        : options.command === 'podman'
            ? [(0,external_node_path_.join)(buildContext, 'Containerfile'), (0,external_node_path_.join)(buildContext, 'Dockerfile')]
            : [(0,external_node_path_.join)(buildContext, 'Dockerfile')];
    const dockerfile = candidates.find(f => (0,external_node_fs_.existsSync)(f) && (0,external_node_fs_.statSync)(f).isFile());
    if (dockerfile === undefined) {
        const field = image.containerFilename !== undefined ? at('container_filename') : image.field;
        errors.push(new model_errors/* InputError */.dz(field, `no ${file ?? 'Dockerfile'} at ${candidates.join(' or ')}`));
    }
    else if (!inside(root, realOrSelf(dockerfile))) {
        errors.push(new model_errors/* InputError */.dz(at('container_filename'), `${dockerfile} leaves the working directory through a symbolic link`));
    }
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(contextDir, siblings/* SIBLINGS_DIR */.Gj))) {
        errors.push(new model_errors/* InputError */.dz(at('context'), `${(0,external_node_path_.join)(contextDir, siblings/* SIBLINGS_DIR */.Gj)} already exists; imagegate gives each build its own ${siblings/* SIBLINGS_DIR */.Gj} (in a copy of the context), so it must not be part of the checkout`));
    }
    image.siblings.forEach((s, i) => {
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(options.workspace, s))) {
            errors.push(new model_errors/* InputError */.dz(`${at('siblings')}[${i}]`, `"${s}" does not exist in the workspace (${(0,external_node_path_.join)(options.workspace, s)})`));
        }
    });
    if (dockerfile === undefined)
        return undefined;
    return { contextDir, ...(file !== undefined && { file }), dockerfile };
}
function isDirectory(path) {
    return (0,external_node_fs_.existsSync)(path) && (0,external_node_fs_.statSync)(path).isDirectory();
}
function realOrSelf(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return path;
    }
}
function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !rel.startsWith(external_node_path_.sep));
}


/***/ }),

/***/ 4035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K1: () => (/* binding */ imagesOutput),
/* harmony export */   jb: () => (/* binding */ summaryTable),
/* harmony export */   sf: () => (/* binding */ ImagesFailedError)
/* harmony export */ });
/* harmony import */ var _model_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(737);

/**
 * The `images` output: one entry per image, in list order. A platform job builds an image once
 * per platform; those builds make one entry, each with its own record under `builds`.
 */
function imagesOutput(results, records = []) {
    const groups = new Map();
    for (const r of results)
        groups.set(r.plan.image, [...(groups.get(r.plan.image) ?? []), r]);
    return [...groups.values()].map(units => {
        const { plan } = units[0];
        const status = units.some(u => u.status === 'failed')
            ? 'failed'
            : units.some(u => u.status === 'skipped')
                ? 'skipped'
                : 'built';
        const pushed = units.flatMap(u => u.pushed);
        const errors = units.flatMap(u => u.error === undefined ? [] : [u.plan.platform ? `[${u.plan.platform}] ${u.error}` : u.error]);
        const imageId = units.find(u => u.built)?.built?.imageId;
        return {
            field: plan.image.field,
            repository: (0,_model_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatReference */ .FH)(plan.image.repository),
            status,
            tags: [...new Set(units.flatMap(u => u.plan.localTags))],
            ...(imageId && { imageId }),
            platforms: plan.platform !== undefined ? units.map(u => u.plan.platform) : plan.image.arch,
            ...(pushed[0] && { digest: pushed[0].digest }),
            pushed,
            seconds: Math.round(units.reduce((sum, u) => sum + u.seconds, 0) * 10) / 10,
            ...(errors.length > 0 && { error: errors.join('; ') }),
            builds: records.filter(b => b.field === plan.image.field)
        };
    });
}
/** The summary table: image, status, tags, platforms, digest or id, seconds, error. */
function summaryTable(heading, results) {
    const rows = imagesOutput(results).map((o) => [
        `${o.field} ${o.repository}`,
        o.status === 'built' ? '✅ built' : o.status === 'failed' ? '❌ failed' : '⏭️ skipped',
        { lines: o.pushed.length > 0 ? o.pushed.map(p => p.ref) : o.tags },
        o.platforms.join(', ') || 'native',
        { code: o.digest ?? (o.imageId ? o.imageId.slice(0, 19) : '') },
        o.seconds.toFixed(1),
        (o.error ?? '').slice(0, 500)
    ]);
    return {
        heading,
        header: ['Image', 'Status', 'Tags', 'Platforms', 'Digest / image id', 'Seconds', 'Error'],
        rows
    };
}
/** Some images failed; the message names each one and why. */
class ImagesFailedError extends Error {
    failed;
    name = 'ImagesFailedError';
    constructor(failed) {
        super(`${failed.length} image${failed.length === 1 ? '' : 's'} failed: ${failed
            .map(r => `${r.plan.image.field} (${(0,_model_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatReference */ .FH)(r.plan.image.repository)}${r.plan.platform ? `, ${r.plan.platform}` : ''}): ${r.error ?? 'failed'}`)
            .join('; ')}`);
        this.failed = failed;
    }
}


/***/ }),

/***/ 9656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ executeBuild)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./shared/engine/detect.ts


/**
 * Forces a docker build path (`buildx`, `buildkit` or `classic`) instead of detecting one; for
 * machines where detection guesses wrong, and for tests that cover each path.
 */
const DOCKER_BUILDER_ENV = 'IMAGEGATE_DOCKER_BUILDER';
const DOCKER_KINDS = ['buildx', 'buildkit', 'classic'];
/** The engine could not be used at all (missing binary, forced path unavailable). */
class EngineUnavailableError extends Error {
    name = 'EngineUnavailableError';
}
/** Detect the build path once per step: buildx, else a BuildKit-capable client, else classic. */
async function detectEngine(command, options) {
    const env = options.env ?? process.env;
    if (command === 'podman') {
        const version = await clientVersion(options.runner, 'podman');
        if (version === undefined)
            throw new EngineUnavailableError('podman is not installed or does not run');
        return { kind: 'podman', binary: 'podman', version, reason: 'container-command is podman' };
    }
    const forced = env[DOCKER_BUILDER_ENV]?.trim();
    if (forced && !DOCKER_KINDS.includes(forced)) {
        throw new EngineUnavailableError(`${DOCKER_BUILDER_ENV}="${forced}" is not one of ${DOCKER_KINDS.join(', ')}`);
    }
    const clients = dockerClients(env, options.isExecutable ?? isExecutable);
    if (clients.length === 0)
        throw new EngineUnavailableError('docker is not installed (no docker on PATH)');
    const first = clients[0];
    const want = (kind) => !forced || forced === kind;
    const buildx = await options.runner.run({ command: first, args: ['buildx', 'version'] });
    if (want('buildx') && buildx.code === 0) {
        const version = buildx.stdout.trim().split(/\s+/)[1];
        return {
            kind: 'buildx',
            binary: first,
            ...(version && { version }),
            reason: `\`${first} buildx\` works`
        };
    }
    if (forced === 'buildx')
        throw new EngineUnavailableError(`${DOCKER_BUILDER_ENV}=buildx, but \`${first} buildx version\` fails`);
    const versions = new Map();
    for (const client of clients)
        versions.set(client, await clientVersion(options.runner, client));
    if (want('buildkit')) {
        // Clients from 23 on hand BuildKit builds to buildx and fail without it; older ones drive
        // the daemon's embedded BuildKit themselves.
        const capable = clients.find(c => major(versions.get(c)) > 0 && major(versions.get(c)) < 23);
        if (capable) {
            const version = versions.get(capable);
            return {
                kind: 'buildkit',
                binary: capable,
                ...(version && { version }),
                reason: `no docker buildx; ${capable} (client ${version}) drives the daemon's BuildKit`
            };
        }
        if (forced === 'buildkit') {
            throw new EngineUnavailableError(`${DOCKER_BUILDER_ENV}=buildkit, but no docker client older than 23 is on PATH`);
        }
    }
    const version = versions.get(first);
    if (version === undefined)
        throw new EngineUnavailableError(`${first} does not run`);
    return {
        kind: 'classic',
        binary: first,
        version,
        reason: forced
            ? `${DOCKER_BUILDER_ENV}=classic`
            : 'no docker buildx and no client that drives BuildKit without it'
    };
}
/** Every distinct docker executable on PATH, in PATH order. */
function dockerClients(env, executable) {
    const seen = new Set();
    const out = [];
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,external_node_path_.join)(dir, 'docker');
        if (!executable(candidate))
            continue;
        let real = candidate;
        try {
            real = (0,external_node_fs_.realpathSync)(candidate);
        }
        catch {
            // keep the PATH spelling
        }
        if (seen.has(real))
            continue;
        seen.add(real);
        out.push(candidate);
    }
    return out;
}
async function clientVersion(runner, binary) {
    const r = await runner.run({
        command: binary,
        args: ['version', '--format', '{{.Client.Version}}']
    });
    const v = r.stdout.trim().split('\n')[0]?.trim();
    // `docker version` exits 1 when the daemon is down but still prints the client version.
    return v && /^[0-9]/.test(v) ? v : undefined;
}
function major(version) {
    return version ? Number(/^([0-9]+)/.exec(version)?.[1] ?? 0) : 0;
}
function isExecutable(path) {
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./shared/engine/build-argv.ts
/**
 * The build-context argument as the engine must see it: a relative path always starts with
 * `./` (or is `.`), so no directory name can be read as an option (`--volume=/:/host`).
 */
function contextArgument(path) {
    if (path === '.' || path.startsWith('./') || path.startsWith('/'))
        return path;
    return `./${path}`;
}
/** Compose the build command for the profile's path; pure, so it is table-tested. */
function buildCommand(profile, spec) {
    const context = contextArgument(spec.contextPath);
    const common = [
        ...(spec.file !== undefined ? ['-f', spec.file] : []),
        ...(spec.target !== undefined ? ['--target', spec.target] : []),
        ...spec.buildArgs.flatMap(arg => ['--build-arg', arg]),
        ...Object.entries(spec.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
        '--iidfile',
        spec.iidFile
    ];
    const platform = spec.platforms.length > 0 ? ['--platform', spec.platforms.join(',')] : [];
    const tags = (refs) => refs.flatMap(t => ['--tag', t]);
    let args;
    let env = {};
    switch (profile.kind) {
        case 'buildx': {
            const multi = spec.platforms.length > 1;
            const push = spec.pushTags ?? [];
            // A multi-platform result cannot be loaded into the docker store: it is pushed (or, with
            // nothing to push, kept in the builder's cache, which is what a check build needs).
            const output = !multi
                ? ['--load']
                : push.length > 0
                    ? ['--push']
                    : ['--output', 'type=image,push=false'];
            args = [
                'buildx',
                'build',
                context,
                ...common,
                ...tags(multi ? push : spec.tags),
                ...(multi && push.length === 0 ? tags(spec.tags) : []),
                ...platform,
                ...(spec.metadataFile !== undefined ? ['--metadata-file', spec.metadataFile] : []),
                '--progress=plain',
                ...output
            ];
            break;
        }
        case 'buildkit':
            args = ['build', context, ...common, ...tags(spec.tags), ...platform, '--progress=plain'];
            env = { DOCKER_BUILDKIT: '1' };
            break;
        case 'classic':
            args = ['build', context, ...common, ...tags(spec.tags), ...platform];
            env = { DOCKER_BUILDKIT: '0' };
            break;
        case 'podman': {
            const multi = spec.platforms.length > 1;
            // --no-cache: otherwise podman reuses FROM-scratch layers across platforms and the list
            // ends up holding the native platform only (seen with podman 4.3).
            // A single named platform needs --no-cache too: the layer cache ignores --platform, so an
            // arm64 build after an amd64 one of the same context returns the amd64 image.
            const output = multi
                ? ['--manifest', spec.tags[0], '--no-cache']
                : [...tags(spec.tags), ...(spec.platforms.length === 1 ? ['--no-cache'] : [])];
            const squash = spec.squash ? ['--squash'] : [];
            args = ['build', context, ...common, ...squash, ...output, ...platform];
            break;
        }
    }
    return {
        command: profile.binary,
        args,
        cwd: spec.cwd,
        env: { ...spec.env, ...env }
    };
}

// EXTERNAL MODULE: ./shared/engine/platform.ts
var engine_platform = __webpack_require__(1426);
;// CONCATENATED MODULE: ./shared/engine/command.ts
/** A container command failed: argv (secrets redacted), exit code and the tail of stderr. */
class CommandError extends Error {
    command;
    code;
    stderrTail;
    name = 'CommandError';
    constructor(command, code, stderrTail, options) {
        super(`${describeCommand(command)} exited with ${code}${stderrTail ? `: ${stderrTail}` : ''}`, options);
        this.command = command;
        this.code = code;
        this.stderrTail = stderrTail;
    }
}
/** `docker build -t x .` for messages; values after credential flags are redacted. */
function describeCommand(command) {
    const args = command.args.map((a, i) => /^(-p|--password|--creds|--src-creds|--dest-creds)$/.test(command.args[i - 1] ?? '') ? '***' : a);
    return [command.command, ...args].join(' ');
}
/** The last non-empty lines of some output, for error messages. */
function tail(text, lines = 5) {
    return text
        .split('\n')
        .map(l => l.trimEnd())
        .filter(l => l !== '')
        .slice(-lines)
        .join(' | ');
}
/** Run and throw CommandError on a non-zero exit. */
async function runChecked(runner, command, sink) {
    const result = await runner.run(command, sink);
    if (result.code !== 0) {
        throw new CommandError(command, result.code, tail(result.stderr || result.stdout));
    }
    return result;
}

;// CONCATENATED MODULE: ./shared/engine/profile.ts
/** Whether the path builds several platforms in one command (else one build per platform). */
function buildsPlatformsTogether(kind) {
    return kind === 'buildx' || kind === 'podman';
}
/** Whether the path can build for a platform other than the daemon's own. */
function canCrossBuild(kind) {
    // The classic builder commits FROM-scratch metadata steps with the daemon's platform and then
    // refuses its own intermediate image ("does not match the specified platform").
    return kind !== 'classic';
}
/** A human label for logs and the job summary. */
function describeProfile(profile) {
    const names = {
        buildx: 'docker buildx',
        buildkit: 'docker BuildKit (DOCKER_BUILDKIT=1)',
        classic: 'docker classic builder',
        podman: 'podman'
    };
    return `${names[profile.kind]} via ${profile.binary}${profile.version ? ` ${profile.version}` : ''}`;
}

;// CONCATENATED MODULE: ./shared/engine/registry-argv.ts
const isPodman = (p) => p.kind === 'podman';
function auth(profile, scope) {
    return isPodman(profile)
        ? { args: ['--authfile', scope.authFile], env: {} }
        : { args: [], env: { DOCKER_CONFIG: scope.dockerConfig } };
}
function transport(profile, access) {
    if (!isPodman(profile))
        return []; // dockerd decides TLS itself (certs.d, insecure-registries)
    return [
        ...(access.insecure ? ['--tls-verify=false'] : []),
        ...(access.certDir !== undefined ? ['--cert-dir', access.certDir] : [])
    ];
}
/** `login --password-stdin`: the password goes to stdin, never argv. */
function loginCommand(profile, scope, registry, username, password, access) {
    const a = auth(profile, scope);
    return {
        command: profile.binary,
        args: [
            'login',
            ...a.args,
            ...transport(profile, access),
            '--username',
            username,
            '--password-stdin',
            registry
        ],
        env: a.env,
        input: password
    };
}
/** `tag <source> <target>` in the local store. */
function tagCommand(profile, source, target) {
    return { command: profile.binary, args: ['tag', source, target] };
}
/** Remove local tags (an image goes only with its last tag). */
function untagCommand(profile, refs) {
    return { command: profile.binary, args: ['image', 'rm', ...refs] };
}
/**
 * Push one local image (or podman manifest list, with all its platforms) to `target`.
 * docker pushes the tag named `target`, so callers tag first; podman pushes `source` directly.
 */
function pushCommand(profile, scope, source, target, access, options) {
    const a = auth(profile, scope);
    if (!isPodman(profile)) {
        return { command: profile.binary, args: ['push', target], env: a.env };
    }
    const verb = options.manifestList ? ['manifest', 'push', '--all'] : ['push'];
    return {
        command: profile.binary,
        args: [
            ...verb,
            ...a.args,
            ...transport(profile, access),
            '--digestfile',
            options.digestFile,
            source,
            `docker://${target}`
        ]
    };
}
/** docker: assemble a manifest list from pushed per-platform digests (no buildx needed). */
function manifestCreateCommand(profile, scope, target, members, access) {
    return {
        command: profile.binary,
        args: ['manifest', 'create', ...(access.insecure ? ['--insecure'] : []), target, ...members],
        env: auth(profile, scope).env
    };
}
/** docker: push the list created by manifestCreateCommand; prints the list's digest. */
function manifestPushCommand(profile, scope, target, access) {
    return {
        command: profile.binary,
        args: ['manifest', 'push', '--purge', ...(access.insecure ? ['--insecure'] : []), target],
        env: auth(profile, scope).env
    };
}
/** `docker push` prints `<tag>: digest: sha256:… size: N`; the registry's own digest. */
function parsePushDigest(output) {
    const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
    if (matches.length > 0)
        return matches[matches.length - 1][1];
    // `docker manifest push` prints the bare digest.
    return /^(sha256:[0-9a-f]{64})\s*$/m.exec(output)?.[1];
}

;// CONCATENATED MODULE: ./shared/engine/retry.ts
const realSleep = ms => new Promise(resolve => setTimeout(resolve, ms));
/** Zuul retries a push 3 times (delay 30 s); we back off 2, 4, 8 s instead. */
const DEFAULT_PUSH_DELAYS_MS = [2000, 4000, 8000];
/**
 * Run `attempt` once, then once more after each delay while it throws; the last error is
 * rethrown. `onRetry` hears about every failure that will be retried.
 */
async function withRetries(attempt, delaysMs, sleep, onRetry) {
    for (let i = 0;; i++) {
        try {
            return await attempt();
        }
        catch (error) {
            if (i >= delaysMs.length)
                throw error;
            onRetry(error, i + 2, delaysMs[i]);
            await sleep(delaysMs[i]);
        }
    }
}

;// CONCATENATED MODULE: ./shared/engine/engine.ts








function defaultAccess(registry) {
    const host = registry.replace(/:[0-9]+$/, '');
    return { insecure: host === 'localhost' || /^127\./.test(host) || host === '[::1]' };
}
/**
 * A container engine bound to one detected profile: build, login, push. Every command goes
 * through the injected runner; logins live in a temporary DOCKER_CONFIG / auth file.
 */
class ContainerEngine {
    options;
    runner;
    scope;
    scratch;
    counter = 0;
    /** Per-platform local tags (`<ref>__linux-arm64`) this engine created; dispose() removes them. */
    platformTags = new Set();
    constructor(options) {
        this.options = options;
        this.runner = options.runner;
        this.scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(options.tmpDir, 'imagegate-engine-'));
        this.scope = {
            dockerConfig: (0,external_node_path_.join)(this.scratch, 'docker-config'),
            authFile: (0,external_node_path_.join)(this.scratch, 'auth.json')
        };
        // podman refuses an --authfile that does not exist; docker creates its config on login.
        (0,external_node_fs_.mkdirSync)(this.scope.dockerConfig, { mode: 0o700 });
        (0,external_node_fs_.writeFileSync)(this.scope.authFile, '{"auths": {}}\n', { mode: 0o600 });
    }
    get profile() {
        return this.options.profile;
    }
    /** Build one image (every platform of it) and tag it with spec.tags. */
    async build(spec, sink) {
        const { profile } = this.options;
        const platforms = spec.platforms;
        if (platforms.length > 0 &&
            !canCrossBuild(profile.kind) &&
            platforms.some(p => p !== (0,engine_platform/* nativePlatform */.Nc)())) {
            throw new Error(`the docker classic builder cannot build for ${platforms.join(', ')}; use BuildKit (docker buildx or DOCKER_BUILDKIT) or podman`);
        }
        if (platforms.length <= 1 || buildsPlatformsTogether(profile.kind)) {
            const iidFile = this.file('iid');
            const metadataFile = profile.kind === 'buildx' ? this.file('metadata.json') : undefined;
            await runChecked(this.runner, buildCommand(profile, { ...spec, iidFile, ...(metadataFile && { metadataFile }) }), sink);
            const multi = platforms.length > 1;
            if (multi && profile.kind === 'podman') {
                for (const tag of spec.tags.slice(1))
                    await runChecked(this.runner, tagCommand(profile, spec.tags[0], tag));
            }
            return {
                imageId: (0,external_node_fs_.readFileSync)(iidFile, 'utf8').trim(),
                localTags: spec.tags,
                platforms,
                manifestList: multi && profile.kind === 'podman',
                ...(multi &&
                    profile.kind === 'buildx' && {
                    pushedByBuild: buildxDigests(metadataFile, spec.pushTags ?? [])
                })
            };
        }
        // docker without buildx: one build per platform, then the local tags name the native one.
        const platformImages = [];
        let imageId = '';
        for (const platform of platforms) {
            const ref = (0,engine_platform/* platformRef */.z0)(spec.tags[0], platform);
            const iidFile = this.file('iid');
            const prefixed = sink && ((line, stream) => sink(`[${platform}] ${line}`, stream));
            this.platformTags.add(ref);
            await runChecked(this.runner, buildCommand(profile, { ...spec, tags: [ref], platforms: [platform], iidFile }), prefixed);
            platformImages.push({ platform, ref });
            if (platform === (0,engine_platform/* nativePlatform */.Nc)() || imageId === '')
                imageId = (0,external_node_fs_.readFileSync)(iidFile, 'utf8').trim();
        }
        const main = platformImages.find(p => p.platform === (0,engine_platform/* nativePlatform */.Nc)()) ?? platformImages[0];
        for (const tag of spec.tags)
            await runChecked(this.runner, tagCommand(profile, main.ref, tag));
        return { imageId, localTags: spec.tags, platforms, platformImages, manifestList: false };
    }
    /** Log in to `registry` in the temporary config; the password goes through stdin. */
    async login(registry, username, password) {
        const { profile } = this.options;
        await runChecked(this.runner, loginCommand(profile, this.scope, registry, username, password, this.access(registry)));
    }
    /** Push `image` to `target` with every platform; returns the digest the registry reported. */
    async push(image, target, sink) {
        const pushed = image.pushedByBuild?.[target];
        if (pushed !== undefined)
            return pushed;
        const { profile } = this.options;
        const access = this.access((0,engine_platform/* registryOf */.Fv)(target));
        if (profile.kind === 'podman') {
            const digestFile = this.file('digest');
            const command = pushCommand(profile, this.scope, image.localTags[0], target, access, {
                digestFile,
                manifestList: image.manifestList
            });
            await this.retried(command, sink);
            return (0,external_node_fs_.readFileSync)(digestFile, 'utf8').trim();
        }
        if (!image.platformImages)
            return this.dockerPush(image.localTags[0], target, sink);
        const repository = target.slice(0, target.lastIndexOf(':'));
        const members = [];
        const temporary = [];
        for (const { platform, ref } of image.platformImages) {
            // Each platform goes up under its own temporary tag, never under the target tag: in release
            // mode the final tag must not point at a single-platform image, not even for seconds.
            const staging = (0,engine_platform/* platformRef */.z0)(target, platform);
            temporary.push(staging);
            this.platformTags.add(staging);
            members.push({ digest: await this.dockerPush(ref, staging, sink), platform });
        }
        if (this.options.writeIndex) {
            const digest = await this.options.writeIndex(target, members);
            await runChecked(this.runner, tagCommand(profile, image.localTags[0], target));
            await this.removeTemporaryTags(temporary);
            return digest;
        }
        await runChecked(this.runner, manifestCreateCommand(profile, this.scope, target, members.map(m => `${repository}@${m.digest}`), access), sink);
        const result = await this.retried(manifestPushCommand(profile, this.scope, target, access), sink);
        await runChecked(this.runner, tagCommand(profile, image.localTags[0], target));
        const digest = parsePushDigest(result);
        if (!digest)
            throw new Error(`docker manifest push ${target} did not report a digest`);
        await this.removeTemporaryTags(temporary);
        return digest;
    }
    /**
     * Remove the per-platform local tags (kept until now: every push of the image needs them),
     * the temporary login and the scratch files. A tag that cannot be removed is a warning.
     */
    async dispose() {
        const tags = [...this.platformTags];
        this.platformTags.clear();
        try {
            if (tags.length > 0) {
                const result = await this.runner.run(untagCommand(this.options.profile, tags));
                if (result.code !== 0) {
                    this.options.log?.(`could not remove the temporary local tags: ${result.stderr.trim()}`);
                }
            }
        }
        finally {
            (0,external_node_fs_.rmSync)(this.scratch, { recursive: true, force: true });
        }
    }
    async removeTemporaryTags(refs) {
        const { removeTag, log } = this.options;
        if (!removeTag)
            return;
        for (const ref of refs) {
            try {
                await removeTag(ref);
            }
            catch (e) {
                log?.(`could not remove the temporary tag ${ref}: ${e.message}`);
            }
        }
    }
    async dockerPush(source, target, sink) {
        const { profile } = this.options;
        if (source !== target)
            await runChecked(this.runner, tagCommand(profile, source, target));
        const output = await this.retried(pushCommand(profile, this.scope, source, target, this.access((0,engine_platform/* registryOf */.Fv)(target)), {
            digestFile: ''
        }), sink);
        const digest = parsePushDigest(output);
        if (!digest)
            throw new Error(`docker push ${target} did not report a digest`);
        return digest;
    }
    async retried(command, sink) {
        const result = await withRetries(() => runChecked(this.runner, command, sink), this.options.pushDelaysMs ?? DEFAULT_PUSH_DELAYS_MS, this.options.sleep ?? realSleep, (error, next, delay) => this.options.log?.(`${error.message}; attempt ${next} in ${delay / 1000} s`));
        return result.stdout;
    }
    access(registry) {
        return (this.options.access ?? defaultAccess)(registry);
    }
    file(name) {
        return (0,external_node_path_.join)(this.scratch, `${++this.counter}-${name}`);
    }
}
function buildxDigests(metadataFile, refs) {
    if (!metadataFile || refs.length === 0)
        return {};
    const metadata = JSON.parse((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'));
    const digest = metadata['containerimage.digest'];
    return typeof digest === 'string' ? Object.fromEntries(refs.map(r => [r, digest])) : {};
}

// EXTERNAL MODULE: ./shared/model/buildset-env.ts
var buildset_env = __webpack_require__(4552);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
;// CONCATENATED MODULE: ./shared/engine/image-files.ts
/**
 * Commands that read a built image back out of the local store: its identity (for the build
 * record) and an OCI layout tarball of it (for actions/upload-artifact).
 */
/** `image inspect`: the image id and the digests it was pulled or pushed by, on one line. */
function inspectCommand(profile, ref) {
    return {
        command: profile.binary,
        args: ['image', 'inspect', '--format', '{{.Id}}|{{join .RepoDigests ","}}', ref]
    };
}
/** The local image's id and the digest it has in `repository` (or any registry), when known. */
function parseInspect(output, repository) {
    const [id = '', digests = ''] = output.trim().split('\n')[0].split('|');
    const imageId = /^(sha256:)?[0-9a-f]{64}$/.test(id)
        ? id.startsWith('sha256:')
            ? id
            : `sha256:${id}`
        : undefined;
    const repoDigests = digests
        .split(',')
        .map(d => d.trim())
        .filter(d => /^[^@\s]+@sha256:[0-9a-f]{64}$/.test(d));
    const own = repoDigests.find(d => d.startsWith(`${repository}@`)) ?? repoDigests[0];
    return { ...(imageId && { imageId }), ...(own && { digest: own.slice(own.indexOf('@') + 1) }) };
}
/**
 * Save one image as an OCI layout tarball: podman `save --format oci-archive`; docker `save`,
 * which writes an OCI image layout from Engine 25 on (older engines are refused before building).
 */
function saveCommand(profile, ref, file) {
    return profile.kind === 'podman'
        ? { command: profile.binary, args: ['save', '--format', 'oci-archive', '--output', file, ref] }
        : { command: profile.binary, args: ['save', '--output', file, ref] };
}
/** `docker version` of the daemon, to know whether `docker save` writes an OCI layout. */
function serverVersionCommand(profile) {
    return { command: profile.binary, args: ['version', '--format', '{{.Server.Version}}'] };
}
/** docker Engine 25 and later write an OCI image layout with `docker save`. */
function savesOciLayout(serverVersion) {
    const major = Number(/^([0-9]+)\./.exec(serverVersion.trim())?.[1] ?? 0);
    return major >= 25;
}

// EXTERNAL MODULE: ./shared/model/errors.ts
var model_errors = __webpack_require__(7649);
;// CONCATENATED MODULE: ./shared/build/archive-check.ts


/**
 * `archive: true` saves one OCI layout tarball per platform image; refuse, before anything is
 * built, what cannot give one: a podman manifest list or a buildx multi-platform result (never a
 * single local image), and docker Engines before 25, whose `docker save` writes the older
 * docker-archive layout.
 */
async function checkArchivable(plans, profile, runner) {
    const errors = [];
    if (profile.kind === 'podman' || profile.kind === 'buildx') {
        for (const plan of plans) {
            if (plan.platform === undefined && plan.image.arch.length > 1) {
                errors.push(new model_errors/* InputError */.dz('archive', `${plan.image.field} builds ${plan.image.arch.join(', ')} in one ${profile.kind === 'podman' ? 'podman manifest list' : 'buildx build'}, which cannot be saved as OCI layouts one per platform; build one platform per job (platforms) to archive them`));
            }
        }
    }
    if (profile.kind !== 'podman') {
        const result = await runner.run(serverVersionCommand(profile));
        const version = result.stdout.trim();
        if (result.code !== 0 || !savesOciLayout(version)) {
            errors.push(new model_errors/* InputError */.dz('archive', `docker Engine ${version || '(unknown version)'} does not write an OCI layout with docker save (Engine 25 and later do); use container-command: podman or a newer docker Engine`));
        }
    }
    if (errors.length > 0)
        throw new model_errors/* InputErrors */.G(errors);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./shared/model/platform-records.ts
var platform_records = __webpack_require__(4130);
// EXTERNAL MODULE: ./shared/build/dockerfile.ts
var dockerfile = __webpack_require__(8091);
// EXTERNAL MODULE: ./shared/build/labels.ts
var build_labels = __webpack_require__(14);
;// CONCATENATED MODULE: ./shared/build/details.ts










/**
 * For every built image: the labels it got, its base image's identity (best effort: a base the
 * store does not list, e.g. one BuildKit pulled into its own cache, has a name only) and, when
 * asked, an OCI layout tarball per platform image.
 */
async function gatherDetails(results, options) {
    const details = new Map();
    if (options.archiveDir)
        await (0,promises_.mkdir)(options.archiveDir, { recursive: true });
    for (const result of results) {
        if (result.status !== 'built' || !result.built)
            continue;
        const { plan } = result;
        const { labels } = (0,build_labels/* imageLabels */.J)(plan.image.labels, options.facts);
        const baseImage = await inspectBase(plan, options);
        const archives = options.archiveDir
            ? await saveArchives(result, options.archiveDir, options)
            : undefined;
        details.set(plan, { labels, ...(baseImage && { baseImage }), ...(archives && { archives }) });
    }
    return details;
}
async function inspectBase(plan, options) {
    const name = (0,dockerfile/* finalBaseImage */.hP)((0,external_node_fs_.readFileSync)(plan.dockerfile, 'utf8'), plan.image.buildArgs, plan.image.target);
    if (name === undefined)
        return undefined;
    const result = await options.runner.run(inspectCommand(options.profile, name));
    if (result.code !== 0)
        return { name };
    const repository = name.replace(/(@.*|:[^:/]*)$/, '');
    return { name, ...parseInspect(result.stdout, repository) };
}
async function saveArchives(result, dir, options) {
    const { plan } = result;
    const built = result.built;
    // docker without buildx keeps one local image per platform; otherwise one image was built.
    const images = built.platformImages ?? [
        {
            platform: plan.platform ?? plan.image.arch[0] ?? (0,engine_platform/* nativePlatform */.Nc)(),
            ref: built.localTags[0]
        }
    ];
    const out = [];
    for (const { platform, ref } of images) {
        const name = `${(0,reference/* familiarName */.hG)(plan.image.repository).replace(/[/:]/g, '_')}_${plan.image.tags[0]}_${(0,platform_records/* platformSlug */.DN)(platform)}.tar`;
        const path = (0,external_node_path_.join)(dir, name);
        await options.log.group(`Saving ${ref} (${platform}) as ${path}`, async () => {
            await runChecked(options.runner, saveCommand(options.profile, ref, path), line => options.log.info(line));
        });
        out.push({ platform, path });
    }
    return out;
}

// EXTERNAL MODULE: ./shared/build/plan.ts + 1 modules
var plan = __webpack_require__(3585);
;// CONCATENATED MODULE: ./shared/build/platform-plans.ts




/**
 * Turn the plans of a whole list into a platform job's builds: one plan per image and platform
 * of `platforms` it is built for (platformsOf), each building that platform alone and pushed
 * under its record tag. Without `platforms` the plans are returned unchanged.
 *
 * An image built FROM another image of the list needs that image built for the same platform in
 * the same job, else it would build on whatever the registry holds: an input error. When a job
 * builds several platforms, each platform's builds wait for the previous platform's, because
 * the final local tags (which FROM resolves to) name the platform built last; each build also
 * gets a tag of its own (`<tag>__linux-arm64`) that the push uses.
 */
function selectPlatforms(plans, platforms, identity) {
    if (platforms.length === 0)
        return { plans: [...plans], excluded: [] };
    const wanted = plans.map(p => (0,platform_records/* platformsOf */.Wt)(p.image, platforms));
    const errors = [];
    const excluded = [];
    const units = [];
    const unitIndex = new Map();
    const key = (plan, platform) => `${plan} ${platform}`;
    plans.forEach((plan, i) => {
        if (wanted[i].length === 0) {
            excluded.push({
                image: plan.image,
                reason: `its arch (${plan.image.arch.join(', ')}) has none of platforms (${platforms.join(', ')})`
            });
        }
    });
    for (const platform of platforms) {
        // Every build of the platforms before this one (nothing for the usual single platform).
        const previous = units.map((_, j) => j);
        plans.forEach((plan, i) => {
            if (!wanted[i].includes(platform))
                return;
            const deps = [];
            for (const d of plan.dependsOn) {
                const dep = unitIndex.get(key(d, platform));
                if (dep !== undefined) {
                    deps.push(dep);
                    continue;
                }
                const base = plans[d].image;
                errors.push(new model_errors/* InputError */.dz(`${plan.image.field}.arch`, `${(0,reference/* formatReference */.FH)(plan.image.repository)} is built for ${platform} FROM ${base.field} (${(0,reference/* formatReference */.FH)(base.repository)}), which is not built for ${platform} in this job`));
            }
            const several = wanted[i].length > 1;
            unitIndex.set(key(i, platform), units.length);
            units.push({
                ...plan,
                platform,
                recordTag: (0,platform_records/* platformRecordTag */.N4)(identity, plan.image, platform),
                localTags: several
                    ? [(0,engine_platform/* platformRef */.z0)(plan.localTags[0], platform), ...plan.localTags]
                    : plan.localTags,
                dependsOn: [...deps, ...previous]
            });
        });
    }
    if (errors.length > 0)
        throw new model_errors/* InputErrors */.G(errors);
    return { plans: units, excluded };
}

// EXTERNAL MODULE: ./shared/build/source.ts
var source = __webpack_require__(6620);
;// CONCATENATED MODULE: ./shared/build/scheduler.ts
/**
 * Run task i once all of deps[i] succeeded, at most `limit` at a time, in index order among the
 * ready ones. A failed task does not stop the others; its dependents are skipped.
 */
async function schedule(deps, limit, run) {
    const outcomes = new Array(deps.length).fill(undefined);
    const started = new Set();
    let running = 0;
    return new Promise(resolve => {
        const pump = () => {
            // Skips can cascade to lower indexes, so sweep until nothing changes.
            for (let i = 0; i < deps.length; i++) {
                if (started.has(i))
                    continue;
                const failed = deps[i].find(d => outcomes[d] !== undefined && outcomes[d].status !== 'ok');
                if (failed !== undefined) {
                    started.add(i);
                    outcomes[i] = { status: 'skipped', because: failed };
                    i = -1;
                    continue;
                }
                if (running >= limit || !deps[i].every(d => outcomes[d]?.status === 'ok'))
                    continue;
                started.add(i);
                running++;
                run(i).then(value => finish(i, { status: 'ok', value }), error => finish(i, { status: 'failed', error }));
            }
            if (outcomes.every(o => o !== undefined))
                resolve(outcomes);
        };
        const finish = (i, outcome) => {
            outcomes[i] = outcome;
            running--;
            pump();
        };
        pump();
    });
}

// EXTERNAL MODULE: ./shared/build/siblings.ts
var build_siblings = __webpack_require__(7866);
;// CONCATENATED MODULE: ./shared/build/step.ts






/**
 * Build every planned image, dependencies first and up to `parallel` at a time. A failing image
 * does not stop the others (its dependents are skipped); the caller decides how to report.
 */
async function runBuildStep(options) {
    const { plans, log } = options;
    const clock = options.clock ?? Date.now;
    const grouped = options.parallel === 1 || plans.length === 1;
    if (options.buildset?.username && options.buildset.password) {
        const { registry, username, password } = options.buildset;
        await options.engine.login(registry, username, password);
    }
    const results = new Map();
    const outcomes = await schedule(plans.map(p => p.dependsOn), options.parallel, async (i) => {
        const plan = plans[i];
        const title = `${plan.image.field}: ${(0,reference/* formatReference */.FH)(plan.image.repository)}`;
        // A platform job's build: its own group, every line marked with the platform.
        const mark = plan.platform !== undefined ? `[${plan.platform}] ` : '';
        const started = clock();
        const work = async (sink) => {
            try {
                const built = await buildImage(options, plan, sink);
                const pushed = options.buildset ? await pushToBuildset(options, plan, built, sink) : [];
                results.set(i, {
                    plan,
                    status: 'built',
                    built,
                    seconds: (clock() - started) / 1000,
                    pushed
                });
            }
            catch (error) {
                results.set(i, {
                    plan,
                    status: 'failed',
                    error: (0,model_errors/* errorMessage */.gJ)(error),
                    seconds: (clock() - started) / 1000,
                    pushed: []
                });
                log.warning(`${title} failed: ${(0,model_errors/* errorMessage */.gJ)(error)}`);
                throw error;
            }
        };
        if (grouped) {
            await log.group(`${mark}Building ${title}`, () => work(line => log.info(`${mark}${line}`)));
        }
        else if (plan.platform !== undefined) {
            // Concurrent builds cannot share live groups: a platform build's output is kept and
            // shown as a group of its own when it ends.
            const lines = [];
            log.info(`${mark}building ${title}`);
            try {
                await work(line => lines.push(`${mark}${line}`));
            }
            finally {
                const seconds = ((clock() - started) / 1000).toFixed(1);
                await log.group(`${mark}Building ${title} (${seconds} s)`, async () => {
                    for (const line of lines)
                        log.info(line);
                });
            }
        }
        else {
            const prefix = `${mark}[${(0,reference/* familiarName */.hG)(plan.image.repository)}]`;
            log.info(`${prefix} building ${title}`);
            await work(line => log.info(`${prefix} ${line}`));
            log.info(`${prefix} done in ${((clock() - started) / 1000).toFixed(1)} s`);
        }
    });
    return outcomes.map((outcome, i) => {
        if (outcome.status === 'skipped') {
            const dep = plans[outcome.because].image;
            return {
                plan: plans[i],
                status: 'skipped',
                error: `not built: it is built FROM ${dep.field} (${(0,reference/* formatReference */.FH)(dep.repository)}), which failed`,
                seconds: 0,
                pushed: []
            };
        }
        return results.get(i);
    });
}
async function buildImage(options, plan, sink) {
    const { image } = plan;
    const { labels, overridden } = (0,build_labels/* imageLabels */.J)(image.labels, options.facts);
    if (overridden.length > 0) {
        options.log.warning(`${image.field}.labels: ${overridden.join(', ')} ${overridden.length === 1 ? 'is' : 'are'} set by imagegate and cannot be overridden`);
    }
    const siblings = image.siblings.length > 0
        ? await (0,build_siblings/* prepareSiblings */.xL)({
            workspace: options.workspace,
            contextDir: plan.contextDir,
            contextPath: image.path,
            ...(plan.file !== undefined && { file: plan.file }),
            siblings: image.siblings,
            scratchDir: options.scratchDir
        })
        : undefined;
    if (siblings?.outsideContext) {
        options.log.warning(`${image.field}.siblings: the build context "${image.path}" does not contain the context's .imagegate-siblings folder, so the build cannot see the siblings`);
    }
    const file = siblings ? siblings.file : plan.file;
    try {
        return await options.engine.build({
            cwd: siblings?.cwd ?? plan.contextDir,
            contextPath: image.path,
            ...(file !== undefined && { file }),
            buildArgs: siblings ? [...image.buildArgs, siblings.buildArg] : image.buildArgs,
            ...(image.target !== undefined && { target: image.target }),
            labels,
            tags: plan.localTags,
            platforms: plan.platform !== undefined ? [plan.platform] : image.arch,
            env: options.buildExtraEnv,
            ...(options.squash && { squash: true }),
            ...(options.pushTargets && { pushTags: options.pushTargets(plan) })
        }, sink);
    }
    finally {
        await siblings?.remove();
    }
}
/**
 * Buildset registry: `<registry>/<final host>/<final path>:<final tag>`, every tag; a platform
 * job's build only under its record tag, for the merge to assemble.
 */
function buildsetTargets(plan, registry) {
    // Zuul's layout: docker.io images un-namespaced, so dockerd's registry-mirrors finds them.
    const repo = (0,buildset_env/* buildsetRepository */.Px)(registry, plan.image.repository);
    const tags = plan.recordTag !== undefined ? [plan.recordTag] : plan.image.tags;
    return tags.map(tag => (0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(repo, tag)));
}
async function pushToBuildset(options, plan, built, sink) {
    const pushed = [];
    for (const ref of buildsetTargets(plan, options.buildset.registry)) {
        pushed.push({ ref, digest: await options.engine.push(built, ref, sink) });
        sink(`pushed ${ref}@${pushed[pushed.length - 1].digest} to the buildset registry`, 'stdout');
    }
    return pushed;
}

;// CONCATENATED MODULE: ./shared/build/run.ts













/**
 * Check the files, detect the engine, read the label facts and build everything. The caller
 * must `engine.dispose()` (upload pushes with it first). Input problems throw before any build.
 */
async function executeBuild(inputs, ctx, deps, extra = {}) {
    const whole = (0,plan/* planBuilds */.z)({
        images: inputs.images,
        identity: inputs.identity,
        workingDirectory: inputs.workingDirectory,
        workspace: ctx.workspace,
        ...(inputs.containerFilename !== undefined && { containerFilename: inputs.containerFilename }),
        command: inputs.containerCommand
    });
    const { plans, excluded } = selectPlatforms(whole, inputs.platforms ?? [], inputs.identity);
    const profile = await detectEngine(inputs.containerCommand, { runner: deps.runner, env: deps.env });
    deps.log.info(`Container engine: ${describeProfile(profile)} (${profile.reason})`);
    if (inputs.archive)
        await checkArchivable(plans, profile, deps.runner);
    if (inputs.platforms?.length) {
        deps.log.info(`Platform job: building ${inputs.platforms.join(', ')} only`);
        for (const { image, reason } of excluded)
            deps.log.info(`${image.field} (${(0,reference/* formatReference */.FH)(image.repository)}) is not built here: ${reason}`);
    }
    const buildset = (0,buildset_env/* readBuildsetRegistryEnv */.$$)(deps.env);
    const access = (registry) => ({
        insecure: (0,reference/* isLoopbackHost */.cW)(registry),
        ...(buildset?.certDir && registry === buildset.registry && { certDir: buildset.certDir })
    });
    const engine = new ContainerEngine({
        runner: deps.runner,
        profile,
        tmpDir: ctx.runnerTemp,
        access,
        log: m => deps.log.warning(m),
        ...(deps.sleep && { sleep: deps.sleep }),
        ...(deps.removeTag && { removeTag: deps.removeTag }),
        ...(deps.writeIndex && { writeIndex: deps.writeIndex })
    });
    try {
        if (buildset)
            deps.log.info(`Buildset registry ${buildset.registry}: built images are pushed there too`);
        await extra.beforeBuild?.(engine);
        const facts = await (0,source/* readSourceFacts */.T)(deps.runner, {
            workingDirectory: inputs.workingDirectory,
            identity: inputs.identity,
            ...(ctx.repository && { repository: ctx.repository }),
            serverUrl: ctx.serverUrl,
            now: deps.now()
        });
        if (!facts.revision) {
            deps.log.warning(`${inputs.workingDirectory} is not a git checkout: the images get no revision and source-tree labels, so promote cannot verify them`);
        }
        const results = await runBuildStep({
            plans,
            engine,
            log: deps.log,
            workspace: ctx.workspace,
            scratchDir: ctx.runnerTemp,
            facts,
            parallel: inputs.parallel,
            buildExtraEnv: inputs.buildExtraEnv,
            ...(buildset && { buildset }),
            ...(extra.pushTargets && { pushTargets: extra.pushTargets }),
            ...(inputs.squash && { squash: true })
        });
        const outputDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(ctx.runnerTemp, 'imagegate-build-'));
        const details = await gatherDetails(results, {
            runner: deps.runner,
            profile,
            facts,
            log: deps.log,
            ...(inputs.archive && { archiveDir: (0,external_node_path_.join)(outputDir, 'archives') })
        });
        return {
            engine,
            plans,
            results,
            facts,
            excluded,
            details,
            outputDir,
            ...(buildset && { buildset })
        };
    }
    catch (error) {
        await engine.dispose();
        throw error;
    }
}


/***/ }),

/***/ 7866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gj: () => (/* binding */ SIBLINGS_DIR),
/* harmony export */   xL: () => (/* binding */ prepareSiblings)
/* harmony export */ });
/* unused harmony exports SIBLINGS_BUILD_ARG, linkTree */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** The folder inside a context that receives sibling checkouts (Zuul's `.zuul-siblings`). */
const SIBLINGS_DIR = '.imagegate-siblings';
/** The build arg that lists the copied siblings, space-separated (Zuul's `ZUUL_SIBLINGS`). */
const SIBLINGS_BUILD_ARG = 'IMAGEGATE_SIBLINGS';
/**
 * Give one build its own `<context>/.imagegate-siblings/<path>` for each sibling, without
 * touching the checkout: the build context (`<context>/<path>`) is copied for this build alone,
 * hard-linked file by file where the filesystem allows (no bytes copied), and the siblings are
 * added to the copy. Images that share a context and build in parallel therefore each see
 * exactly their own siblings, and an interrupted build leaves nothing in the checkout. When the
 * build context does not contain the context directory, the siblings folder could not be seen
 * by the build anyway: nothing is copied and `outsideContext` says so.
 */
async function prepareSiblings(req) {
    const buildArg = `${SIBLINGS_BUILD_ARG}=${req.siblings.join(' ')}`;
    const buildContext = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(req.contextDir, req.contextPath);
    const contextInCopy = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(buildContext, req.contextDir);
    if (!isInside(contextInCopy)) {
        return {
            cwd: req.contextDir,
            ...(req.file !== undefined && { file: req.file }),
            buildArg,
            outsideContext: true,
            remove: async () => undefined
        };
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(req.scratchDir, { recursive: true });
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(req.scratchDir, 'imagegate-context-'));
    const remove = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(root, { recursive: true, force: true });
    try {
        const copy = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'context');
        await linkTree(buildContext, copy, root);
        const cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(copy, contextInCopy);
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cwd, SIBLINGS_DIR);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(target, { recursive: true, mode: 0o755 });
        for (const sibling of req.siblings) {
            const dest = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(target, sibling);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dest, '..'), { recursive: true, mode: 0o755 });
            await linkTree((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(req.workspace, sibling), dest, root);
        }
        let file = req.file;
        if (file !== undefined) {
            const dockerfile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(req.contextDir, file);
            // A Dockerfile outside the build context was not copied: the engine reads the original.
            if (!isInside((0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(buildContext, dockerfile)))
                file = dockerfile;
        }
        return { cwd, ...(file !== undefined && { file }), buildArg, remove };
    }
    catch (e) {
        await remove();
        throw e;
    }
}
function isInside(rel) {
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel));
}
/**
 * Recreate `from` at `to`: directories with their modes, symbolic links verbatim (engines send
 * the link, never its target), regular files hard-linked, or copied with mode and times where
 * a hard link is impossible (another filesystem, a file we may not link). `skip` (the copy's
 * own root) is never descended into, so a scratch directory inside the context cannot recurse.
 * Sockets, pipes and devices are left out: no engine sends them.
 */
async function linkTree(from, to, skip) {
    const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(from);
    if (stat.isSymbolicLink()) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(from), to);
        return;
    }
    if (stat.isFile()) {
        await linkOrCopy(from, to);
        return;
    }
    if (!stat.isDirectory() || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(from) === (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(skip))
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(to, { mode: 0o700 });
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(from)) {
        await linkTree((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(from, entry), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(to, entry), skip);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(to, stat.mode & 0o7777);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.utimes)(to, stat.atime, stat.mtime);
}
const COPY_INSTEAD = new Set(['EXDEV', 'EPERM', 'EACCES', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);
async function linkOrCopy(from, to) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(from, to);
    }
    catch (e) {
        if (!COPY_INSTEAD.has(e.code ?? ''))
            throw e;
        const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(from);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(from, to, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.COPYFILE_FICLONE);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(to, stat.mode & 0o7777);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.utimes)(to, stat.atime, stat.mtime);
    }
}


/***/ }),

/***/ 6620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ readSourceFacts)
/* harmony export */ });
/* harmony import */ var _model_change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(902);

/**
 * The one source of truth for what a run builds from, gathered once per step and used by the
 * labels (build, upload), upload's change index and the buildset post step's change index. The
 * revision and tree come from git in the working directory (what was really built, e.g. a pull
 * request's merge commit), never from the event; the change and its URL from the identity.
 */
async function readSourceFacts(runner, context) {
    const git = async (rev) => {
        const r = await runner.run({
            command: 'git',
            args: ['-C', context.workingDirectory, 'rev-parse', '--verify', rev]
        });
        return r.code === 0 ? r.stdout.trim() : undefined;
    };
    const revision = await git('HEAD');
    const sourceTree = revision ? await git('HEAD^{tree}') : undefined;
    const { change } = context.identity;
    const url = (0,_model_change_js__WEBPACK_IMPORTED_MODULE_0__/* .changeUrl */ .CH)(context.serverUrl, context.repository, change);
    return {
        ...(revision && sourceTree && { revision, sourceTree }),
        ...(context.repository && { source: `${context.serverUrl}/${context.repository}` }),
        created: context.now.toISOString().replace(/\.[0-9]{3}Z$/, 'Z'),
        ...(change !== undefined && { change }),
        ...(url && { changeUrl: url })
    };
}


/***/ }),

/***/ 1426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   Nc: () => (/* binding */ nativePlatform),
/* harmony export */   z0: () => (/* binding */ platformRef)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

/** The platform of this machine, as a default for single-platform builds. */
function nativePlatform() {
    const map = {
        x64: 'amd64',
        arm64: 'arm64',
        arm: 'arm/v7',
        ppc64: 'ppc64le',
        s390x: 's390x',
        ia32: '386'
    };
    return `linux/${map[(0,node_os__WEBPACK_IMPORTED_MODULE_0__.arch)()] ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.arch)()}`;
}
/** A local-only reference for one platform of a docker build: `<ref>__linux-arm64`. */
function platformRef(ref, platform) {
    const colon = ref.lastIndexOf(':');
    const suffix = `__${platform.replace(/\//g, '-')}`;
    return `${ref.slice(0, colon)}:${ref.slice(colon + 1, colon + 1 + 128 - suffix.length)}${suffix}`;
}
/** The host of a reference such as `127.0.0.1:5000/org/app:1`. */
function registryOf(ref) {
    return ref.slice(0, ref.indexOf('/'));
}


/***/ }),

/***/ 9555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ ProcessRunner)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);

/** Output kept per stream for parsing; long builds only need the end. */
const MAX_CAPTURE = 4 << 20;
/**
 * The production CommandRunner: @actions/exec with an argv array (no shell), silent, so every
 * line goes to the caller's sink (log groups, platform prefixes) and nothing is echoed twice.
 * Lines are split here from the raw output: @actions/exec does not hand the last line of a
 * stream to its line listeners when it lacks a newline.
 */
class ProcessRunner {
    baseEnv;
    constructor(baseEnv = process.env) {
        this.baseEnv = baseEnv;
    }
    async run(command, sink) {
        const captured = { stdout: '', stderr: '' };
        const partial = { stdout: '', stderr: '' };
        const onData = (stream) => (chunk) => {
            const text = chunk.toString('utf8');
            captured[stream] = (captured[stream] + text).slice(-MAX_CAPTURE);
            if (!sink)
                return;
            const lines = (partial[stream] + text).split(/\r?\n/);
            partial[stream] = lines.pop() ?? '';
            for (const line of lines)
                sink(line, stream);
        };
        const env = Object.fromEntries(Object.entries({ ...this.baseEnv, ...command.env }).filter((e) => e[1] !== undefined));
        let code;
        try {
            code = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .exec */ .m)(command.command, [...command.args], {
                ...(command.cwd !== undefined && { cwd: command.cwd }),
                env,
                silent: true,
                ignoreReturnCode: true,
                ...(command.input !== undefined && { input: Buffer.from(command.input) }),
                listeners: { stdout: onData('stdout'), stderr: onData('stderr') }
            });
        }
        catch (error) {
            // Not found, cwd missing: report like a failed command so callers handle one shape.
            return { code: 127, stdout: captured.stdout, stderr: `${captured.stderr}${String(error)}` };
        }
        for (const stream of ['stdout', 'stderr']) {
            if (sink && partial[stream] !== '')
                sink(partial[stream], stream);
        }
        return { code, stdout: captured.stdout, stderr: captured.stderr };
    }
}


/***/ }),

/***/ 782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ readBuildInputs)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7649);
/* harmony import */ var _model_outside_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2987);
/* harmony import */ var _model_platform_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4130);
/* harmony import */ var _model_structured_input_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4728);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1297);







/** Read and validate the build action's inputs. */
function readBuildInputs(reader, ctx) {
    const images = (0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .readContainerImages */ .yn)(reader, true);
    const identity = (0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .readChangeIdentity */ .z)(reader, ctx);
    (0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .checkChangeTags */ .mP)(images, identity);
    const containerFilename = reader.string('container-filename');
    // Relative to each context, so `..` may be fine (planBuilds checks the real path); an absolute
    // path or an option-looking one is not: the engine would read it as it stands.
    const fileProblem = containerFilename === ''
        ? undefined
        : containerFilename.startsWith('-')
            ? `${(0,_model_outside_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quoteOutside */ .YM)(containerFilename)} starts with "-", which the container engine would read as an option`
            : containerFilename.includes('\0') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(containerFilename)
                ? `${(0,_model_outside_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quoteOutside */ .YM)(containerFilename)} must be a path relative to each context`
                : undefined;
    if (fileProblem !== undefined)
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('container-filename', fileProblem);
    const dir = reader.string('working-directory', ctx.workspace);
    const containerCommand = reader.choice('container-command', _common_js__WEBPACK_IMPORTED_MODULE_5__/* .CONTAINER_COMMANDS */ .Pi, 'docker');
    const squash = reader.boolean('squash', false);
    if (squash && containerCommand !== 'podman') {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('squash', 'docker cannot squash layers (BuildKit has no --squash and the classic builder needs an experimental daemon); use container-command: podman');
    }
    return {
        images,
        containerCommand,
        ...(containerFilename !== '' && { containerFilename }),
        workingDirectory: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(dir) ? dir : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(ctx.workspace, dir),
        buildExtraEnv: readEnvMap(reader.string('build-extra-env'), 'build-extra-env'),
        parallel: reader.positiveInteger('parallel', (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)(), 64),
        identity,
        platforms: (0,_model_platform_records_js__WEBPACK_IMPORTED_MODULE_3__/* .checkPlatformList */ .s9)(reader.list('platforms'), 'platforms'),
        archive: reader.boolean('archive', false),
        squash
    };
}
/** A YAML/JSON mapping of environment variables; values must be scalars. */
function readEnvMap(text, field) {
    if (text === '')
        return {};
    const value = (0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_4__/* .parseStructuredInput */ .V0)(text, field);
    if (!(0,_model_structured_input_js__WEBPACK_IMPORTED_MODULE_4__/* .isMapping */ .pi)(value))
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(field, 'must be a mapping of NAME: value');
    const env = {};
    for (const [key, val] of Object.entries(value)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${field}.${key}`, 'is not a valid environment variable name');
        }
        if (typeof val === 'object' && val !== null) {
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${field}.${key}`, 'must be a string, number or boolean');
        }
        env[key] = val === null ? '' : String(val);
    }
    return env;
}


/***/ }),

/***/ 4552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ readBuildsetRegistryEnv),
/* harmony export */   B3: () => (/* binding */ namespacePath),
/* harmony export */   KA: () => (/* binding */ BuildsetEnv),
/* harmony export */   Px: () => (/* binding */ buildsetRepository)
/* harmony export */ });
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


/***/ })

};
