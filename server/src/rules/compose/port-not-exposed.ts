import { defineComposeRule, type Fix } from '../../engine/ruleTypes';
import type { PortMapping } from '../../parsing/composeService';
import { hasVariable } from '../../parsing/imageReference';
import { replaceScalar } from '../../parsing/yamlEdit';
import { servicesHere } from '../support/compose';
import { describeDockerfile, dockerfileOf, resolveBuild } from '../../workspace/composeBuild';
import { builtStage, exposedPorts, parsePorts } from '../support/builtStage';

export const rule = defineComposeRule({
  id: 'compose/port-not-exposed',
  meta: {
    severity: 'info',
    description:
      'A service built from a Dockerfile publishes a container port that the image does not EXPOSE, which often means the mapping points at a port nothing listens on.',
    fix: { when: 'when the image exposes exactly one port of the protocol', applied: 'editor-only' },
    aliases: [],
    messages: {
      notExposed:
        'Service "{{service}}" publishes container port {{port}}, but the image built from {{dockerfile}} only EXPOSEs {{exposed}}; check which port the application listens on, then correct the mapping or the EXPOSE.',
    },
    explanation: {
      why: 'EXPOSE documents the ports the application listens on. A published container port that the Dockerfile does not expose is usually a mapping left behind when the application moved to another port: requests then reach a port nothing listens on and fail with "connection reset".',
      standard: 'Dockerfile reference, EXPOSE; Compose Specification, ports.',
      bad: '# Dockerfile: EXPOSE 3000\nservices:\n  app:\n    build: .\n    ports:\n      - "127.0.0.1:8080:8080"',
      good: '# Dockerfile: EXPOSE 3000\nservices:\n  app:\n    build: .\n    ports:\n      - "127.0.0.1:8080:3000"',
    },
  },
  check(context) {
    for (const { project, service, definition } of servicesHere(context)) {
      const build = resolveBuild(project, service);
      if (!build) continue;
      const dockerfile = dockerfileOf(context.workspace, build);
      const stage = dockerfile && builtStage(dockerfile, build.target);
      const exposed = stage && exposedPorts(stage);
      // Nothing exposed says nothing about the ports; an EXPOSE from a build argument may be any port.
      if (!exposed?.length) continue;
      for (const port of Array.isArray(service.merged.expose) ? service.merged.expose : []) exposed.push(...parsePorts(String(port)));
      for (const mapping of definition.ports) {
        const target = mapping.target;
        if (mapping.interpolated || !target || hasVariable(target) || !effective(service.merged.ports, mapping)) continue;
        const wanted = parsePorts(`${target}/${mapping.protocol}`);
        if (!wanted.length || wanted.every((port) => exposed.some((candidate) => candidate.protocol === port.protocol && candidate.port === port.port)))
          continue;
        const sameProtocol = [...new Set(exposed.filter((candidate) => candidate.protocol === wanted[0]!.protocol).map((candidate) => candidate.port))];
        context.report({
          messageId: 'notExposed',
          data: {
            service: service.name,
            port: `${target}/${mapping.protocol}`,
            dockerfile: describeDockerfile(build),
            exposed: [...new Set(exposed.map((candidate) => `${candidate.port}/${candidate.protocol}`))].join(', '),
          },
          range: (mapping.view.isMap ? mapping.view.get('target') : undefined)?.range ?? mapping.view.range,
          fixes: () => (sameProtocol.length === 1 && wanted.length === 1 ? retarget(mapping, String(sameProtocol[0])) : []),
        });
      }
    }
  },
});

/** Whether the merged service still has this mapping: an override may replace the list. */
function effective(ports: unknown, mapping: PortMapping): boolean {
  const written = JSON.stringify(mapping.view.toJS());
  return Array.isArray(ports) && ports.some((port) => JSON.stringify(port) === written);
}

/** Points the mapping at the one port the image exposes; a guess about the application, so never applied unreviewed. */
function retarget(mapping: PortMapping, port: string): Fix[] {
  const view = mapping.view.isMap ? mapping.view.get('target') : mapping.view;
  const text = view?.text;
  if (!view || text === undefined) return [];
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const newText = mapping.view.isMap ? port : `${address.slice(0, address.lastIndexOf(':') + 1)}${port}${slash < 0 ? '' : text.slice(slash)}`;
  // A number stays a number (`target: 80`); text keeps its quotes.
  const edit = typeof view.scalar === 'number' ? (view.isEditable ? { range: view.range, newText } : undefined) : replaceScalar(view, newText);
  return edit ? [{ title: `Publish container port ${port}`, edits: [edit], unsafe: true }] : [];
}
