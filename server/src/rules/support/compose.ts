import type { RuleContext } from '../../engine/ruleTypes';
import type { ServiceDefinition } from '../../parsing/composeService';
import type { ComposeFile } from '../../parsing/containerFile';
import type { ComposeProject, ProjectService } from '../../workspace/composeProject';

/**
 * What compose rules ask of the model. Rules judge the merged project (an override may add the healthcheck a base
 * file lacks) and report only what is written in the file being linted, so each finding appears once, in the file
 * where the user must act.
 */
export interface ServiceHere {
  project: ComposeProject;
  service: ProjectService;
  /** The part of the service written in this file. */
  definition: ServiceDefinition;
}

export function projectOf({ file, workspace }: RuleContext<ComposeFile>): ComposeProject {
  return workspace.composeProject(file.uri);
}

/**
 * Every service definition written in this file (a service defined in two files is seen from each). Services of a
 * document that does not parse are left to compose/syntax: what the parser recovered may not be what the user meant.
 */
export function servicesHere(context: RuleContext<ComposeFile>): ServiceHere[] {
  if (context.file.yaml.documents.some((document) => document.parsed.errors.length > 0)) return [];
  const project = projectOf(context);
  return [...project.services.values()].flatMap((service) =>
    service.definitions.filter((definition) => definition.uri === context.file.uri).map((definition) => ({ project, service, definition })),
  );
}

/**
 * Services whose first definition is in this file: findings about something the whole service lacks (a
 * healthcheck, resource limits) point at the service's name there, once per project.
 */
export function servicesAtHome(context: RuleContext<ComposeFile>): ServiceHere[] {
  return servicesHere(context).filter(({ service, definition }) => service.definitions[0] === definition);
}
