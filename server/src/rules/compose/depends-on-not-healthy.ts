import type { TextEdit } from 'vscode-languageserver-types';
import { defineComposeRule, type Fix } from '../../engine/ruleTypes';
import type { Dependency, ServiceDefinition } from '../../parsing/composeService';
import { insertPair, replaceScalar, replaceWithBlock, scalarText } from '../../parsing/yamlEdit';
import type { ComposeProject, ProjectService } from '../../workspace/composeProject';
import { projectOf, servicesHere } from '../support/compose';
import { isReadWhole } from '../support/composeMerged';
import { canBeHealthy, type Health, healthOfServices, isMapping } from '../support/composeHealth';

export const rule = defineComposeRule({
  id: 'compose/depends-on-not-healthy',
  meta: {
    severity: 'warning',
    description: 'A service waits only for a dependency to start although the dependency has a healthcheck that says when it is ready.',
    fix: { when: 'when the dependency list is written in the service, not reached through a YAML alias', applied: 'auto' },
    aliases: [],
    messages: {
      started:
        'Service "{{service}}" waits only for "{{dependency}}" to start, but "{{dependency}}" has a healthcheck: use condition: service_healthy so that "{{service}}" starts once "{{dependency}}" is ready.',
    },
    explanation: {
      why: "The short form of `depends_on` (and `condition: service_started`) only orders the containers: the dependant starts as soon as the dependency's process runs, typically before a database accepts connections. `service_healthy` waits for the dependency's healthcheck to pass.",
      standard: 'Container standard "Health Checks"; Compose docs, "Control startup order".',
      bad: 'services:\n  app:\n    image: example/app:1.4\n    depends_on:\n      - db\n  db:\n    image: postgres:16-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]',
      good: 'services:\n  app:\n    image: example/app:1.4\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]',
    },
  },
  check(context) {
    const project = projectOf(context);
    const health = healthOfServices(context);
    for (const { service, definition } of servicesHere(context)) {
      if (!isReadWhole(service)) continue;
      for (const dependency of definition.dependsOn) {
        const target = project.services.get(dependency.service);
        if (!target || !canBeHealthy(health(target)) || mergedCondition(service, dependency.service) !== 'service_started') continue;
        // With the dependency written in several files, the last one decides the condition: report it there.
        if (lastDefinitionNaming(service, dependency.service) !== definition) continue;
        context.report({
          messageId: 'started',
          data: { service: service.name, dependency: dependency.service },
          range: dependency.range,
          fixes: () => healthyFix(project, definition, dependency, health),
        });
      }
    }
  },
});

function mergedCondition(service: ProjectService, dependency: string): string | undefined {
  const dependsOn = service.merged.depends_on;
  const settings = isMapping(dependsOn) ? dependsOn[dependency] : undefined;
  if (!isMapping(settings)) return 'service_started';
  return settings.condition === undefined || settings.condition === null ? 'service_started' : String(settings.condition);
}

function lastDefinitionNaming(service: ProjectService, dependency: string): ServiceDefinition | undefined {
  return [...service.definitions].reverse().find((definition) => definition.dependsOn.some((entry) => entry.service === dependency));
}

/**
 * The long form names a condition for every dependency, so a short list is rewritten whole: `service_healthy`
 * for the dependencies with a healthcheck, `service_started` (what the list meant) for the others. A long-form
 * entry only gets its condition changed.
 */
function healthyFix(project: ComposeProject, definition: ServiceDefinition, dependency: Dependency, health: (service: ProjectService) => Health): Fix[] {
  let edit: TextEdit | undefined;
  if (dependency.form === 'long') {
    edit = dependency.condition ? replaceScalar(dependency.condition, 'service_healthy') : insertPair(dependency.view, 'condition', 'service_healthy');
  } else {
    const list = definition.get('depends_on');
    const conditions = definition.dependsOn.map(({ service }) => {
      const target = project.services.get(service);
      return `${scalarText(service)}:\n  condition: ${target && canBeHealthy(health(target)) ? 'service_healthy' : 'service_started'}`;
    });
    edit = list && replaceWithBlock(list, conditions.join('\n'));
  }
  return edit ? [{ title: `Wait for "${dependency.service}" to be healthy`, edits: [edit] }] : [];
}
