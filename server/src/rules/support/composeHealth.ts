import type { RuleContext } from '../../engine/ruleTypes';
import { serviceImage } from '../../knowledge/serviceImages';
import type { Data } from '../../parsing/composeMerge';
import type { ComposeFile } from '../../parsing/containerFile';
import { parseImageReference } from '../../parsing/imageReference';
import { dockerfileOf, resolveBuild } from '../../workspace/composeBuild';
import type { ComposeProject, ProjectService } from '../../workspace/composeProject';
import { projectOf } from './compose';
import { isComposeTrue } from './composeMerged';
import { instructionsNamed, rootStage, stageChain } from './dockerfile';

/**
 * Where a service's health check comes from: its `healthcheck:` (merged), the HEALTHCHECK of the Dockerfile it
 * builds, or the image it runs. `disabled` is a deliberate opt-out (`disable: true`, `test: ["NONE"]`, HEALTHCHECK
 * NONE); `unknown` when the Dockerfile cannot be read or the image is not known here.
 */
export type Health = 'declared' | 'dockerfile' | 'image' | 'disabled' | 'none' | 'unknown';

/** Whether Compose can wait for the service to be healthy. */
export function canBeHealthy(health: Health): boolean {
  return health === 'declared' || health === 'dockerfile' || health === 'image';
}

/** The health of each service of the file's project, worked out once per check. */
export function healthOfServices(context: RuleContext<ComposeFile>): (service: ProjectService) => Health {
  const project = projectOf(context);
  const known = new Map<ProjectService, Health>();
  return (service) => {
    let health = known.get(service);
    if (!health) {
      health = healthOf(context, project, service);
      known.set(service, health);
    }
    return health;
  };
}

function healthOf(context: RuleContext<ComposeFile>, project: ComposeProject, service: ProjectService): Health {
  const healthcheck = service.merged.healthcheck;
  if (isMapping(healthcheck)) {
    if (isComposeTrue(healthcheck.disable)) return 'disabled';
    const test = healthcheck.test;
    if (Array.isArray(test) && String(test[0]).toUpperCase() === 'NONE') return 'disabled';
    // Without `test`, the other settings tune the image's own HEALTHCHECK.
    if (test !== undefined && test !== null) return 'declared';
  }
  if (service.merged.build !== undefined) return dockerfileHealth(context, project, service);
  return imageHealth(project, service.merged.image);
}

function dockerfileHealth(context: RuleContext<ComposeFile>, project: ComposeProject, service: ProjectService): Health {
  const build = resolveBuild(project, service);
  const model = build && dockerfileOf(context.workspace, build);
  if (!model) return 'unknown';
  const target = build.target?.toLowerCase();
  const stage = target ? model.stages.find((candidate) => candidate.name === target) : model.finalStage;
  if (!stage) return 'unknown';
  for (const current of stageChain(stage)) {
    const last = instructionsNamed(current, 'HEALTHCHECK').at(-1);
    if (last) return last.getArguments()[0]?.getValue().toUpperCase() === 'NONE' ? 'disabled' : 'dockerfile';
  }
  const base = rootStage(stage).image;
  return base && serviceImage(base)?.shipsHealthcheck ? 'image' : 'none';
}

function imageHealth(project: ComposeProject, image: Data | undefined): Health {
  if (typeof image !== 'string') return 'unknown';
  const resolved = project.interpolate(image).value;
  if (resolved === undefined) return 'unknown';
  return serviceImage(parseImageReference(resolved))?.shipsHealthcheck ? 'image' : 'none';
}

export function isMapping(value: Data | undefined): value is { [key: string]: Data } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
