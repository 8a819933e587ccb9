export const id = 512;
export const ids = [512];
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

/***/ 7512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateAction: () => (/* binding */ validateAction)
});

// EXTERNAL MODULE: ./shared/runner/io.ts + 2 modules
var runner_io = __webpack_require__(3148);
// EXTERNAL MODULE: ./shared/build/plan.ts + 1 modules
var plan = __webpack_require__(3585);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/model/errors.ts
var model_errors = __webpack_require__(7649);
// EXTERNAL MODULE: ./shared/model/mirrors.ts
var model_mirrors = __webpack_require__(7304);
// EXTERNAL MODULE: ./shared/inputs/common.ts
var common = __webpack_require__(1297);
;// CONCATENATED MODULE: ./shared/inputs/validate.ts




/**
 * Read the validate inputs. Unlike the other commands it collects the problems of both lists
 * (and of the change tags) before throwing, so one run shows everything to fix.
 */
function readValidateInputs(reader, ctx) {
    const hasImages = reader.string('container-images') !== '';
    const hasMirrors = reader.string('mirrors') !== '';
    if (!hasImages && !hasMirrors) {
        throw new model_errors/* InputError */.dz('container-images', 'give container-images, mirrors or both to check');
    }
    const errors = [];
    const collect = (read) => {
        try {
            return read();
        }
        catch (e) {
            if (e instanceof model_errors/* InputErrors */.G)
                errors.push(...e.errors);
            else if (e instanceof model_errors/* InputError */.dz)
                errors.push(e);
            else
                throw e;
            return undefined;
        }
    };
    const identity = (0,common/* readChangeIdentity */.z)(reader, ctx);
    const images = hasImages ? collect(() => (0,common/* readContainerImages */.yn)(reader, true)) : undefined;
    if (images)
        collect(() => (0,common/* checkChangeTags */.mP)(images, identity));
    const mirrors = hasMirrors
        ? collect(() => (0,model_mirrors/* parseMirrors */.C)(reader.required('mirrors'), 'mirrors'))
        : undefined;
    if (errors.length > 0)
        throw new model_errors/* InputErrors */.G(errors);
    const containerFilename = reader.string('container-filename');
    const dir = reader.string('working-directory', ctx.workspace);
    return {
        ...(images && { images }),
        ...(mirrors && { mirrors }),
        ...(containerFilename !== '' && { containerFilename }),
        containerCommand: reader.choice('container-command', common/* CONTAINER_COMMANDS */.Pi, 'docker'),
        workingDirectory: (0,external_node_path_.isAbsolute)(dir) ? dir : (0,external_node_path_.resolve)(ctx.workspace, dir),
        checkContexts: reader.boolean('check-contexts', false),
        identity
    };
}

// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
;// CONCATENATED MODULE: ./shared/model/normalised.ts

function normaliseImage(image, defaultFilename) {
    return {
        field: image.field,
        context: image.context ?? null,
        path: image.path,
        container_filename: image.containerFilename ?? defaultFilename ?? null,
        registry: image.registry,
        repository: (0,reference/* formatReference */.FH)(image.repository),
        tags: image.tags,
        build_args: image.buildArgs,
        target: image.target ?? null,
        siblings: image.siblings,
        labels: image.labels,
        arch: image.arch
    };
}
function normaliseMirror(entry) {
    return {
        field: entry.field,
        src_repository: (0,reference/* formatReference */.FH)(entry.source),
        dest_repository: (0,reference/* formatReference */.FH)(entry.destination),
        tags: entry.tags.kind === 'list' ? entry.tags.tags : `/${entry.tags.pattern.source}/`,
        dest_tag: entry.destinationTag ?? null,
        dest_registry: entry.destinationRegistry ?? entry.destination.registry,
        platforms: entry.platforms,
        no_clobber: entry.noClobber,
        src_digest: entry.sourceDigest ?? null
    };
}

;// CONCATENATED MODULE: ./shared/commands/validate.ts




/**
 * The validate command: check the lists as build, upload, promote and mirror would, without
 * network or engine (and without the filesystem unless check-contexts), and show them
 * normalised. The migration tool: paste a Zuul list, see what imagegate will do with it.
 */
async function validateAction(io = (0,runner_io/* actionIO */.P)()) {
    const inputs = readValidateInputs(io.reader, io.ctx);
    if (inputs.images) {
        if (inputs.checkContexts) {
            const plans = (0,plan/* planBuilds */.z)({
                images: inputs.images,
                identity: inputs.identity,
                workingDirectory: inputs.workingDirectory,
                workspace: io.ctx.workspace,
                ...(inputs.containerFilename !== undefined && {
                    containerFilename: inputs.containerFilename
                }),
                command: inputs.containerCommand
            });
            io.log.info(`contexts checked: ${plans.length} Dockerfiles found, FROM order has no cycle`);
        }
        const images = inputs.images.map(i => normaliseImage(i, inputs.containerFilename));
        io.report.output('container-images', images);
        await io.report.table({
            heading: `imagegate validate: ${images.length} image${images.length === 1 ? '' : 's'}`,
            header: ['entry', 'repository', 'tags', 'context', 'file', 'platforms'],
            rows: images.map(i => [
                i.field,
                { code: i.repository },
                { lines: i.tags },
                `${i.context ?? ''}${i.path === '.' ? '' : ` (path ${i.path})`}`,
                i.container_filename ?? 'engine default',
                i.arch.join(', ') || 'native'
            ])
        });
    }
    if (inputs.mirrors) {
        const mirrors = inputs.mirrors.map(normaliseMirror);
        io.report.output('mirrors', mirrors);
        await io.report.table({
            heading: `imagegate validate: ${mirrors.length} mirror entr${mirrors.length === 1 ? 'y' : 'ies'}`,
            header: ['entry', 'source', 'tags', 'destination', 'platforms'],
            rows: mirrors.map(m => [
                m.field,
                { code: m.src_repository },
                typeof m.tags === 'string' ? { code: m.tags } : { lines: m.tags },
                { code: `${m.dest_repository}${m.dest_tag !== null ? `:${m.dest_tag}` : ''}` },
                m.platforms.join(', ') || 'all'
            ])
        });
    }
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


/***/ })

};
