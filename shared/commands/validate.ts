import {type CommandIO, actionIO} from '../runner/io.js';
import {planBuilds} from '../build/plan.js';
import {readValidateInputs} from '../inputs/validate.js';
import {normaliseImage, normaliseMirror} from '../model/normalised.js';

/**
 * The validate command: check the lists as build, upload, promote and mirror would, without
 * network or engine (and without the filesystem unless check-contexts), and show them
 * normalised. The migration tool: paste a Zuul list, see what imagegate will do with it.
 */
export async function validateAction(io: CommandIO = actionIO()): Promise<void> {
  const inputs = readValidateInputs(io.reader, io.ctx);
  if (inputs.images) {
    if (inputs.checkContexts) {
      const plans = planBuilds({
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
        {code: i.repository},
        {lines: i.tags},
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
        {code: m.src_repository},
        typeof m.tags === 'string' ? {code: m.tags} : {lines: m.tags},
        {code: `${m.dest_repository}${m.dest_tag !== null ? `:${m.dest_tag}` : ''}`},
        m.platforms.join(', ') || 'all'
      ])
    });
  }
}
