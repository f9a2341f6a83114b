import { defineComposeRule, type Fix } from '../../engine/ruleTypes';
import { serviceImage, type ServiceImage } from '../../knowledge/serviceImages';
import type { Data } from '../../parsing/composeMerge';
import { hasInterpolation, parsePortText } from '../../parsing/composeService';
import { parseImageReference } from '../../parsing/imageReference';
import { insertPair } from '../../parsing/yamlEdit';
import type { ComposeProject, ProjectService } from '../../workspace/composeProject';
import { projectOf, servicesAtHome, type ServiceHere } from '../support/compose';
import { healthOfServices, isMapping } from '../support/composeHealth';
import { isReadWhole } from '../support/composeMerged';

const TIMING: readonly [string, string][] = [
  ['interval', '10s'],
  ['timeout', '5s'],
  ['retries', '5'],
];

export const rule = defineComposeRule({
  id: 'compose/missing-healthcheck',
  meta: {
    severity: 'warning',
    description: 'A service that other services depend on has no healthcheck, so Compose can only wait for it to start, not to be ready.',
    fix: {
      when: 'unless the service is a flow mapping (`{ … }`) whose image has no known health command',
      applied: { autoWhen: 'when the image table knows a health command for the image' },
    },
    aliases: [],
    messages: {
      missing:
        'Service "{{service}}" has no healthcheck, yet {{dependants}} on it: Compose can only wait for it to start, not for it to be ready (a database takes seconds to accept connections); add a healthcheck and make its dependants wait with condition: service_healthy.',
    },
    explanation: {
      why: "Started is not ready: a database container runs long before it accepts connections, so services that depend on it fail or race at startup. With a healthcheck Compose knows when the service is ready and `depends_on: condition: service_healthy` waits for it. The fix writes a probe with the image's own tools for known images (pg_isready, mysqladmin ping, redis-cli ping, mongosh…); for other images it writes a skeleton to complete, which is never applied by fix-all or `lint --fix`.",
      standard: 'Container standard "Health Checks: implement readiness and liveness probes"; Compose docs, "Control startup order".',
      bad: 'services:\n  app:\n    image: example/app:1.4\n    depends_on: [db]\n  db:\n    image: postgres:16-alpine',
      good: 'services:\n  app:\n    image: example/app:1.4\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 10s\n      timeout: 5s\n      retries: 5',
    },
  },
  check(context) {
    const project = projectOf(context);
    const health = healthOfServices(context);
    const dependants = waitingDependants(project);
    for (const here of servicesAtHome(context)) {
      const waiting = dependants.get(here.service.name);
      if (!waiting?.length || !isReadWhole(here.service) || health(here.service) !== 'none') continue;
      context.report({
        messageId: 'missing',
        data: { service: here.service.name, dependants: `${waiting.map((name) => `"${name}"`).join(', ')} ${waiting.length === 1 ? 'depends' : 'depend'}` },
        range: here.definition.nameRange,
        fixes: () => healthcheckFix(project, here),
      });
    }
  },
});

/**
 * The services that wait for each service to start. One that waits for a job to complete
 * (`service_completed_successfully`: migrations, seeding) needs no healthcheck of it.
 */
function waitingDependants(project: ComposeProject): Map<string, string[]> {
  const dependants = new Map<string, string[]>();
  for (const service of project.services.values()) {
    const dependsOn = service.merged.depends_on;
    if (!isMapping(dependsOn)) continue;
    for (const [name, settings] of Object.entries(dependsOn)) {
      if (isMapping(settings) && settings.condition === 'service_completed_successfully') continue;
      dependants.set(name, [...(dependants.get(name) ?? []), service.name]);
    }
  }
  return dependants;
}

function healthcheckFix(project: ComposeProject, { service, definition }: ServiceHere): Fix[] {
  const view = definition.view;
  if (!view) return [];
  const known = imageOf(project, service);
  const test = known?.image.probe?.({ environment: (name) => environmentValue(service, name), tag: known.tag });
  const settings: [string, string][] = [['test', flowList(test ?? ['CMD-SHELL', 'exit 0'], view.document.text)], ...TIMING];
  const edit = view.map?.flow
    ? insertPair(view, 'healthcheck', `{ ${settings.map(([key, value]) => `${key}: ${value}`).join(', ')} }`)
    : insertPair(
        view,
        'healthcheck',
        [...(test ? [] : [skeletonComment(service, known?.image)]), ...settings.map(([key, value]) => `${key}: ${value}`)].join('\n'),
      );
  if (!edit) return [];
  if (test) return [{ title: `Add a healthcheck: ${test.slice(1).join(' ')}`, edits: [edit] }];
  // A placeholder that always passes must be completed by hand before anyone relies on it.
  return view.map?.flow ? [] : [{ title: 'Add a healthcheck skeleton to complete', edits: [edit], unsafe: true }];
}

function imageOf(project: ComposeProject, service: ProjectService): { image: ServiceImage; tag?: string } | undefined {
  if (service.merged.build !== undefined || typeof service.merged.image !== 'string') return undefined;
  const resolved = project.interpolate(service.merged.image).value;
  const reference = resolved === undefined ? undefined : parseImageReference(resolved);
  const image = reference && serviceImage(reference);
  return image && { image, tag: reference.tag };
}

/**
 * A variable of the service's environment as the probe command should write it: plain text as is; anything the
 * shell or Compose would read differently as `$${NAME}`, which the container's shell expands from the same variable.
 */
function environmentValue(service: ProjectService, name: string): string | undefined {
  const environment = service.merged.environment;
  const value = isMapping(environment) ? environment[name] : undefined;
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  return /^[A-Za-z0-9_.@-]+$/.test(text) && !hasInterpolation(text) ? text : `"$\${${name}}"`;
}

function skeletonComment(service: ProjectService, image: ServiceImage | undefined): string {
  const port = image?.ports[0] ?? containerPort(service.merged.expose) ?? containerPort(service.merged.ports) ?? 8080;
  return `# TODO: a command that succeeds only once ${service.name} is ready, e.g. ["CMD", "curl", "-fsS", "http://127.0.0.1:${port}/health"]`;
}

function containerPort(list: Data | undefined): number | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const entry of list) {
    const target = isMapping(entry) ? entry.target : typeof entry === 'string' || typeof entry === 'number' ? parsePortText(String(entry)).target : undefined;
    const port = Number.parseInt(String(target), 10);
    if (Number.isInteger(port) && port > 0) return port;
  }
  return undefined;
}

/** The test as a flow list, quoted as the file quotes its values (single quotes where they are the habit and fit). */
function flowList(items: readonly string[], text: string): string {
  const singleQuoted = (text.match(/(?:^|[:\-[,]\s*)'/gm) ?? []).length;
  const doubleQuoted = (text.match(/(?:^|[:\-[,]\s*)"/gm) ?? []).length;
  const quote = (item: string) => (singleQuoted > doubleQuoted && !item.includes("'") ? `'${item}'` : JSON.stringify(item));
  return `[${items.map(quote).join(', ')}]`;
}
