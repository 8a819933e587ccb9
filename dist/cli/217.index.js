export const id = 217;
export const ids = [217];
export const modules = {

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

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registryCommand: () => (/* binding */ registryCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./shared/runner/credentials.ts
var credentials = __webpack_require__(471);
// EXTERNAL MODULE: ./shared/runner/io.ts
var runner_io = __webpack_require__(4277);
// EXTERNAL MODULE: ./shared/runner/registry.ts
var registry = __webpack_require__(6726);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./shared/buildset/start/addresses.ts


/** The names every buildset registry certificate carries, besides the host's addresses. */
const FIXED_SANS = ['buildset-registry', 'localhost', '127.0.0.1'];
/** Whether a network interface is a Linux bridge (docker0, podman0, cni-podman0, br-…). */
function isBridgeInterface(name) {
    return (0,external_node_fs_.existsSync)(`/sys/class/net/${name}/bridge`);
}
/**
 * The host's addresses the buildset registry's clients use besides 127.0.0.1: the IPv4
 * addresses of bridge interfaces, which the job's containers (docker, podman) reach the host
 * by. The machine's own network addresses (eth0) are left out, so the registry is not exposed
 * to the network around the runner; link-local ones too.
 */
function hostAddresses(interfaces = (0,external_node_os_.networkInterfaces)(), isBridge = isBridgeInterface) {
    const out = [];
    for (const [name, infos] of Object.entries(interfaces)) {
        if (!isBridge(name))
            continue;
        for (const info of infos ?? []) {
            if (info.internal || info.family !== 'IPv4' || info.address.startsWith('169.254.'))
                continue;
            if (!out.includes(info.address))
                out.push(info.address);
        }
    }
    return out;
}
/** Subject alternative names for the certificate: fixed names, extra names, host addresses. */
function registrySans(extra, addresses) {
    return [...new Set([...FIXED_SANS, ...extra, ...addresses])];
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./shared/buildset/start/docker-socket.ts

/**
 * The local dockerd's API socket: DOCKER_HOST when it names a unix socket, the default socket
 * when DOCKER_HOST is unset, undefined when the CLI talks to a daemon elsewhere (tcp, ssh).
 * Asking it directly costs a few milliseconds where each docker CLI run costs a process start
 * (100-250 ms on a busy 2-core runner); callers fall back to the CLI when it does not answer.
 */
function dockerSocket(env) {
    const host = env.DOCKER_HOST?.trim();
    if (!host)
        return '/var/run/docker.sock';
    return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}
/** One API call; undefined when the socket cannot be reached or does not answer in time. */
function call(socketPath, method, path, body, timeoutMs = 5000) {
    return new Promise(resolve => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = (0,external_node_http_.request)({
            socketPath,
            method,
            path,
            agent: false,
            headers: payload === undefined ? {} : { 'content-type': 'application/json' }
        }, res => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', () => resolve(undefined));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
        req.on('error', () => resolve(undefined));
        req.end(payload);
    });
}
/**
 * The registry mirrors the daemon has live (`GET /info`, `RegistryConfig.Mirrors`). Undefined
 * when the socket cannot be asked or the answer has another shape.
 */
async function liveMirrors(socketPath) {
    const answer = await call(socketPath, 'GET', '/info', undefined, 2000);
    if (answer?.status !== 200)
        return undefined;
    try {
        const info = JSON.parse(answer.body);
        const mirrors = info.RegistryConfig?.Mirrors ?? [];
        return Array.isArray(mirrors) && mirrors.every(m => typeof m === 'string')
            ? mirrors
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * `docker exec --detach <container> <argv>` through the API (create the exec, start it
 * detached); false when the socket cannot do it (not reachable, another daemon, no such
 * container), so the caller runs the CLI instead.
 */
async function execDetached(socketPath, container, argv) {
    const created = await call(socketPath, 'POST', `/containers/${encodeURIComponent(container)}/exec`, { Cmd: argv, AttachStdin: false, AttachStdout: false, AttachStderr: false });
    if (created?.status !== 201)
        return false;
    let id;
    try {
        id = JSON.parse(created.body).Id;
    }
    catch {
        return false;
    }
    if (typeof id !== 'string' || !/^[0-9a-f]{64}$/.test(id))
        return false;
    const started = await call(socketPath, 'POST', `/exec/${id}/start`, { Detach: true });
    return started?.status === 200;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./shared/buildset/configure/dockerd.ts





const STOP_TIMEOUT_MS = 60_000;
const START_TIMEOUT_MS = 60_000;
/**
 * The machine's dockerd: pid from its pid file; restart through systemd where docker is a
 * systemd service (GitHub's runners), else by re-executing the same command line with the same
 * output file (a dockerd started by hand, as on the project's CI machines).
 */
class SystemDockerDaemon {
    runner;
    pidFile;
    docker;
    socket;
    constructor(runner, pidFile = '/var/run/docker.pid', docker = 'docker', 
    /** The daemon's API socket, asked for its live mirrors; undefined: `docker info`. */
    socket = dockerSocket(process.env)) {
        this.runner = runner;
        this.pidFile = pidFile;
        this.docker = docker;
        this.socket = socket;
    }
    async reload(until) {
        const pid = await this.pid();
        try {
            process.kill(pid, 'SIGHUP');
        }
        catch (e) {
            // dockerd runs as root; a non-root runner (GitHub-hosted) signals it through sudo.
            if (e.code !== 'EPERM')
                throw e;
            const result = await this.runner.run({
                command: 'sudo',
                args: ['-n', 'kill', '-HUP', String(pid)]
            });
            if (result.code !== 0)
                throw new Error(`sudo -n kill -HUP ${pid} failed: ${result.stderr.trim()}`);
        }
        if (!until)
            return;
        const mirror = until.mirror.replace(/\/*$/, '');
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
            // dockerd normalises mirrors with a trailing slash.
            const live = await this.mirrors();
            if (live !== undefined && live.some(m => m.replace(/\/*$/, '') === mirror) === until.present)
                return;
            await (0,external_node_timers_promises_.setTimeout)(10);
        }
        const what = until.present ? 'pick up' : 'drop';
        throw new Error(`dockerd did not ${what} the registry mirror ${mirror} after SIGHUP`);
    }
    async restart() {
        if (await this.systemdManaged()) {
            const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
            const argv = [...sudo, 'systemctl', 'restart', 'docker'];
            const result = await this.runner.run({ command: argv[0], args: argv.slice(1) });
            if (result.code !== 0)
                throw new Error(`systemctl restart docker failed: ${result.stderr}`);
        }
        else {
            await this.reexec(await this.pid());
        }
        await this.waitUntilUp();
    }
    /**
     * The daemon's live mirrors: from the API socket of the daemon we signal (the reload is
     * applied within milliseconds, and asking the socket costs as little), else from `docker info`.
     */
    async mirrors() {
        if (this.socket) {
            const live = await liveMirrors(this.socket);
            if (live !== undefined)
                return live;
        }
        const args = ['info', '--format', '{{json .RegistryConfig.Mirrors}}'];
        const result = await this.runner.run({ command: this.docker, args });
        if (result.code !== 0)
            return undefined;
        try {
            const value = JSON.parse(result.stdout.trim() || 'null');
            return Array.isArray(value) ? value.filter((m) => typeof m === 'string') : [];
        }
        catch {
            return undefined;
        }
    }
    async pid() {
        const pid = Number((await (0,promises_.readFile)(this.pidFile, 'utf8')).trim());
        if (!Number.isInteger(pid) || pid <= 0)
            throw new Error(`${this.pidFile} holds no pid`);
        return pid;
    }
    async systemdManaged() {
        if (!(0,external_node_fs_.existsSync)('/run/systemd/system'))
            return false;
        const result = await this.runner.run({
            command: 'systemctl',
            args: ['is-active', '--quiet', 'docker']
        });
        return result.code === 0;
    }
    async reexec(pid) {
        const argv = (await (0,promises_.readFile)(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(a => a);
        // argv[0] may be a bare name resolved through a PATH this process does not have.
        argv[0] = await (0,promises_.readlink)(`/proc/${pid}/exe`).catch(() => argv[0]);
        // Keep appending to wherever the running daemon logs (a file, or nowhere).
        const out = await (0,promises_.readlink)(`/proc/${pid}/fd/1`).catch(() => '/dev/null');
        const logFile = out.startsWith('/') && (0,external_node_fs_.existsSync)(out) ? out : '/dev/null';
        process.kill(pid, 'SIGTERM');
        const deadline = Date.now() + STOP_TIMEOUT_MS;
        while ((0,external_node_fs_.existsSync)(`/proc/${pid}`) && Date.now() < deadline)
            await (0,external_node_timers_promises_.setTimeout)(100);
        if ((0,external_node_fs_.existsSync)(`/proc/${pid}`))
            throw new Error(`dockerd (pid ${pid}) did not stop`);
        const fd = (0,external_node_fs_.openSync)(logFile, 'a');
        try {
            const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', fd, fd] });
            child.on('error', () => undefined);
            child.unref();
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    async waitUntilUp() {
        const deadline = Date.now() + START_TIMEOUT_MS;
        while (Date.now() < deadline) {
            const result = await this.runner.run({ command: this.docker, args: ['version'] });
            if (result.code === 0 && result.stdout.includes('Server'))
                return;
            await (0,external_node_timers_promises_.setTimeout)(100);
        }
        throw new Error('dockerd did not come back after the restart');
    }
}

// EXTERNAL MODULE: ./shared/change-index/store.ts
var store = __webpack_require__(9951);
// EXTERNAL MODULE: ./shared/github/changes.ts
var changes = __webpack_require__(6101);
;// CONCATENATED MODULE: ./shared/github/depends-on.ts

const LINE_RE = /^\s*Depends-On:\s*(\S+)\s*$/gim;
const URL_RE = /^https?:\/\/[^/\s]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/pull\/([0-9]+)\/?$/;
const SHORT_RE = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#([0-9]+)$/;
const LOCAL_RE = /^#([0-9]+)$/;
/** `owner/repo#N`, how messages name a change. */
function formatChange(key) {
    return `${key.owner}/${key.repo}#${key.change}`;
}
/**
 * The changes a PR body names in `Depends-On:` lines: `https://<host>/o/r/pull/N`, `o/r#N`, or
 * `#N` (a PR of `base`, the repository the body belongs to). Unparseable values are skipped.
 */
function parseDependsOn(body, base) {
    const out = [];
    for (const match of (body ?? '').matchAll(LINE_RE)) {
        const value = match[1];
        const url = URL_RE.exec(value) ?? SHORT_RE.exec(value);
        const local = LOCAL_RE.exec(value);
        const key = url
            ? { owner: url[1], repo: url[2], change: Number(url[3]) }
            : local
                ? { owner: base.owner, repo: base.repo, change: Number(local[1]) }
                : undefined;
        // A PR body is anyone's text: owner, repository and number must be names and a number
        // before they become an API path (`../..#1` would move it).
        const valid = key && changes/* OWNER_RE */.y_.test(key.owner) && changes/* REPO_RE */.vk.test(key.repo) && (0,changes/* isChangeNumber */.KM)(key.change);
        if (valid && !out.some(k => sameChange(k, key)))
            out.push(key);
    }
    return out;
}
/** GitHub owner and repository names are case-insensitive. */
function sameChange(a, b) {
    return (a.change === b.change &&
        a.owner.toLowerCase() === b.owner.toLowerCase() &&
        a.repo.toLowerCase() === b.repo.toLowerCase());
}
/** The body of a pull request through the API; undefined when it cannot be read (404). */
async function pullRequestBody(github, key) {
    return (await readPull(github, key))?.body;
}
/** A pull request's body and whether it merged; undefined when it cannot be read (404). */
async function readPull(github, key) {
    const pull = await github.get(`/repos/${key.owner}/${key.repo}/pulls/${key.change}`);
    if (pull === undefined)
        return undefined;
    return { body: typeof pull.body === 'string' ? pull.body : '', merged: pull.merged === true };
}
/**
 * Follow `Depends-On:` breadth first from `root` (whose body is given, or fetched when
 * undefined), across repositories; each change is visited once, so cycles end, and the walk is
 * bounded in depth and size. The root itself is never a dependency, nor is a merged change.
 */
async function collectDependencies(github, root, rootBody, options = {}) {
    const maxDepth = options.maxDepth ?? 8;
    const maxChanges = options.maxChanges ?? 50;
    const seen = [root];
    const dependencies = [];
    const unreadable = [];
    let frontier = [
        { key: root, body: rootBody ?? (await pullRequestBody(github, root)), depth: 0 }
    ];
    while (frontier.length > 0) {
        const next = [];
        for (const node of frontier) {
            if (node.depth >= maxDepth)
                continue;
            for (const key of parseDependsOn(node.body, node.key)) {
                if (seen.some(k => sameChange(k, key)) || seen.length > maxChanges)
                    continue;
                seen.push(key);
                const dependency = { key, depth: node.depth + 1, via: node.key };
                const pull = await readPull(github, key);
                if (pull === undefined) {
                    unreadable.push(dependency);
                    continue;
                }
                // A merged change is no longer ahead: promote published its images (and removed its
                // staged ones), so only what it depends on may still be needed.
                if (!pull.merged)
                    dependencies.push(dependency);
                next.push({ key, body: pull.body, depth: node.depth + 1 });
            }
        }
        frontier = next;
    }
    return { dependencies, unreadable };
}

// EXTERNAL MODULE: ./shared/model/buildset-env.ts
var buildset_env = __webpack_require__(4552);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
// EXTERNAL MODULE: ./shared/model/registry-location.ts
var registry_location = __webpack_require__(1893);
;// CONCATENATED MODULE: ./shared/buildset/configure/namespaces.ts



/** The mirror location for a namespace: `host:port` or `host:port/<upstream host>`. */
function mirrorLocation(registry, namespace) {
    const path = (0,buildset_env/* namespacePath */.B3)(namespace);
    return path === '' ? registry : `${registry}/${path}`;
}
/**
 * The final name of a repository stored in the buildset registry (the inverse of
 * buildsetRepository): the first path component is a namespace when it names one of
 * `namespaces` (or `docker.io/`, which build pushes use), or a host written by
 * hostPathComponent (`registry.example_5000` → `registry.example:5000`); otherwise the image is
 * docker.io's.
 */
function finalNameOf(stored, namespaces) {
    const slash = stored.indexOf('/');
    const first = slash === -1 ? '' : stored.slice(0, slash);
    const rest = stored.slice(slash + 1);
    if (first !== '') {
        const known = namespaces.find(ns => (0,buildset_env/* namespacePath */.B3)(ns) === first);
        if (known)
            return { registry: known, repository: rest };
        if (first === reference/* DOCKER_HUB */.Xb)
            return { registry: reference/* DOCKER_HUB */.Xb, repository: rest };
        const host = (0,registry_location/* hostOfPathComponent */.q2)(first);
        if (host)
            return { registry: host, repository: rest };
    }
    return { registry: reference/* DOCKER_HUB */.Xb, repository: stored };
}

;// CONCATENATED MODULE: ./shared/buildset/configure/buildx.ts

/** The builder this action creates and selects. */
const BUILDER_NAME = 'imagegate';
const quote = (s) => JSON.stringify(s);
/**
 * buildkitd.toml for the builder: every namespace mirrored to the buildset registry (BuildKit,
 * unlike dockerd, mirrors any registry), and the registry's CA trusted.
 */
function buildkitdToml(registry, namespaces, caCertPath) {
    const lines = ['# Written by the imagegate buildset-registry action.'];
    for (const ns of namespaces) {
        lines.push(`[registry.${quote(ns)}]`, `  mirrors = [${quote(mirrorLocation(registry, ns))}]`);
    }
    lines.push(`[registry.${quote(registry)}]`, `  ca = [${quote(caCertPath)}]`);
    return `${lines.join('\n')}\n`;
}
/** `docker buildx create` for our builder: docker-container driver on the host network, selected. */
function buildxCreateArgs(configPath) {
    return [
        'buildx',
        'create',
        '--name',
        BUILDER_NAME,
        '--driver',
        'docker-container',
        '--driver-opt',
        'network=host',
        '--buildkitd-config',
        configPath,
        '--use',
        '--bootstrap'
    ];
}
/** `docker buildx rm` for our builder (post); buildx then falls back to the default builder. */
function buildxRemoveArgs() {
    return ['buildx', 'rm', '--force', BUILDER_NAME];
}
/** `docker buildx version`: whether buildx exists on this machine at all. */
function buildxVersionArgs() {
    return ['buildx', 'version'];
}

;// CONCATENATED MODULE: ./shared/buildset/configure/docker-config.ts

/** `{"auth": base64(user:password)}`, the docker config / containers auth file entry. */
function authEntry(username, password) {
    return { auth: Buffer.from(`${username}:${password}`).toString('base64') };
}
/** Parse a JSON config file that may be absent or empty; anything but an object is an error. */
function parseJsonObject(text, path) {
    if (text === undefined || text.trim() === '')
        return {};
    const value = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error(`${path} does not hold a JSON object`);
    }
    return value;
}
/** Add our `auths` entry to a docker-style auth file (docker config.json, containers auth.json). */
async function addAuth(journal, path, registry, endpoint) {
    const config = parseJsonObject(await journal.read(path), path);
    const auths = { ...config.auths };
    auths[registry] = authEntry(endpoint.username, endpoint.password);
    const text = `${JSON.stringify({ ...config, auths }, null, '\t')}\n`;
    await journal.write(path, text, 'json-auth', { key: registry }, 0o600);
}
/** The URL daemon.json lists for the read-only twin. */
function mirrorUrl(endpoint) {
    return `http://${endpoint.mirror}`;
}
/** `registry-mirrors` with ours first and every existing entry kept (Zuul replaces them). */
function mergeMirrors(daemon, ours) {
    const existing = Array.isArray(daemon['registry-mirrors']) ? daemon['registry-mirrors'] : [];
    return [ours, ...existing.filter(m => m !== ours)];
}
/**
 * Configure the docker engine: the CA under certs.d, our credentials
 * in the CLI config, and (when docker.io is mirrored) the read-only twin first in
 * `registry-mirrors`. Returns whether daemon.json changed, i.e. whether dockerd must reload.
 */
async function configureDocker(journal, paths, endpoint, mirrorDockerHub) {
    const ca = (0,external_node_path_.join)(paths.dockerCertsDir, endpoint.registry, 'ca.crt');
    await journal.write(ca, endpoint.caCert, 'owned');
    await addAuth(journal, paths.dockerConfig, endpoint.registry, endpoint);
    if (!mirrorDockerHub || !endpoint.mirror)
        return false;
    const url = mirrorUrl(endpoint);
    const daemon = parseJsonObject(await journal.read(paths.daemonJson), paths.daemonJson);
    const addedList = !Array.isArray(daemon['registry-mirrors']);
    const text = `${JSON.stringify({ ...daemon, 'registry-mirrors': mergeMirrors(daemon, url) }, null, 2)}\n`;
    await journal.write(paths.daemonJson, text, 'json-mirror', { key: url, addedList });
    return true;
}

;// CONCATENATED MODULE: ./shared/buildset/configure/containers-config.ts



/** Our drop-in's name: read last (drop-ins load in lexical order), so it wins for its prefixes. */
const DROP_IN_NAME = 'zz-imagegate-buildset.conf';
const containers_config_quote = (s) => JSON.stringify(s);
/**
 * A registries.conf (v2) drop-in: for each namespace the buildset registry as the first mirror,
 * the upstream itself (`location`) as the fall-back when the mirror lacks an image.
 */
function registriesDropIn(registry, namespaces) {
    const lines = ['# Written by the imagegate buildset-registry action; removed by its post step.'];
    for (const ns of namespaces) {
        lines.push('', '[[registry]]', `prefix = ${containers_config_quote(ns)}`, `location = ${containers_config_quote(ns)}`, '', '[[registry.mirror]]', `location = ${containers_config_quote(mirrorLocation(registry, ns))}`);
    }
    return `${lines.join('\n')}\n`;
}
/**
 * Configure podman, buildah and skopeo (containers/image): the drop-in, our CA in containers
 * certs.d and the credentials in the containers auth file.
 */
async function configureContainers(journal, paths, endpoint, namespaces) {
    const dropIn = registriesDropIn(endpoint.registry, namespaces);
    await journal.write((0,external_node_path_.join)(paths.registriesConfDir, DROP_IN_NAME), dropIn, 'owned');
    const ca = (0,external_node_path_.join)(paths.containersCertsDir, endpoint.registry, 'ca.crt');
    await journal.write(ca, endpoint.caCert, 'owned');
    await addAuth(journal, paths.containersAuthFile, endpoint.registry, endpoint);
}

;// CONCATENATED MODULE: ./shared/buildset/configure/configure.ts








/** Where the docker CLI looks for plugins such as docker-buildx (user directory first). */
function cliPluginDirs(env) {
    return [
        (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'cli-plugins'),
        '/usr/local/lib/docker/cli-plugins',
        '/usr/local/libexec/docker/cli-plugins',
        '/usr/lib/docker/cli-plugins',
        '/usr/libexec/docker/cli-plugins'
    ];
}
/**
 * Which runtimes exist here: docker (a daemon answers; `dockerKnown` when running the registry
 * with docker proved it already), buildx (its plugin is installed and runs), and
 * podman/buildah/skopeo (one of them on PATH). Commands run only where a file check cannot
 * answer: each costs a process start, and this runs while the registry's container starts.
 */
async function detectRuntimes(deps, dockerKnown = false) {
    const { env } = deps;
    const ok = async (command, args) => (await deps.runner.run({ command, args })).code === 0;
    const docker = dockerKnown || (await ok('docker', ['version', '--format', '{{.Server.Version}}']));
    const buildx = docker &&
        cliPluginDirs(env).some(dir => isExecutable((0,external_node_path_.join)(dir, 'docker-buildx'))) &&
        (await ok('docker', buildxVersionArgs()));
    const podman = ['podman', 'buildah', 'skopeo'].some(name => onPath(name, env));
    const found = [];
    if (docker)
        found.push('docker');
    if (buildx)
        found.push('buildx');
    if (podman)
        found.push('podman');
    return found;
}
function onPath(name, env) {
    return (env.PATH ?? '').split(external_node_path_.delimiter).some(dir => dir !== '' && isExecutable((0,external_node_path_.join)(dir, name)));
}
function isExecutable(path) {
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
/** Point every requested runtime at the buildset registry; see the issue's "Use" section. */
async function configureRuntimes(deps, journal, req) {
    let dockerMirror;
    let builder;
    if (req.runtimes.includes('docker')) {
        const mirrorHub = req.namespaces.includes(reference/* DOCKER_HUB */.Xb);
        const reload = await configureDocker(journal, deps.paths, req.endpoint, mirrorHub);
        if (reload)
            dockerMirror = mirrorUrl(req.endpoint);
        if (reload && req.restartDocker) {
            deps.log.info('Restarting dockerd so BuildKit FROM uses the mirror too (restart-docker)');
            await deps.dockerd.restart();
        }
        else if (reload) {
            await deps.dockerd.reload({ mirror: mirrorUrl(req.endpoint), present: true });
        }
        deps.log.info(`docker: CA in ${deps.paths.dockerCertsDir}, auth in ${deps.paths.dockerConfig}`);
    }
    if (req.runtimes.includes('podman')) {
        await configureContainers(journal, deps.paths, req.endpoint, req.namespaces);
        deps.log.info(`podman/buildah/skopeo: mirrors in ${deps.paths.registriesConfDir}`);
    }
    if (req.runtimes.includes('buildx')) {
        const toml = (0,external_node_path_.join)(req.rootDir, 'buildkitd.toml');
        await (0,promises_.writeFile)(toml, buildkitdToml(req.endpoint.registry, req.namespaces, req.caCertFile));
        const result = await deps.runner.run({ command: 'docker', args: buildxCreateArgs(toml) });
        if (result.code !== 0)
            throw new Error(`docker buildx create failed: ${result.stderr.trim()}`);
        builder = BUILDER_NAME;
        req.onBuilder(builder);
        deps.log.info(`buildx: builder ${BUILDER_NAME} selected`);
    }
    return { runtimes: req.runtimes, ...(dockerMirror && { dockerMirror }), ...(builder && { builder }) };
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./shared/buildset/start/container.ts





/** Where the registry image expects things (registry:2 and its look-alikes). */
const IN_CONTAINER = {
    config: '/etc/docker/registry/config.yml',
    tls: '/imagegate/tls',
    auth: '/imagegate/auth',
    storage: '/var/lib/registry',
    mirrorConfig: '/imagegate/mirror.yml'
};
/**
 * `<docker|podman> run` argv for one registry container. It runs as the calling user, so the
 * storage it writes under RUNNER_TEMP stays ours to cache and delete; `--restart=always` brings
 * it back after a dockerd restart (restart-docker).
 */
function runArgs(spec, uid = process.getuid?.(), gid = process.getgid?.()) {
    const args = ['run', '--detach', '--name', spec.name, '--restart=always'];
    if (uid !== undefined && gid !== undefined)
        args.push('--user', `${uid}:${gid}`);
    for (const [k, v] of Object.entries(spec.labels))
        args.push('--label', `${k}=${v}`);
    if (spec.network)
        args.push('--network', spec.network.name, '--ip', spec.network.ip);
    if (spec.publish) {
        for (const address of spec.publish.addresses)
            args.push('--publish', `${address}:${spec.publish.port}:5000`);
    }
    if (spec.mirror) {
        args.push('--publish', `127.0.0.1:${spec.mirror.port}:${spec.mirror.containerPort}`);
        args.push('--volume', `${spec.mirror.configFile}:${IN_CONTAINER.mirrorConfig}:ro`);
    }
    args.push('--volume', `${spec.configFile}:${IN_CONTAINER.config}:ro`);
    args.push('--volume', `${spec.tlsDir}:${IN_CONTAINER.tls}:ro`);
    if (spec.authDir)
        args.push('--volume', `${spec.authDir}:${IN_CONTAINER.auth}:ro`);
    args.push('--volume', `${spec.storageDir}:${IN_CONTAINER.storage}`);
    args.push(spec.image);
    return args;
}
/** Start a container; throws with the engine's message when it does not start. */
async function startContainer(runner, command, spec) {
    const result = await runner.run({ command, args: runArgs(spec) });
    if (result.code !== 0) {
        throw new Error(`${command} run ${spec.image} failed: ${result.stderr.trim()}`);
    }
}
/** The engine's words when a `--publish` address is on no interface of the host. */
const ADDRESS_GONE = /cannot assign requested address/i;
/**
 * Start a container that publishes its port on host addresses read a moment before. A bridge
 * can go away in between (podman removes its bridge when its last container stops), and the
 * engine then refuses the start: start again on the addresses `present` still lists, after
 * removing the container the refused start left created. Loopback is always kept.
 */
async function startOnPresentAddresses(runner, command, spec, present) {
    for (let current = spec;;) {
        try {
            return await startContainer(runner, command, current);
        }
        catch (error) {
            const publish = current.publish;
            if (!publish || !ADDRESS_GONE.test(String(error)))
                throw error;
            const live = new Set(['127.0.0.1', ...present()]);
            const addresses = publish.addresses.filter(a => live.has(a));
            if (addresses.length === publish.addresses.length)
                throw error;
            await removeContainer(runner, command, current.name);
            current = { ...current, publish: { ...publish, addresses } };
        }
    }
}
/**
 * `exec --detach`: the read-only twin as a second `registry serve` in the running container
 * (registry:2 and its look-alikes have `registry` on the PATH). With docker, through dockerd's
 * socket when it answers (no CLI start on the start-up's critical path), else the CLI. Throws
 * with the engine's message.
 */
async function startMirrorProcess(runner, command, spec, dockerSocket) {
    const argv = ['registry', 'serve', IN_CONTAINER.mirrorConfig];
    if (command === 'docker' && dockerSocket && (await execDetached(dockerSocket, spec.name, argv)))
        return;
    const args = ['exec', '--detach', spec.name, ...argv];
    const result = await runner.run({ command, args });
    if (result.code !== 0) {
        throw new Error(`${command} exec registry serve (the read-only twin) failed in ${spec.image}: ${result.stderr.trim()}`);
    }
}
/** `rm --force` (stop and remove); true when it existed. */
async function removeContainer(runner, command, name) {
    const result = await runner.run({ command, args: ['rm', '--force', '--volumes', name] });
    return result.code === 0;
}
/** A free TCP port on all interfaces (bound and released: the container binds it next). */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
        server.on('error', reject);
        server.listen(0, () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}
/**
 * Poll `<url>/v2/` (over HTTPS trusting only `ca`, or plain HTTP without one) until it answers
 * `want` (401 for the authenticated registry, 200 for the anonymous mirror).
 */
async function waitForRegistry(url, ca, want, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
        try {
            const status = await getStatus(`${url}/v2/`, ca);
            if (status === want)
                return;
            last = `HTTP ${status}`;
        }
        catch (e) {
            last = e.message;
        }
        await (0,external_node_timers_promises_.setTimeout)(15);
    }
    throw new Error(`the registry at ${url} did not answer /v2/ with ${want} (last: ${last})`);
}
function getStatus(url, ca) {
    return new Promise((resolve, reject) => {
        const send = url.startsWith('https:') ? external_node_https_.request : external_node_http_.request;
        const req = send(url, { ...(ca && { ca }), agent: false }, res => {
            res.resume();
            resolve(res.statusCode ?? 0);
        });
        req.setTimeout(2000, () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end();
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./shared/buildset/configure/file-edits.ts



const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/** Records every file edit so post can undo it; backups live in `backupDir`. */
class FileEditJournal {
    fs;
    backupDir;
    onChange;
    edits = [];
    constructor(fs, backupDir, existing = [], onChange = () => undefined) {
        this.fs = fs;
        this.backupDir = backupDir;
        this.onChange = onChange;
        this.edits.push(...existing);
    }
    /** The file's current text, or undefined when it does not exist. */
    async read(path) {
        return (await this.fs.readFile(path))?.toString('utf8');
    }
    /** Back up `path` (first edit only), then write `content` with `mode` for new files. */
    async write(path, content, kind, extra = {}, mode = 0o644) {
        const earlier = this.edits.findIndex(e => e.path === path);
        let edit;
        if (earlier !== -1) {
            edit = this.edits[earlier];
        }
        else {
            const createdDirs = await this.fs.mkdirp((0,external_node_path_.dirname)(path));
            let backup;
            const original = await this.fs.readFile(path);
            if (original !== undefined) {
                // Backups live in our own RUNNER_TEMP folder: written directly, whoever owns the file.
                await (0,promises_.mkdir)(this.backupDir, { recursive: true, mode: 0o700 });
                backup = (0,external_node_path_.join)(this.backupDir, `${this.edits.length}-${sha256(path).slice(0, 12)}`);
                // copyFile keeps the mode, which restoring a deleted file needs; a file we may not read
                // directly (sudo read it) keeps only its bytes.
                await (0,promises_.copyFile)(path, backup).catch(() => (0,promises_.writeFile)(backup, original, { mode: 0o600 }));
            }
            edit = { path, kind, createdDirs, ...(backup && { backup }), ...extra };
        }
        // Writing an existing file keeps its inode, owner and mode.
        await this.fs.writeFile(path, content, mode);
        const record = { ...edit, written: sha256(content) };
        if (earlier !== -1)
            this.edits[earlier] = record;
        else
            this.edits.push(record);
        this.onChange(this.edits);
    }
}
/** Undo every edit, last first; returns the problems instead of stopping at the first. */
async function restoreEdits(edits, fs) {
    const problems = [];
    for (const edit of [...edits].reverse()) {
        try {
            await restoreOne(edit, fs);
        }
        catch (e) {
            problems.push(`${edit.path}: ${e.message}`);
        }
    }
    return problems;
}
async function restoreOne(edit, fs) {
    const current = await fs.readFile(edit.path);
    if (current === undefined || sha256(current) === edit.written || edit.kind === 'owned') {
        // Rewriting an existing file keeps its inode, owner and mode; a deleted one is copied back.
        if (edit.backup && current !== undefined)
            await fs.writeFile(edit.path, await (0,promises_.readFile)(edit.backup));
        else if (edit.backup)
            await fs.copyFile(edit.backup, edit.path);
        else if (current !== undefined)
            await fs.unlink(edit.path);
    }
    else {
        // Changed by a later step: take out only what we added, keep theirs.
        const value = JSON.parse(current.toString('utf8'));
        const left = edit.kind === 'json-auth' ? withoutAuth(value, edit) : withoutMirror(value, edit);
        await fs.writeFile(edit.path, `${JSON.stringify(left, null, '\t')}\n`);
    }
    if (edit.backup)
        await (0,promises_.rm)(edit.backup, { force: true });
    for (const dir of [...edit.createdDirs].reverse())
        await fs.rmdir(dir).catch(() => undefined);
}
function withoutAuth(value, edit) {
    const auths = { ...value.auths };
    delete auths[edit.key ?? ''];
    return { ...value, auths };
}
function withoutMirror(value, edit) {
    const mirrors = value['registry-mirrors'] ?? [];
    const left = mirrors.filter(m => m !== edit.key);
    const rest = { ...value };
    delete rest['registry-mirrors'];
    return left.length === 0 && edit.addedList ? rest : { ...rest, 'registry-mirrors': left };
}

;// CONCATENATED MODULE: ./shared/buildset/system-fs.ts



const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);
/** The SystemFs for this process: sudo is tried only after a permission error, and never as root. */
function systemFs(runner, isRoot = process.getuid?.() === 0) {
    const sudo = async (args, input) => {
        const command = {
            command: 'sudo',
            args: ['-n', ...args],
            ...(input !== undefined && { input })
        };
        const result = await runner.run(command);
        if (result.code !== 0) {
            throw new Error(`sudo -n ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
        }
        return result.stdout;
    };
    const orSudo = async (direct, privileged) => {
        try {
            return await direct();
        }
        catch (e) {
            if (isRoot || !DENIED.has(e.code ?? ''))
                throw e;
            return privileged();
        }
    };
    return {
        readFile: path => (0,external_node_fs_.existsSync)(path)
            ? orSudo(() => (0,promises_.readFile)(path), async () => Buffer.from(await sudo(['cat', '--', path])))
            : Promise.resolve(undefined),
        writeFile: (path, content, mode = 0o644) => orSudo(() => (0,promises_.writeFile)(path, content, { mode }), async () => {
            const isNew = !(0,external_node_fs_.existsSync)(path);
            // dd rather than tee: nothing (an auth entry, say) is echoed back.
            await sudo(['dd', `of=${path}`, 'status=none'], content.toString());
            if (isNew)
                await sudo(['chmod', mode.toString(8), '--', path]);
        }),
        mkdirp: async (dir) => {
            const missing = [];
            for (let d = dir; !(0,external_node_fs_.existsSync)(d); d = (0,external_node_path_.dirname)(d))
                missing.unshift(d);
            if (missing.length > 0) {
                await orSudo(() => (0,promises_.mkdir)(dir, { recursive: true }).then(() => undefined), () => sudo(['mkdir', '-p', '--', dir]).then(() => undefined));
            }
            return missing;
        },
        copyFile: (from, to) => orSudo(() => (0,promises_.copyFile)(from, to), () => sudo(['cp', '--', from, to]).then(() => undefined)),
        unlink: path => orSudo(() => (0,promises_.unlink)(path), () => sudo(['rm', '-f', '--', path]).then(() => undefined)),
        rmdir: path => orSudo(() => (0,promises_.rmdir)(path), () => sudo(['rmdir', '--', path]).then(() => undefined))
    };
}

;// CONCATENATED MODULE: ./shared/buildset/share/populate.ts



/**
 * Copy the images of every dependency (from its change index in the intermediate registry) into
 * the buildset registry under their final names, every platform. Farther changes go first, so
 * a nearer change's image wins when two stage the same name (Zuul: later artifacts overwrite).
 * Missing indexes warn, or with `require` fail after everything else was copied.
 */
async function populateFromChanges(deps, graph, buildset, require) {
    const problems = [];
    const report = (message) => require ? problems.push(message) : deps.log.warning(message);
    for (const d of graph.unreadable)
        report(`${describe(d)} cannot be read through the GitHub API`);
    const ordered = [...graph.dependencies].sort((a, b) => b.depth - a.depth);
    const copied = new Map();
    for (const dependency of ordered) {
        const index = await deps.readIndex(dependency.key);
        if (!index) {
            report(`${describe(dependency)} has no change index in the intermediate registry (no images staged yet?)`);
            continue;
        }
        await deps.log.group(`Speculative images of ${formatChange(dependency.key)}`, async () => {
            for (const entry of index.images) {
                const staged = (0,reference/* parseReference */.F2)(entry.staged, 'staged');
                const dest = (0,buildset_env/* buildsetRepository */.Px)(buildset, (0,reference/* parseRepositoryName */.$M)(entry.repository));
                const source = {
                    registry: staged.registry,
                    repository: staged.repository,
                    digest: entry.digest
                };
                await deps.registry.copy(source, dest, [entry.tag]);
                const image = `${entry.repository}:${entry.tag}`;
                deps.log.info(`${image} ← ${(0,reference/* formatReference */.FH)(source)}`);
                copied.set(image, {
                    image,
                    digest: entry.digest,
                    stored: (0,reference/* formatReference */.FH)({ ...dest, tag: entry.tag }),
                    change: formatChange(dependency.key)
                });
            }
        });
    }
    if (problems.length > 0) {
        throw new Error(`require-dependencies: ${problems.join('; ')}`);
    }
    return [...copied.values()];
}
function describe(d) {
    return `Depends-On ${formatChange(d.key)} (named by ${formatChange(d.via)})`;
}

// EXTERNAL MODULE: ./shared/model/structured-input.ts
var structured_input = __webpack_require__(4728);
;// CONCATENATED MODULE: ./shared/buildset/root-change.ts

/**
 * The PR body `Depends-On:` lines are read from: the event's for pull_request events; undefined
 * (fetch it) for another PR, for merge_group, whose event carries no body, and for everything else.
 */
function rootBody(ctx, change) {
    if (ctx.eventName !== 'pull_request' && ctx.eventName !== 'pull_request_target')
        return undefined;
    const payload = (0,structured_input/* isMapping */.pi)(ctx.payload) ? ctx.payload : {};
    const pr = (0,structured_input/* isMapping */.pi)(payload.pull_request) ? payload.pull_request : {};
    // A `change` input naming another PR: its body must be fetched.
    if (pr.number !== change)
        return undefined;
    return typeof pr.body === 'string' ? pr.body : pr.body === null ? '' : undefined;
}

;// CONCATENATED MODULE: ./shared/buildset/share/share.ts



/** The registry storage could not be saved, so jobs that restore it would start empty. */
class ShareNotSavedError extends Error {
    name = 'ShareNotSavedError';
}
/** Cache keys: unique to the run and attempt; restore falls back to earlier attempts of the run. */
function shareKeys(runId, attempt) {
    return {
        key: `imagegate-buildset-${runId}-${attempt}`,
        prefixes: [`imagegate-buildset-${runId}-`]
    };
}
/**
 * Cache keys of one part of a distributed build (a platform job's storage): a prefix of their
 * own, so the run's shared key's fall-back prefix never restores a part.
 */
function partKeys(runId, attempt, part) {
    const prefix = `imagegate-buildset-part-${part.replace(/\//g, '-')}-${runId}-`;
    return { key: `${prefix}${attempt}`, prefixes: [prefix] };
}
/**
 * The GitHub Actions cache (@actions/cache), the backend on runners, loaded on first use: it is
 * most of the action's bundle, and a job that shares nothing should not pay for loading it. Its
 * saveCache does not throw when the service refuses the entry, the upload fails or the cache
 * mode forbids writes: it logs a warning and returns -1. A lookup then tells "another job saved
 * this key" from "nothing was saved".
 */
function cacheBackend(load) {
    return {
        async save(dir, key) {
            const cache = await load();
            const id = await cache.saveCache([dir], key);
            if (id !== -1)
                return true;
            const existing = await cache.restoreCache([dir], key, [], { lookupOnly: true });
            if (existing === key)
                return false;
            throw new ShareNotSavedError(`the Actions cache did not save ${key} (its warning in the log says why), so jobs that restore it would start with an empty buildset registry`);
        },
        restore: async (dir, key, prefixes) => (await load()).restoreCache([dir], key, [...prefixes])
    };
}
/** A directory of copies, one sub-directory per key (tests, self-hosted runners with a share). */
function directoryBackend(root) {
    return {
        async save(dir, key) {
            const target = (0,external_node_path_.join)(root, key);
            if ((0,external_node_fs_.existsSync)(target))
                return false;
            await (0,promises_.mkdir)(root, { recursive: true });
            await (0,promises_.cp)(dir, `${target}.partial`, { recursive: true });
            // A half-written copy must never be restored: it only gets its name when complete.
            await (0,promises_.rename)(`${target}.partial`, target);
            return true;
        },
        async restore(dir, key, prefixes) {
            let found = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, key)) ? key : undefined;
            if (!found && (0,external_node_fs_.existsSync)(root)) {
                const candidates = (await (0,promises_.readdir)(root)).filter(k => !k.endsWith('.partial') && prefixes.some(p => k.startsWith(p)));
                const dated = await Promise.all(candidates.map(async (k) => ({ k, t: (await (0,promises_.stat)((0,external_node_path_.join)(root, k))).mtimeMs })));
                found = dated.sort((a, b) => b.t - a.t)[0]?.k;
            }
            if (found)
                await (0,promises_.cp)((0,external_node_path_.join)(root, found), dir, { recursive: true });
            return found;
        }
    };
}

;// CONCATENATED MODULE: ./shared/buildset/publish/snapshot.ts



const REPOSITORIES = 'docker/registry/v2/repositories';
/**
 * Every tag in a distribution registry's filesystem storage, read from disk rather than over
 * `/_catalog` (no auth, no paging, and it works after the container stopped): each repository
 * directory holds `_manifests/tags/<tag>/current/link` with the digest.
 */
async function snapshotTags(storageDir) {
    const root = (0,external_node_path_.join)(storageDir, REPOSITORIES);
    const out = {};
    if (!(0,external_node_fs_.existsSync)(root))
        return out;
    const walk = async (dir, name) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        for (const entry of entries) {
            if (!entry.isDirectory())
                continue;
            if (entry.name === '_manifests') {
                await readTags((0,external_node_path_.join)(dir, '_manifests/tags'), name, out);
            }
            else if (!entry.name.startsWith('_')) {
                await walk((0,external_node_path_.join)(dir, entry.name), name === '' ? entry.name : `${name}/${entry.name}`);
            }
        }
    };
    await walk(root, '');
    return out;
}
async function readTags(dir, repository, out) {
    if (!(0,external_node_fs_.existsSync)(dir))
        return;
    for (const tag of await (0,promises_.readdir)(dir)) {
        const link = (0,external_node_path_.join)(dir, tag, 'current/link');
        if (!(0,external_node_fs_.existsSync)(link))
            continue;
        const digest = (await (0,promises_.readFile)(link, 'utf8')).trim();
        if (digest.startsWith('sha256:'))
            out[`${repository}:${tag}`] = digest;
    }
}
/** Tags that are new or moved since `before`, as [repository, tag, digest]. */
function changedTags(before, after) {
    return Object.entries(after)
        .filter(([key, digest]) => before[key] !== digest)
        .map(([key, digest]) => {
        const colon = key.lastIndexOf(':');
        return [key.slice(0, colon), key.slice(colon + 1), digest];
    });
}

;// CONCATENATED MODULE: ./shared/buildset/start/der.ts
/**
 * The few DER (ITU-T X.690) encodings an X.509 certificate needs: lengths, the universal types
 * and the context-specific tags. Every function returns the complete encoding (tag, length,
 * content).
 */
/** One TLV: `tag`, the definite length, `content`. */
function tlv(tag, content) {
    const n = content.length;
    let length;
    if (n < 0x80) {
        length = Buffer.from([n]);
    }
    else {
        const bytes = [];
        for (let rest = n; rest > 0; rest = Math.floor(rest / 256))
            bytes.unshift(rest % 256);
        length = Buffer.from([0x80 | bytes.length, ...bytes]);
    }
    return Buffer.concat([Buffer.from([tag]), length, content]);
}
const sequence = (...items) => tlv(0x30, Buffer.concat(items));
const set = (...items) => tlv(0x31, Buffer.concat(items));
const der_boolean = (value) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const octetString = (bytes) => tlv(0x04, bytes);
const utf8String = (text) => tlv(0x0c, Buffer.from(text, 'utf8'));
/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
function unsignedInteger(bytes) {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0)
        start++;
    const trimmed = bytes.subarray(start);
    return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}
const smallInteger = (value) => unsignedInteger(Buffer.from([value]));
/** A BIT STRING of whole bytes, or of `bits` significant bits of `bytes`. */
function bitString(bytes, bits = bytes.length * 8) {
    return tlv(0x03, Buffer.concat([Buffer.from([bytes.length * 8 - bits]), bytes]));
}
/** An OBJECT IDENTIFIER from its dotted form. */
function objectIdentifier(dotted) {
    const [first, second, ...rest] = dotted.split('.').map(Number);
    const bytes = [first * 40 + second];
    for (const arc of rest) {
        const groups = [arc & 0x7f];
        for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) {
            groups.unshift(0x80 | (v & 0x7f));
        }
        bytes.push(...groups);
    }
    return tlv(0x06, Buffer.from(bytes));
}
/** UTCTime (RFC 5280: years up to 2049), else GeneralizedTime, in UTC to the second. */
function time(date) {
    const iso = date
        .toISOString()
        .replace(/[-:T]/g, '')
        .replace(/\.[0-9]+Z$/, 'Z');
    return date.getUTCFullYear() < 2050
        ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii'))
        : tlv(0x18, Buffer.from(iso, 'ascii'));
}
/** `[n]` EXPLICIT: a constructed context-specific tag around complete encodings. */
const explicit = (n, ...items) => tlv(0xa0 | n, Buffer.concat(items));
/** `[n]` IMPLICIT on a primitive: the content with a context-specific tag. */
const implicit = (n, content) => tlv(0x80 | n, content);

;// CONCATENATED MODULE: ./shared/buildset/start/pki.ts



/** The object identifiers the two certificates use (RFC 5280, RFC 5758). */
const OID = {
    ecdsaWithSha256: '1.2.840.10045.4.3.2',
    commonName: '2.5.4.3',
    subjectKeyIdentifier: '2.5.29.14',
    keyUsage: '2.5.29.15',
    subjectAltName: '2.5.29.17',
    basicConstraints: '2.5.29.19',
    authorityKeyIdentifier: '2.5.29.35',
    extKeyUsage: '2.5.29.37',
    serverAuth: '1.3.6.1.5.5.7.3.1'
};
const CA_NAME = 'imagegate buildset registry CA';
/**
 * A fresh CA and a server certificate it signed for `sans` (DNS names and IP addresses), valid
 * for `days`, encoded here and signed by node's crypto. ECDSA P-256: a key takes well under a
 * millisecond, where an RSA-2048 key took 100-400 ms of the registry's start-up, and no
 * certificate library has to be loaded with the action.
 */
function generateRegistryTls(sans, now = new Date(), days = 7) {
    const ca = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    const server = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    const caKeyId = keyIdentifier(ca.publicKey);
    const validity = { now, days };
    const caCert = certificate(ca.publicKey, CA_NAME, CA_NAME, validity, ca.privateKey, [
        extension(OID.basicConstraints, sequence(der_boolean(true), smallInteger(0)), true),
        // keyCertSign (bit 5) and cRLSign (bit 6).
        extension(OID.keyUsage, bitString(Buffer.from([0x06]), 7), true),
        extension(OID.subjectKeyIdentifier, octetString(caKeyId))
    ]);
    const serverCert = certificate(server.publicKey, 'buildset-registry', CA_NAME, validity, ca.privateKey, [
        extension(OID.basicConstraints, sequence(), true),
        // digitalSignature (bit 0): the only use of an ECDSA server key.
        extension(OID.keyUsage, bitString(Buffer.from([0x80]), 1), true),
        extension(OID.extKeyUsage, sequence(objectIdentifier(OID.serverAuth))),
        extension(OID.subjectAltName, sequence(...altNames(sans))),
        extension(OID.authorityKeyIdentifier, sequence(implicit(0, caKeyId)))
    ]);
    return {
        caCert,
        serverCert,
        serverKey: server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    };
}
/** An X.509 v3 certificate for `publicKey`, signed by `signer` with ECDSA-SHA256, as PEM. */
function certificate(publicKey, subject, issuer, validity, signer, extensions) {
    const algorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
    // Positive 16-byte serial.
    const serial = (0,external_node_crypto_.randomBytes)(16);
    serial[0] &= 0x7f;
    const tbs = sequence(explicit(0, smallInteger(2)), unsignedInteger(serial), algorithm, pki_name(issuer), sequence(
    // An hour of slack for clocks of containers that check the certificate.
    time(new Date(validity.now.getTime() - 3_600_000)), time(new Date(validity.now.getTime() + validity.days * 86_400_000))), pki_name(subject), publicKey.export({ type: 'spki', format: 'der' }), explicit(3, sequence(...extensions)));
    const der = sequence(tbs, algorithm, bitString((0,external_node_crypto_.sign)('sha256', tbs, signer)));
    const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
    return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
}
/** A Name with one commonName. */
function pki_name(commonName) {
    return sequence(set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))));
}
function extension(oid, value, critical = false) {
    return sequence(objectIdentifier(oid), ...(critical ? [der_boolean(true)] : []), octetString(value));
}
/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey (the uncompressed point). */
function keyIdentifier(publicKey) {
    const jwk = publicKey.export({ format: 'jwk' });
    const point = Buffer.concat([
        Buffer.from([0x04]),
        Buffer.from(jwk.x, 'base64url'),
        Buffer.from(jwk.y, 'base64url')
    ]);
    return (0,external_node_crypto_.createHash)('sha1').update(point).digest();
}
/** SAN entries: IP addresses as iPAddress, everything else as dNSName; duplicates dropped. */
function altNames(sans) {
    return [...new Set(sans)].map(san => (0,external_node_net_.isIPv4)(san) || (0,external_node_net_.isIPv6)(san) ? implicit(7, ipBytes(san)) : implicit(2, Buffer.from(san, 'ascii')));
}
function ipBytes(ip) {
    if ((0,external_node_net_.isIPv4)(ip))
        return Buffer.from(ip.split('.').map(Number));
    const [head, tail = ''] = ip.split('::');
    const groups = (part) => (part === '' ? [] : part.split(':'));
    const before = groups(head);
    const after = groups(tail);
    const all = ip.includes('::')
        ? [...before, ...Array(8 - before.length - after.length).fill('0'), ...after]
        : before;
    return Buffer.from(all.flatMap(g => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

;// CONCATENATED MODULE: ./shared/buildset/start/registry-config.ts


/** The twin's port inside the container (the primary has the image's 5000). */
const MIRROR_PORT_IN_CONTAINER = 5001;
/**
 * The registry's config.yml (JSON is YAML): filesystem storage with deletion enabled, and either
 * TLS + htpasswd (the read-write registry) or, for the twin dockerd mirrors through, plain HTTP,
 * no auth and read-only storage. dockerd sends a mirror the client's docker.io credentials,
 * never ours, so a mirror can only be anonymous; and dockerd's embedded BuildKit speaks plain
 * HTTP to loopback registries. The twin, a second process in the registry's container, listens
 * on its own port, published on 127.0.0.1 only.
 */
function registryConfig(kind, httpSecret) {
    const config = {
        version: '0.1',
        log: { level: 'info', formatter: 'text', accesslog: { disabled: false } },
        storage: {
            filesystem: { rootdirectory: IN_CONTAINER.storage },
            delete: { enabled: true },
            maintenance: {
                uploadpurging: { enabled: false },
                ...(kind === 'mirror' && { readonly: { enabled: true } })
            }
        },
        http: {
            addr: kind === 'primary' ? ':5000' : `:${MIRROR_PORT_IN_CONTAINER}`,
            secret: httpSecret,
            ...(kind === 'primary' && {
                tls: {
                    certificate: `${IN_CONTAINER.tls}/server.crt`,
                    key: `${IN_CONTAINER.tls}/server.key`
                }
            })
        },
        ...(kind === 'primary' && {
            auth: { htpasswd: { realm: 'imagegate-buildset', path: `${IN_CONTAINER.auth}/htpasswd` } }
        })
    };
    return `${JSON.stringify(config, null, 2)}\n`;
}
/** A random secret for the registry's upload-state HMAC (shared by both containers). */
function httpSecret() {
    return (0,external_node_crypto_.randomBytes)(24).toString('hex');
}

// EXTERNAL MODULE: ./node_modules/bcryptjs/index.js
var bcryptjs = __webpack_require__(6242);
;// CONCATENATED MODULE: ./shared/buildset/start/secrets.ts


/** The registry's only user, as the issue (and the docs) name it. */
const REGISTRY_USER = 'imagegate';
/** A random 32-byte password, hex encoded (no characters any config format needs to quote). */
function randomPassword() {
    return (0,external_node_crypto_.randomBytes)(32).toString('hex');
}
/**
 * One htpasswd line (bcrypt). Cost 4, Go's minimum: the registry checks the hash on every
 * request, and a 256-bit random password gains nothing from a slower hash.
 */
function htpasswdLine(user, password) {
    return `${user}:${bcryptjs/* default.hashSync */.Ay.hashSync(password, 4)}\n`;
}

;// CONCATENATED MODULE: ./shared/buildset/start/start.ts









/**
 * Generate the password (masked at once), htpasswd, CA and server certificate (P-256: under a
 * millisecond), and write the configuration under the root directory: everything the runtimes
 * are configured with, ready in milliseconds, so configuring overlaps `launch()`, which starts
 * the one container. The files are written synchronously: nothing else runs yet, and a busy
 * runner's thread pool added tens of milliseconds per awaited write.
 */
async function prepareRegistry(deps, req) {
    const password = randomPassword();
    deps.mask(password);
    const dirs = {
        tls: (0,external_node_path_.join)(req.rootDir, 'tls'),
        auth: (0,external_node_path_.join)(req.rootDir, 'auth'),
        secret: (0,external_node_path_.join)(req.rootDir, 'secret'),
        certDir: (0,external_node_path_.join)(req.rootDir, 'certs'),
        config: (0,external_node_path_.join)(req.rootDir, 'config')
    };
    for (const dir of [...Object.values(dirs), req.storageDir])
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    (0,external_node_fs_.chmodSync)(dirs.secret, 0o700);
    const passwordFile = (0,external_node_path_.join)(dirs.secret, 'password');
    (0,external_node_fs_.writeFileSync)(passwordFile, password, { mode: 0o600 });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dirs.auth, 'htpasswd'), htpasswdLine(REGISTRY_USER, password), { mode: 0o600 });
    const placement = deps.placement;
    // The registry listens where its clients are: loopback (this job's steps) and the host's
    // container bridges (the job's containers); the certificate names the same addresses.
    const addresses = deps.addresses();
    const sans = registrySans(placement ? [placement.ip] : [], addresses);
    const tls = generateRegistryTls(sans, deps.now());
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dirs.tls, 'ca.crt'), tls.caCert);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dirs.tls, 'server.crt'), tls.serverCert);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dirs.tls, 'server.key'), tls.serverKey, { mode: 0o600 });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dirs.certDir, 'ca.crt'), tls.caCert);
    const secret = httpSecret();
    const suffix = (0,external_node_crypto_.randomBytes)(4).toString('hex');
    const primaryConfig = (0,external_node_path_.join)(dirs.config, 'primary.yml');
    (0,external_node_fs_.writeFileSync)(primaryConfig, registryConfig('primary', secret), { mode: 0o600 });
    const [port, mirrorPort] = await Promise.all([
        placement ? 5000 : freePort(),
        req.withMirror ? freePort() : undefined
    ]);
    const host = placement ? placement.ip : '127.0.0.1';
    let mirrorConfig;
    if (mirrorPort !== undefined) {
        mirrorConfig = (0,external_node_path_.join)(dirs.config, 'mirror.yml');
        (0,external_node_fs_.writeFileSync)(mirrorConfig, registryConfig('mirror', secret), { mode: 0o600 });
    }
    const spec = {
        name: `imagegate-buildset-${suffix}`,
        image: req.image,
        tlsDir: dirs.tls,
        storageDir: req.storageDir,
        labels: { 'dev.imagegate.buildset-registry': suffix },
        configFile: primaryConfig,
        authDir: dirs.auth,
        ...(placement
            ? { network: { name: placement.network, ip: placement.ip } }
            : { publish: { port, addresses: ['127.0.0.1', ...addresses] } }),
        // The twin is anonymous plain HTTP, so only on loopback: dockerd on this host is its only
        // client. It runs in the same container: a second container cost half a second more.
        ...(mirrorConfig &&
            mirrorPort !== undefined && {
            mirror: {
                port: mirrorPort,
                containerPort: MIRROR_PORT_IN_CONTAINER,
                configFile: mirrorConfig
            }
        })
    };
    const mirror = mirrorPort === undefined ? undefined : `127.0.0.1:${mirrorPort}`;
    req.onContainer(spec.name);
    const registry = `${host}:${port}`;
    const startMirror = async () => {
        if (!mirror)
            return;
        await startMirrorProcess(deps.runner, req.engine, spec, dockerSocket(deps.env));
        await waitForRegistry(`http://${mirror}`, undefined, 200);
    };
    return {
        launch: async () => {
            await startOnPresentAddresses(deps.runner, req.engine, spec, deps.addresses);
            await Promise.all([waitForRegistry(`https://${registry}`, tls.caCert, 401), startMirror()]);
        },
        restartMirror: startMirror,
        host,
        port,
        registry,
        username: REGISTRY_USER,
        password,
        passwordFile,
        caCert: tls.caCert,
        caCertFile: (0,external_node_path_.join)(dirs.certDir, 'ca.crt'),
        certDir: dirs.certDir,
        ...(mirror && { mirror })
    };
}

;// CONCATENATED MODULE: ./shared/buildset/state.ts
/** Name of the one state entry main saves (JSON) and post reads. */
const STATE_NAME = 'imagegate-buildset';
/** Save the state (replacing any earlier value). */
function saveBuildsetState(store, state) {
    store.save(STATE_NAME, JSON.stringify(state));
}
/** The state main saved; undefined when main saved none (it failed before creating anything). */
function loadBuildsetState(store) {
    const text = store.get(STATE_NAME);
    if (!text)
        return undefined;
    const value = JSON.parse(text);
    if (value.version !== 1)
        throw new Error(`unknown buildset state version ${String(value.version)}`);
    return value;
}

;// CONCATENATED MODULE: ./shared/buildset/main-step.ts


















/** The fixed root under RUNNER_TEMP: the cache path must be equal in every job that shares. */
function buildsetRoot(ctx) {
    return (0,external_node_path_.join)(ctx.runnerTemp, 'imagegate-buildset');
}
/**
 * The main step: restore shared storage, start the registry, publish its coordinates, configure
 * the runtimes, populate it with the changes ahead, and snapshot its tags for post. State is
 * saved after every resource created, so post can clean up after a failure anywhere.
 */
async function buildsetMain(inputs, ctx, deps) {
    const rootDir = buildsetRoot(ctx);
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(rootDir, 'secret'))) {
        throw new Error(`${rootDir} exists: a buildset registry already runs in this job`);
    }
    let state = {
        version: 1,
        rootDir,
        storageDir: (0,external_node_path_.join)(rootDir, 'storage'),
        engine: inputs.containerCommand,
        containers: [],
        edits: [],
        namespaces: inputs.namespaces,
        share: inputs.share,
        ...(inputs.share === 'save' && inputs.shareParts?.[0] && { sharePart: inputs.shareParts[0] }),
        ...(inputs.intermediateRegistry && {
            intermediate: [inputs.intermediateRegistry.registry, inputs.intermediateRegistry.path]
                .filter(p => p !== '')
                .join('/')
        }),
        mainCompleted: false
    };
    const update = (change) => {
        state = { ...state, ...change };
        saveBuildsetState(deps.state, state);
    };
    update({});
    const started = Date.now();
    if (inputs.share === 'restore')
        await restoreShare(deps, ctx, state.storageDir, inputs.shareParts ?? []);
    // Running the registry with docker proves the daemon that detection would ask for. Detection
    // starts after the container does, unless a podman-run registry with the default `configure`
    // must know first whether dockerd (and so the mirror twin) is there.
    const dockerKnown = inputs.containerCommand === 'docker';
    let detected;
    const runtimes = () => inputs.configure
        ? Promise.resolve(inputs.configure)
        : (detected ??= detectRuntimes(deps, dockerKnown));
    const mirrorHub = inputs.namespaces.includes(reference/* DOCKER_HUB */.Xb) &&
        (inputs.configure
            ? inputs.configure.includes('docker')
            : dockerKnown || (await runtimes()).includes('docker'));
    const registry = await prepareRegistry(deps, {
        rootDir,
        storageDir: state.storageDir,
        image: inputs.registryImage,
        engine: inputs.containerCommand,
        withMirror: mirrorHub,
        onContainer: name => update({ containers: [...state.containers, name] })
    });
    update({
        registry: registry.registry,
        passwordFile: registry.passwordFile,
        caCert: registry.caCertFile
    });
    publishCoordinates(deps, registry);
    let startupMs = 0;
    const launch = async () => {
        await registry.launch();
        startupMs = Date.now() - started;
        deps.log.info(`Buildset registry ${registry.registry} answered after ${startupMs} ms`);
    };
    const journal = new FileEditJournal(systemFs(deps.runner), (0,external_node_path_.join)(rootDir, 'backups'), [], edits => update({ edits }));
    const configure = async () => {
        const configured = await configureRuntimes(deps, journal, {
            runtimes: await runtimes(),
            namespaces: inputs.namespaces,
            endpoint: registry,
            caCertFile: registry.caCertFile,
            rootDir,
            restartDocker: inputs.restartDocker,
            onBuilder: builder => update({ builder })
        });
        update({ ...(configured.dockerMirror && { dockerMirror: configured.dockerMirror }) });
        return configured;
    };
    if (inputs.restartDocker && (await runtimes()).includes('docker')) {
        // A dockerd restart must not race the container's start: one after the other.
        await launch();
        const configured = await configure();
        if (configured.dockerMirror) {
            // The restart stopped our container; --restart=always brings it back, but not the twin.
            await waitForRegistry(`https://${registry.registry}`, registry.caCert, 401, 60_000);
            await registry.restartMirror();
        }
    }
    else {
        // Nothing a runtime is told needs the registry to answer yet (dockerd takes a mirror that
        // is still starting), so configuring overlaps the container's start; launch comes first,
        // so the container's start is not queued behind the detection's commands.
        await allOf([launch(), configure()]);
    }
    const speculative = await populate(inputs, ctx, deps, registry);
    const snapshotFile = (0,external_node_path_.join)(rootDir, 'snapshot.json');
    await (0,promises_.writeFile)(snapshotFile, JSON.stringify(await snapshotTags(state.storageDir)));
    update({ snapshotFile, mainCompleted: true });
    return { registry, speculative, startupMs };
}
function publishCoordinates(deps, r) {
    const outputs = {
        host: r.host,
        port: String(r.port),
        url: r.registry,
        username: r.username,
        password: r.password,
        'ca-cert': r.caCertFile
    };
    for (const [name, value] of Object.entries(outputs))
        deps.setOutput(name, value);
    deps.exportVariable(buildset_env/* BuildsetEnv */.KA.Registry, r.registry);
    deps.exportVariable(buildset_env/* BuildsetEnv */.KA.Username, r.username);
    deps.exportVariable(buildset_env/* BuildsetEnv */.KA.Password, r.password);
    deps.exportVariable(buildset_env/* BuildsetEnv */.KA.CertDir, r.certDir);
}
async function restoreShare(deps, ctx, storageDir, parts) {
    // The parts of a distributed build: each platform job's storage, restored into one. Their
    // blobs are content-addressed and their tags are per-platform records, so nothing collides.
    for (const part of parts) {
        const { key, prefixes } = partKeys(ctx.runId ?? 'local', ctx.runAttempt, part);
        const used = await deps.share().restore(storageDir, key, prefixes);
        if (used)
            deps.log.info(`Restored part ${part} of the registry storage (${used})`);
        else
            deps.log.warning(`share: restore found no storage saved for part ${part} (${key})`);
    }
    if (parts.length > 0)
        return;
    const { key, prefixes } = shareKeys(ctx.runId ?? 'local', ctx.runAttempt);
    const used = await deps.share().restore(storageDir, key, prefixes);
    if (used)
        deps.log.info(`Restored the shared registry storage saved as ${used}`);
    else
        deps.log.warning(`share: restore found no saved registry storage (${key}); starting empty`);
}
async function populate(inputs, ctx, deps, r) {
    const location = inputs.intermediateRegistry;
    const repo = (0,changes/* parseRepoName */.JL)(ctx.repository);
    const change = inputs.identity.change;
    if (!location || !repo || change === undefined)
        return [];
    const root = { ...repo, change };
    const github = deps.github();
    if (!github) {
        deps.log.warning('Depends-On is not followed: no GitHub API at hand (outside GitHub, set GITHUB_API_URL or give --github-token)');
        return [];
    }
    const graph = await collectDependencies(github, root, rootBody(ctx, change));
    if (graph.dependencies.length === 0 && graph.unreadable.length === 0) {
        deps.log.info('No Depends-On changes: nothing speculative to add');
        return [];
    }
    const engine = deps.registry({ ...r });
    try {
        const images = await populateFromChanges({ registry: engine, log: deps.log, readIndex: key => (0,store/* readChangeIndex */.Fp)(engine, location, key) }, graph, r.registry, inputs.requireDependencies);
        if (images.length > 0) {
            await deps.summary({
                heading: 'Speculative images',
                header: ['Image', 'Digest', 'From change'],
                rows: images.map(i => [{ code: i.image }, { code: i.digest }, i.change])
            });
        }
        return images;
    }
    finally {
        engine.close();
    }
}
/** Wait for every task, also when one fails early; then throw the first failure. */
async function allOf(tasks) {
    const settled = await Promise.allSettled(tasks);
    const failed = settled.find(r => r.status === 'rejected');
    if (failed)
        throw failed.reason;
}

;// CONCATENATED MODULE: ./shared/buildset/paths.ts


/** The standard locations, honouring DOCKER_CONFIG, REGISTRY_AUTH_FILE and XDG_RUNTIME_DIR. */
function systemPaths(env = process.env) {
    const uid = process.getuid?.() ?? 0;
    const runtimeDir = env.XDG_RUNTIME_DIR || (uid === 0 ? '/run' : `/run/user/${uid}`);
    return {
        daemonJson: '/etc/docker/daemon.json',
        dockerCertsDir: '/etc/docker/certs.d',
        dockerConfig: (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json'),
        dockerPidFile: '/var/run/docker.pid',
        registriesConfDir: '/etc/containers/registries.conf.d',
        containersCertsDir: '/etc/containers/certs.d',
        // c/image's default for root is /run/containers/0/auth.json.
        containersAuthFile: env.REGISTRY_AUTH_FILE ||
            (uid === 0 ? '/run/containers/0/auth.json' : (0,external_node_path_.join)(runtimeDir, 'containers/auth.json'))
    };
}
/** `systemPaths()` with every `/etc`-style path moved under `root` (tests). */
function pathsUnder(root, env = process.env) {
    return {
        daemonJson: (0,external_node_path_.join)(root, 'etc/docker/daemon.json'),
        dockerCertsDir: (0,external_node_path_.join)(root, 'etc/docker/certs.d'),
        dockerConfig: (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(root, 'home/.docker'), 'config.json'),
        dockerPidFile: (0,external_node_path_.join)(root, 'run/docker.pid'),
        registriesConfDir: (0,external_node_path_.join)(root, 'etc/containers/registries.conf.d'),
        containersCertsDir: (0,external_node_path_.join)(root, 'etc/containers/certs.d'),
        containersAuthFile: env.REGISTRY_AUTH_FILE || (0,external_node_path_.join)(root, 'run/containers/0/auth.json')
    };
}

// EXTERNAL MODULE: ./shared/build/source.ts
var source = __webpack_require__(6620);
// EXTERNAL MODULE: ./shared/model/errors.ts
var errors = __webpack_require__(7649);
;// CONCATENATED MODULE: ./shared/buildset/configure/docker-reload.ts



/**
 * Make the running dockerd forget our mirror once daemon.json is restored. dockerd's reload
 * only applies keys the file sets, so a restored file without `registry-mirrors` (or no file)
 * would leave our mirror live: for the reload, the file briefly says `"registry-mirrors": []`,
 * then gets its restored bytes (or its absence) back.
 */
async function dropMirror(deps, mirror) {
    const path = deps.paths.daemonJson;
    const fs = systemFs(deps.runner);
    const original = await fs.readFile(path);
    const config = parseJsonObject(original?.toString('utf8'), path);
    if (Array.isArray(config['registry-mirrors'])) {
        await deps.dockerd.reload({ mirror, present: false });
        return;
    }
    const created = await fs.mkdirp((0,external_node_path_.dirname)(path));
    await fs.writeFile(path, `${JSON.stringify({ ...config, 'registry-mirrors': [] })}\n`);
    try {
        await deps.dockerd.reload({ mirror, present: false });
    }
    finally {
        if (original)
            await fs.writeFile(path, original);
        else
            await fs.unlink(path);
        for (const dir of created.reverse())
            await fs.rmdir(dir).catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./shared/change-index/format.ts
var format = __webpack_require__(9363);
// EXTERNAL MODULE: ./shared/staging/store.ts
var staging_store = __webpack_require__(6457);
;// CONCATENATED MODULE: ./shared/buildset/publish/publish.ts







/**
 * Push the images built in this job to the intermediate registry and record them in the
 * change index. "Built in this job" = every tag whose digest is new or moved since main's
 * snapshot (taken after restore and populate), so dependencies' and shared images are not
 * re-staged as this change's. An index written by the same run (another job, or upload) is
 * merged, ours winning per `repository:tag`; an older run's index is replaced.
 */
async function publishBuiltImages(deps, request) {
    const before = JSON.parse(await (0,promises_.readFile)(request.snapshotFile, 'utf8'));
    const built = changedTags(before, await snapshotTags(request.storageDir));
    if (built.length === 0) {
        deps.log.info('No image was built into the buildset registry in this job; nothing to publish');
        return [];
    }
    // The intermediate registry's credential restriction holds for every repository written:
    // each staged image and the change index, all checked before the first copy.
    const index = (0,format/* changeIndexLocation */.SW)(request.intermediate, request.change);
    deps.checkWrites?.([
        ...built.map(([stored]) => ({
            field: 'intermediate-registry',
            repository: (0,registry_location/* stagedRepository */.Z3)(request.intermediate, finalNameOf(stored, request.namespaces))
        })),
        {
            field: 'intermediate-registry',
            repository: { registry: index.registry, repository: index.repository }
        }
    ]);
    const builtFrom = (0,format/* sourceFields */.r9)(request.source);
    const entries = [];
    for (const [stored, tag, digest] of built) {
        const final = finalNameOf(stored, request.namespaces);
        const staged = (0,registry_location/* stagedRepository */.Z3)(request.intermediate, final);
        const stagedTag = `${request.runId}-${request.runAttempt}_${tag}`;
        const source = { registry: request.buildset, repository: stored, digest };
        const result = await deps.registry.copy(source, staged, [stagedTag]);
        const ref = (0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(staged, stagedTag));
        deps.log.info(`${(0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(final, tag))} → ${ref}@${result.digest}`);
        entries.push({
            repository: (0,reference/* formatReference */.FH)(final),
            tag,
            staged: ref,
            digest: result.digest,
            ...builtFrom
        });
    }
    // When these were staged, for the intermediate registry's cleanup (see shared/staging).
    const run = { id: request.runId, attempt: request.runAttempt };
    const staging = entries.map(e => ({ ref: e.staged, digest: e.digest }));
    await (0,staging_store/* recordAndLog */.Je)(deps.registry, staging, deps.now(), run, deps.log);
    const existing = await deps.readIndex(request.change);
    const sameRun = existing?.run?.id === request.runId;
    const key = (e) => `${e.repository}:${e.tag}`;
    const ours = new Set(entries.map(key));
    const kept = sameRun ? (existing?.images ?? []).filter(e => !ours.has(key(e))) : [];
    const digest = await deps.writeIndex({
        version: 1,
        repository: `${request.change.owner}/${request.change.repo}`,
        change: request.change.change,
        ...builtFrom,
        run: { id: request.runId, attempt: request.runAttempt },
        createdAt: deps.now().toISOString(),
        images: [...kept, ...entries]
    });
    deps.log.info(`Change index written (${kept.length + entries.length} images): ${digest}`);
    return entries;
}

;// CONCATENATED MODULE: ./shared/buildset/share/share-save.ts





const SHARE_SUMMARY_HEADING = 'Shared registry storage';
/**
 * share: save, in post once the containers are gone: save the registry storage for the jobs of
 * this run that restore it, and say in the job summary what they get (every image in the
 * storage) or that they get nothing. Anything but a fresh save throws: a consumer job would
 * start with an empty (or another job's) registry and test without this job's images.
 */
async function saveShare(ctx, deps, state) {
    const runId = ctx.runId ?? 'local';
    // A platform job of a distributed check saves its part; the merge job restores every part.
    const { key } = state.sharePart
        ? partKeys(runId, ctx.runAttempt, state.sharePart)
        : shareKeys(runId, ctx.runAttempt);
    const snapshot = await snapshotTags(state.storageDir);
    const rows = Object.entries(snapshot)
        .map(([stored, digest]) => {
        const colon = stored.lastIndexOf(':');
        const final = finalNameOf(stored.slice(0, colon), state.namespaces);
        return [(0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(final, stored.slice(colon + 1))), digest];
    })
        .sort((a, b) => a[0].localeCompare(b[0]));
    const report = (note) => deps.summary({
        heading: SHARE_SUMMARY_HEADING,
        header: ['Image', 'Digest'],
        rows: rows.map(([image, digest]) => [{ code: image }, { code: digest }]),
        note
    });
    let saved;
    try {
        saved = await deps.share().save(state.storageDir, key);
    }
    catch (e) {
        await report(`The registry storage was not saved: ${(0,errors/* errorMessage */.gJ)(e)}.`);
        throw e;
    }
    if (!saved) {
        const message = `${key} exists already: another job of this run attempt saved its registry storage first, so the images of this job would not reach the jobs that restore it (use share: save in one job per run)`;
        await report(`The registry storage was not saved: ${message}.`);
        throw new ShareNotSavedError(message);
    }
    deps.log.info(`Saved the registry storage as ${key} (${rows.length} tags)`);
    await report(`Saved as ${key}: jobs of this run that restore it (share: restore) start with ${rows.length === 0 ? 'an empty registry' : 'these images'}.`);
}

;// CONCATENATED MODULE: ./shared/buildset/post-step.ts
















/**
 * The post step: publish this job's images when the job succeeded, then stop the registry,
 * save the share, put every file back and remove the builder. Cleanup always runs in full; its
 * problems and a failed publish are reported together at the end.
 */
async function buildsetPost(ctx, deps, req) {
    const state = loadBuildsetState(deps.state);
    if (!state) {
        deps.log.info('The main step created nothing; nothing to clean up');
        return;
    }
    const problems = [];
    const attempt = async (what, fn) => {
        try {
            await fn();
        }
        catch (e) {
            problems.push(`${what}: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    };
    const password = state.passwordFile && (0,external_node_fs_.existsSync)(state.passwordFile)
        ? await (0,promises_.readFile)(state.passwordFile, 'utf8')
        : undefined;
    if (password)
        deps.mask(password);
    if (state.sharePart) {
        deps.log.info(`Part ${state.sharePart} of a distributed build: the job that restores the parts merges and publishes them`);
    }
    else if (state.mainCompleted && state.intermediate && password) {
        await attempt('publishing to the intermediate registry', () => publish(ctx, deps, req, state, password));
    }
    for (const name of state.containers) {
        await attempt(`removing container ${name}`, () => removeContainer(deps.runner, state.engine, name));
    }
    if (state.share === 'save' && state.mainCompleted) {
        await attempt('share: save', () => saveShare(ctx, deps, state));
    }
    const restored = await restoreEdits(state.edits, systemFs(deps.runner));
    problems.push(...restored.map(p => `restoring ${p}`));
    if (state.dockerMirror) {
        const mirror = state.dockerMirror;
        await attempt('reloading dockerd', () => dropMirror(deps, mirror));
    }
    if (state.builder) {
        await attempt(`removing builder ${state.builder}`, async () => {
            const result = await deps.runner.run({ command: 'docker', args: buildxRemoveArgs() });
            if (result.code !== 0)
                throw new Error(result.stderr.trim());
        });
    }
    await attempt(`removing ${state.rootDir}`, () => (0,promises_.rm)(state.rootDir, { recursive: true, force: true }));
    if (problems.length > 0)
        throw new Error(problems.join('; '));
    deps.log.info('Buildset registry removed; configuration restored');
}
async function publish(ctx, deps, req, state, password) {
    const outcome = await req.jobOutcome();
    if (outcome !== 'success') {
        deps.log.info(outcome === 'failure'
            ? 'The job failed: nothing is pushed to the intermediate registry'
            : 'Cannot tell whether the job succeeded (set IMAGEGATE_JOB_STATUS or grant actions: read): nothing is pushed');
        return;
    }
    const repo = (0,changes/* parseRepoName */.JL)(ctx.repository);
    const change = req.identity.change;
    if (!repo || change === undefined || !state.snapshotFile || !state.registry || !state.caCert) {
        deps.log.info('No pull request: the change index needs one, so nothing is published');
        return;
    }
    const location = (0,registry_location/* parseRegistryLocation */._i)(state.intermediate, 'intermediate-registry');
    // The checkout the job built from: the same facts build put on the labels and upload records.
    const facts = await (0,source/* readSourceFacts */.T)(deps.runner, {
        workingDirectory: ctx.workspace,
        identity: req.identity,
        ...(ctx.repository && { repository: ctx.repository }),
        serverUrl: ctx.serverUrl,
        now: deps.now()
    });
    const caCert = await (0,promises_.readFile)(state.caCert, 'utf8');
    const registry = deps.registry({
        registry: state.registry,
        username: REGISTRY_USER,
        password,
        caCert
    });
    try {
        await deps.log.group('Publishing the images built in this job', () => publishBuiltImages({
            registry,
            log: deps.log,
            readIndex: key => (0,store/* readChangeIndex */.Fp)(registry, location, key),
            writeIndex: index => (0,store/* writeChangeIndex */.uU)(registry, location, index),
            now: deps.now,
            ...(deps.checkWrites && { checkWrites: deps.checkWrites })
        }, {
            storageDir: state.storageDir,
            snapshotFile: state.snapshotFile,
            buildset: state.registry,
            namespaces: state.namespaces,
            intermediate: location,
            change: { ...repo, change },
            source: facts,
            runId: ctx.runId ?? 'local',
            runAttempt: ctx.runAttempt
        }));
    }
    finally {
        registry.close();
    }
}

// EXTERNAL MODULE: ./shared/engine/process-runner.ts
var process_runner = __webpack_require__(9555);
// EXTERNAL MODULE: ./shared/github/client.ts
var client = __webpack_require__(6317);
;// CONCATENATED MODULE: ./shared/github/job-status.ts
/**
 * Whether a step of the current job failed so far, from the run's jobs (`actions: read`): the
 * job in progress on this runner, any step concluded `failure` or `cancelled`. Undefined when
 * the API does not show the job.
 */
async function currentJobFailed(github, job) {
    // Every page: a matrix run can have more jobs than one page holds.
    const jobs = await github.list(`/repos/${job.repo.owner}/${job.repo.repo}/actions/runs/${job.runId}/attempts/${job.attempt}/jobs`);
    // Checked where used: anything but the documented shape means "cannot tell".
    const current = jobs.find(j => typeof j === 'object' &&
        j !== null &&
        j.runner_name === job.runnerName &&
        j.status === 'in_progress');
    if (!current)
        return undefined;
    if (current.steps === undefined)
        return false;
    if (!Array.isArray(current.steps))
        return undefined;
    return current.steps.some(s => typeof s === 'object' &&
        s !== null &&
        (s.conclusion === 'failure' || s.conclusion === 'cancelled'));
}

// EXTERNAL MODULE: ./shared/inputs/common.ts
var common = __webpack_require__(1297);
;// CONCATENATED MODULE: ./shared/inputs/buildset-registry.ts



const RUNTIMES = ['docker', 'buildx', 'podman'];
const SHARE_MODES = ['none', 'save', 'restore'];
const DEFAULT_NAMESPACES = ['docker.io', 'quay.io', 'ghcr.io', 'gcr.io', 'registry.k8s.io'];
/** Read and validate the buildset-registry action's inputs. */
function readBuildsetRegistryInputs(reader, ctx) {
    const registryImage = reader.string('registry-image', 'docker.io/library/registry:2');
    (0,reference/* parseReference */.F2)(registryImage, 'registry-image');
    const intermediateRegistry = (0,common/* readIntermediateRegistry */.N7)(reader, false, '');
    const share = reader.choice('share', SHARE_MODES, 'none');
    return {
        registryImage,
        containerCommand: reader.choice('container-command', common/* CONTAINER_COMMANDS */.Pi, 'docker'),
        ...readConfigure(reader.list('configure')),
        namespaces: reader.list('namespaces', DEFAULT_NAMESPACES).map((ns, i) => checkNamespace(ns, i)),
        ...(intermediateRegistry && { intermediateRegistry }),
        registryCredentials: reader.credentials(),
        requireDependencies: reader.boolean('require-dependencies', false),
        share,
        shareParts: readShareParts(reader.list('share-parts'), share),
        restartDocker: reader.boolean('restart-docker', false),
        githubToken: reader.string('github-token'),
        identity: (0,common/* readChangeIdentity */.z)(reader, ctx)
    };
}
function readConfigure(items) {
    if (items.length === 0 || (items.length === 1 && items[0] === 'all'))
        return {};
    if (items.length === 1 && items[0] === 'none')
        return { configure: [] };
    items.forEach((item, i) => {
        if (!RUNTIMES.includes(item)) {
            throw new errors/* InputError */.dz(`configure[${i}]`, `"${item}" is not one of: all, none, ${RUNTIMES.join(', ')}`);
        }
    });
    return { configure: items };
}
/** Part names (platforms, usually) are cache-key material: a plain spelling, one part to save. */
function readShareParts(parts, share) {
    parts.forEach((part, i) => {
        if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(part))
            throw new errors/* InputError */.dz(`share-parts[${i}]`, `"${part}" is not a part name like linux/arm64`);
    });
    if (parts.length > 0 && share === 'none')
        throw new errors/* InputError */.dz('share-parts', "needs share: save (this job's part) or restore (the parts)");
    if (parts.length > 1 && share === 'save')
        throw new errors/* InputError */.dz('share-parts', "share: save saves this job's one part; name only it");
    return parts;
}
function checkNamespace(ns, i) {
    if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?$/.test(ns)) {
        throw new errors/* InputError */.dz(`namespaces[${i}]`, `"${ns}" is not a registry host like "quay.io"`);
    }
    return ns;
}

// EXTERNAL MODULE: ./shared/model/credentials.ts
var model_credentials = __webpack_require__(1066);
// EXTERNAL MODULE: ./shared/model/proxy-env.ts
var proxy_env = __webpack_require__(5822);
// EXTERNAL MODULE: ./shared/registry/index.ts + 32 modules
var shared_registry = __webpack_require__(9647);
;// CONCATENATED MODULE: ./shared/commands/buildset-registry.ts





















/** Moves every /etc-style path under this directory (tests, rootless machines). */
const CONFIG_ROOT_ENV = 'IMAGEGATE_BUILDSET_CONFIG_ROOT';
/** Share through this directory instead of the Actions cache (tests, self-hosted runners). */
const SHARE_DIR_ENV = 'IMAGEGATE_BUILDSET_SHARE_DIR';
/** `success`/`failure`/`cancelled` (e.g. `${{ job.status }}` from a last step): overrides the API. */
const JOB_STATUS_ENV = 'IMAGEGATE_JOB_STATUS';
/** The runner's face: `core.saveState`/`getState` and GITHUB_ENV. */
function actionFace() {
    return {
        state: { save: (name, value) => core/* saveState */.LZ(name, value), get: name => core/* getState */.Gu(name) },
        exportVariable
    };
}
function buildsetDeps(inputs, io, face) {
    const { env, ctx } = io;
    const runner = new process_runner/* ProcessRunner */.S();
    const paths = env[CONFIG_ROOT_ENV] ? pathsUnder(env[CONFIG_ROOT_ENV], env) : systemPaths(env);
    const store = (0,credentials/* loadCredentials */.N)(inputs.registryCredentials, env, io.mask);
    const extraCas = (env[registry/* REGISTRY_CA_ENV */.L] ?? '').split(',').filter(f => f.trim() !== '');
    const { apiUrl } = ctx;
    const github = () => apiUrl
        ? new client/* GitHubClient */.j({ apiUrl, ...(inputs.githubToken && { token: inputs.githubToken }) })
        : undefined;
    return {
        runner,
        env,
        paths,
        log: io.log,
        state: face.state,
        mask: io.mask,
        setOutput: (name, value) => io.report.output(name, value),
        exportVariable: face.exportVariable,
        dockerd: new SystemDockerDaemon(runner, paths.dockerPidFile, 'docker', dockerSocket(env)),
        share: () => env[SHARE_DIR_ENV]
            ? directoryBackend(env[SHARE_DIR_ENV])
            : cacheBackend(() => __webpack_require__.e(/* import() */ 691).then(__webpack_require__.bind(__webpack_require__, 1691))),
        registry: access => new shared_registry/* Registry */.O({
            credentials: host => host === access.registry
                ? { username: access.username, password: access.password }
                : store.lookup(host),
            ca: [access.caCert, ...extraCas.map(f => (0,external_node_fs_.readFileSync)(f.trim(), 'utf8'))],
            // The buildset registry runs on this machine: never through a proxy.
            proxy: url => (url.host === access.registry ? undefined : (0,proxy_env/* proxyFromEnv */.k)(env)(url)),
            logger: { debug: io.debug, info: m => io.log.info(m), warning: m => io.log.warning(m) }
        }),
        github,
        checkWrites: targets => void (0,model_credentials/* checkWriteCredentials */.qw)(targets, store, false),
        now: () => new Date(),
        addresses: () => hostAddresses(),
        summary: table => io.report.table(table)
    };
}
/**
 * core.exportVariable without GITHUB_ENV falls back to the `::set-env::` command, which prints
 * the value (the password) into the log; runners always set GITHUB_ENV, so without it only this
 * process's environment gets the variable.
 */
function exportVariable(name, value) {
    if (process.env.GITHUB_ENV)
        core/* exportVariable */.dN(name, value);
    else
        process.env[name] = value;
}
/** The buildset-registry main step: start and configure the per-change registry. */
async function buildsetRegistryAction(io = (0,runner_io/* actionIO */.P)(), face = actionFace()) {
    const inputs = readBuildsetRegistryInputs(io.reader, io.ctx);
    await buildsetMain(inputs, io.ctx, buildsetDeps(inputs, io, face));
}
/** The buildset-registry post step: publish on success, clean up whatever main created. */
async function buildsetRegistryPost(io = (0,runner_io/* actionIO */.P)(), face = actionFace(), outcome) {
    const inputs = readBuildsetRegistryInputs(io.reader, io.ctx);
    const deps = buildsetDeps(inputs, io, face);
    await buildsetPost(io.ctx, deps, {
        identity: inputs.identity,
        jobOutcome: async () => outcome ?? jobOutcome(io.ctx, deps, io.env)
    });
}
/**
 * Whether the job succeeded: post steps are not told, so IMAGEGATE_JOB_STATUS decides when a
 * step set it, else the run's jobs API (needs `actions: read`); unknown means "do not publish".
 */
async function jobOutcome(ctx, deps, env) {
    const declared = env[JOB_STATUS_ENV]?.trim().toLowerCase();
    if (declared)
        return declared === 'success' ? 'success' : 'failure';
    const repo = (0,changes/* parseRepoName */.JL)(ctx.repository);
    const runnerName = env.RUNNER_NAME;
    const github = deps.github();
    if (!repo || !ctx.runId || !runnerName || !github)
        return 'unknown';
    try {
        const failed = await currentJobFailed(github, {
            repo,
            runId: ctx.runId,
            attempt: ctx.runAttempt,
            runnerName
        });
        return failed === undefined ? 'unknown' : failed ? 'failure' : 'success';
    }
    catch (e) {
        deps.log.warning(`Cannot read the job's status through the GitHub API: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return 'unknown';
    }
}

;// CONCATENATED MODULE: ./shared/cli/registry.ts




/**
 * `imagegate registry start|stop`: the buildset registry outside GitHub. The runner keeps state
 * between main and post; here a file under RUNNER_TEMP (or /tmp) does, so start and stop can be
 * separate processes. `start` outputs `env`: the variables build and upload read.
 */
async function registryCommand(subcommand, io) {
    const stateFile = (0,external_node_path_.join)(io.ctx.runnerTemp, 'imagegate-buildset.state.json');
    const exported = {};
    const face = {
        state: {
            save: (name, value) => (0,external_node_fs_.writeFileSync)(stateFile, JSON.stringify({ ...readState(stateFile), [name]: value }), {
                mode: 0o600
            }),
            get: name => readState(stateFile)[name] ?? ''
        },
        exportVariable: (name, value) => {
            exported[name] = value;
        }
    };
    if (subcommand === 'start') {
        if ((0,external_node_fs_.existsSync)(stateFile))
            throw new Error(`a buildset registry is already running (${stateFile}); run imagegate registry stop first`);
        try {
            await buildsetRegistryAction(io, face);
        }
        catch (e) {
            // Undo whatever start created before it failed, as the action's post step would.
            try {
                await buildsetRegistryPost(io, face, 'failure');
            }
            finally {
                (0,external_node_fs_.rmSync)(stateFile, { force: true });
            }
            throw e;
        }
        io.report.output('env', exported);
        for (const [name, value] of Object.entries(exported)) {
            io.log.info(`export ${name}=${name === buildset_env/* BuildsetEnv */.KA.Password ? '<see --json env>' : value}`);
        }
        return;
    }
    if (!(0,external_node_fs_.existsSync)(stateFile))
        throw new Error('no buildset registry is running (imagegate registry start starts one)');
    try {
        // Stopping on purpose is a success: with an intermediate registry, this job's images go there.
        await buildsetRegistryPost(io, face, 'success');
    }
    finally {
        (0,external_node_fs_.rmSync)(stateFile, { force: true });
    }
}
function readState(file) {
    return (0,external_node_fs_.existsSync)(file) ? JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')) : {};
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


/***/ })

};
