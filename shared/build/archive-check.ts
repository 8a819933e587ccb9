import {type CommandRunner} from '../engine/command.js';
import {savesOciLayout, serverVersionCommand} from '../engine/image-files.js';
import {type EngineProfile} from '../engine/profile.js';
import {InputError, InputErrors} from '../model/errors.js';
import {type ImagePlan} from './plan.js';

/**
 * `archive: true` saves one OCI layout tarball per platform image; refuse, before anything is
 * built, what cannot give one: a podman manifest list or a buildx multi-platform result (never a
 * single local image), and docker Engines before 25, whose `docker save` writes the older
 * docker-archive layout.
 */
export async function checkArchivable(
  plans: readonly ImagePlan[],
  profile: EngineProfile,
  runner: CommandRunner
): Promise<void> {
  const errors: InputError[] = [];
  if (profile.kind === 'podman' || profile.kind === 'buildx') {
    for (const plan of plans) {
      if (plan.platform === undefined && plan.image.arch.length > 1) {
        errors.push(
          new InputError(
            'archive',
            `${plan.image.field} builds ${plan.image.arch.join(', ')} in one ${profile.kind === 'podman' ? 'podman manifest list' : 'buildx build'}, which cannot be saved as OCI layouts one per platform; build one platform per job (platforms) to archive them`
          )
        );
      }
    }
  }
  if (profile.kind !== 'podman') {
    const result = await runner.run(serverVersionCommand(profile));
    const version = result.stdout.trim();
    if (result.code !== 0 || !savesOciLayout(version)) {
      errors.push(
        new InputError(
          'archive',
          `docker Engine ${version || '(unknown version)'} does not write an OCI layout with docker save (Engine 25 and later do); use container-command: podman or a newer docker Engine`
        )
      );
    }
  }
  if (errors.length > 0) throw new InputErrors(errors);
}
