import type { Range } from 'vscode-languageserver-types';
import { defineComposeRule, type RuleContext } from '../../engine/ruleTypes';
import type { ComposeFile } from '../../parsing/containerFile';
import type { ProjectService } from '../../workspace/composeProject';
import { projectOf, servicesHere } from '../support/compose';
import { canRunTogether, collide, publishedPort, publishedPorts, type PublishedPort } from '../support/composeConflicts';

export const rule = defineComposeRule({
  id: 'compose/duplicate-host-port',
  meta: {
    severity: 'error',
    description: 'Two services (or two entries of one) publish the same host port, so the second container cannot start.',
    aliases: ['dclint:no-duplicate-exported-ports'],
    messages: {
      otherService:
        'Host port {{port}} ({{mapping}}) is also published by service "{{other}}" ({{otherMapping}}), so whichever starts second fails with "port is already allocated"; publish one of them on another host port.',
      sameService:
        'Service "{{service}}" publishes host port {{port}} twice ({{mapping}} and {{otherMapping}}), so it fails to start with "port is already allocated"; keep one mapping (an override replaces a list with `!override`).',
    },
    explanation: {
      why: 'A host port (on one address and protocol) can be bound by one container only: `docker compose up` starts the first service and fails on the second with "port is already allocated".',
      standard: 'Docker networking, published ports; dclint no-duplicate-exported-ports.',
      bad: 'services:\n  web:\n    image: nginx:1.29\n    ports: ["127.0.0.1:8080:80"]\n  api:\n    image: myorg/api:1.4\n    ports: ["127.0.0.1:8080:3000"]',
      good: 'services:\n  web:\n    image: nginx:1.29\n    ports: ["127.0.0.1:8080:80"]\n  api:\n    image: myorg/api:1.4\n    ports: ["127.0.0.1:8081:3000"]',
    },
  },
  check(context) {
    const project = projectOf(context);
    const all = [...project.services.values()].flatMap((service) => publishedPorts(project, service));
    for (const { service, definition } of servicesHere(context)) {
      const written = definition.ports.flatMap((mapping) => {
        const port = publishedPort(project, service, mapping.view.toJS());
        // Only entries the merged service still has: an override may have replaced the list.
        if (!port || !all.some((other) => other.service === service && other.key === port.key)) return [];
        return [{ port, range: (mapping.view.isMap ? mapping.view.get('published') : undefined)?.range ?? mapping.view.range }];
      });
      for (const { port, range } of written) report(context.report, port, range, all);
      // Ports inherited through `extends` are written in the base service: reported at the `extends` here.
      const extendsView = definition.extends?.service;
      if (!extendsView) continue;
      const own = new Set(
        service.definitions.flatMap((candidate) => candidate.ports.map((mapping) => publishedPort(project, service, mapping.view.toJS())?.key)),
      );
      for (const port of all.filter((candidate) => candidate.service === service && !own.has(candidate.key)))
        report(context.report, port, extendsView.range, all);
    }
  },
});

function report(reportProblem: RuleContext<ComposeFile>['report'], port: PublishedPort, range: Range, all: readonly PublishedPort[]): void {
  const other = all.find(
    (candidate) =>
      (candidate.service !== port.service || candidate.key !== port.key) && collide(port, candidate) && runTogether(port.service, candidate.service),
  );
  if (!other) return;
  const portText = port.first === port.last ? String(port.first) : `${port.first}-${port.last}`;
  const data = { service: port.service.name, other: other.service.name, port: portText, mapping: port.text, otherMapping: other.text };
  reportProblem({ messageId: other.service === port.service ? 'sameService' : 'otherService', data, range });
}

function runTogether(a: ProjectService, b: ProjectService): boolean {
  return a === b || canRunTogether(a, b);
}
