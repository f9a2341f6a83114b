import type { TextEdit } from 'vscode-languageserver-types';
import { defineComposeRule, type Fix } from '../../engine/ruleTypes';
import type { Data } from '../../parsing/composeMerge';
import type { ServiceDefinition } from '../../parsing/composeService';
import { insertPair } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';
import { servicesAtHome } from '../support/compose';
import { isReadWhole } from '../support/composeMerged';

/** Half a CPU and 512 MiB: enough for a typical web service or small database, small enough to protect the host. */
const DEFAULT_CPUS = "'0.50'";
const DEFAULT_MEMORY = '512M';

export const rule = defineComposeRule({
  id: 'compose/missing-resource-limits',
  meta: {
    severity: 'warning',
    description: 'A service sets no CPU or memory limit, so one runaway container can starve every other one on the host.',
    fix: { when: 'unless `deploy:` comes from a merge key (`<<:`), which a new one would replace', applied: 'editor-only' },
    aliases: [],
    messages: {
      noLimits:
        'Service "{{service}}" has no CPU or memory limit, so a leak or a busy loop in it can starve the other containers and the host; set deploy.resources.limits (cpus and memory) to what it needs.',
    },
    explanation: {
      why: 'Without limits a container may use all the host\'s memory (until the kernel kills something, not necessarily the culprit) and every CPU. The quick fix adds `cpus: "0.50"` and `memory: 512M`, a starting point to adjust; it is never applied by fix-all or `lint --fix`, because a limit below what the service needs gets it killed.',
      standard: 'Container standard "Resource Management: define CPU and memory limits"; CIS Docker Benchmark 5.10, 5.11.',
      bad: 'services:\n  api:\n    image: example/api:2.3',
      good: "services:\n  api:\n    image: example/api:2.3\n    deploy:\n      resources:\n        limits:\n          cpus: '0.50'\n          memory: 512M",
    },
  },
  check(context) {
    for (const { service, definition } of servicesAtHome(context)) {
      if (hasLimits(service.merged) || !isReadWhole(service)) continue;
      context.report({ messageId: 'noLimits', data: { service: service.name }, range: definition.nameRange, fixes: () => limitsFix(definition) });
    }
  },
});

/** `deploy.resources.limits` with cpus or memory, or the older `cpus` / `mem_limit` service keys. */
function hasLimits(service: { readonly [field: string]: Data }): boolean {
  if (service.cpus !== undefined || service.mem_limit !== undefined) return true;
  const limits = child(child(service.deploy, 'resources'), 'limits');
  return limits !== undefined && (child(limits, 'cpus') !== undefined || child(limits, 'memory') !== undefined);
}

function child(value: Data | undefined, key: string): Data | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value[key] ?? undefined) : undefined;
}

/**
 * Adds what is missing under the innermost of `deploy:`, `resources:`, `limits:` the service already writes. A
 * `deploy:` that comes from a merge key gets no fix: writing one in the service would replace the merged one whole.
 */
function limitsFix(definition: ServiceDefinition): Fix[] {
  const deploy = definition.get('deploy');
  const resources = deploy?.get('resources');
  const limits = resources?.get('limits');
  let edits: (TextEdit | undefined)[];
  if (limits?.isMap) edits = [insertPair(limits, 'cpus', DEFAULT_CPUS), insertPair(limits, 'memory', DEFAULT_MEMORY)];
  else if (resources?.isMap && !limits) edits = [insertNested(resources, ['limits'])];
  else if (deploy?.isMap && !resources) edits = [insertNested(deploy, ['resources', 'limits'])];
  else if (definition.view && !deploy) edits = [insertNested(definition.view, ['deploy', 'resources', 'limits'])];
  else return [];
  if (edits.some((edit) => edit === undefined)) return [];
  return [
    {
      title: `Limit to ${DEFAULT_CPUS.replace(/'/g, '')} CPU and ${DEFAULT_MEMORY} of memory (adjust to the service)`,
      edits: edits as TextEdit[],
      unsafe: true,
    },
  ];
}

/** `path` mappings down to the limits, in the style of the mapping they go into (block lines or one flow line). */
function insertNested(map: YamlView, path: readonly string[]): TextEdit | undefined {
  const [first, ...rest] = path;
  if (!first) return undefined;
  if (map.map?.flow) {
    const inner = rest.reduceRight((value, key) => `{ ${key}: ${value} }`, `{ cpus: ${DEFAULT_CPUS}, memory: ${DEFAULT_MEMORY} }`);
    return insertPair(map, first, inner);
  }
  const lines = [
    ...rest.map((key, depth) => `${'  '.repeat(depth)}${key}:`),
    `${'  '.repeat(rest.length)}cpus: ${DEFAULT_CPUS}`,
    `${'  '.repeat(rest.length)}memory: ${DEFAULT_MEMORY}`,
  ];
  return insertPair(map, first, lines.join('\n'));
}
