import { defineComposeRule } from '../../engine/ruleTypes';
import type { ComposeProject, ProjectService } from '../../workspace/composeProject';
import { projectOf, servicesHere } from '../support/compose';
import { canRunTogether } from '../support/composeConflicts';

export const rule = defineComposeRule({
  id: 'compose/duplicate-container-name',
  meta: {
    severity: 'error',
    description: 'Two services set the same `container_name`, so the second container cannot be created.',
    aliases: ['dclint:no-duplicate-container-names'],
    messages: {
      duplicate:
        'Service "{{service}}" sets container_name "{{name}}", which service "{{other}}" also uses; Docker allows one container per name, so the second fails with "name is already in use": rename one, or drop container_name and let Compose name them.',
    },
    explanation: {
      why: 'Container names are unique on a Docker host: when two services set the same `container_name`, `docker compose up` creates the first and fails on the second with "The container name is already in use".',
      standard: 'Compose Specification, container_name; dclint no-duplicate-container-names.',
      bad: 'services:\n  api:\n    image: myorg/api:1.4\n    container_name: backend\n  worker:\n    image: myorg/worker:1.4\n    container_name: backend',
      good: 'services:\n  api:\n    image: myorg/api:1.4\n    container_name: backend-api\n  worker:\n    image: myorg/worker:1.4\n    container_name: backend-worker',
    },
  },
  check(context) {
    const project = projectOf(context);
    const named = [...project.services.values()].flatMap((service) => {
      const name = containerName(project, service);
      return name === undefined ? [] : [{ service, name }];
    });
    for (const { service, definition } of servicesHere(context)) {
      const name = containerName(project, service);
      const other = named.find((candidate) => candidate.service !== service && candidate.name === name && canRunTogether(service, candidate.service));
      if (name === undefined || !other) continue;
      // At the container_name that decides the service's name, or at the `extends` that brings it in.
      const written = definition.get('container_name');
      const decides = written && service.definitions.filter((candidate) => candidate.get('container_name')).at(-1) === definition;
      const inherited = !service.definitions.some((candidate) => candidate.get('container_name')) && definition.extends?.service;
      const range = decides ? written.range : inherited ? inherited.range : undefined;
      if (range) context.report({ messageId: 'duplicate', data: { service: service.name, name, other: other.service.name }, range });
    }
  },
});

/** The container name after interpolation; undefined when unset or unknown. */
function containerName(project: ComposeProject, service: ProjectService): string | undefined {
  const value = service.merged.container_name;
  return typeof value === 'string' || typeof value === 'number' ? project.interpolate(String(value)).value : undefined;
}
