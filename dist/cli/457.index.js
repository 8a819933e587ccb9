export const id = 457;
export const ids = [457];
export const modules = {

/***/ 4457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promoteAction: () => (/* binding */ promoteAction)
});

// EXTERNAL MODULE: ./shared/runner/credentials.ts
var runner_credentials = __webpack_require__(471);
// EXTERNAL MODULE: ./shared/runner/io.ts
var runner_io = __webpack_require__(4277);
// EXTERNAL MODULE: ./shared/runner/registry.ts
var runner_registry = __webpack_require__(6726);
// EXTERNAL MODULE: ./shared/change-index/store.ts
var change_index_store = __webpack_require__(9951);
// EXTERNAL MODULE: ./shared/github/changes.ts
var changes = __webpack_require__(6101);
// EXTERNAL MODULE: ./shared/github/client.ts
var client = __webpack_require__(6317);
// EXTERNAL MODULE: ./shared/model/credentials.ts
var model_credentials = __webpack_require__(1066);
// EXTERNAL MODULE: ./shared/model/reference.ts
var reference = __webpack_require__(737);
// EXTERNAL MODULE: ./shared/model/change.ts
var change = __webpack_require__(902);
// EXTERNAL MODULE: ./shared/model/errors.ts
var errors = __webpack_require__(7649);
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
                github: new client/* GitHubClient */.j({
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


/***/ })

};
