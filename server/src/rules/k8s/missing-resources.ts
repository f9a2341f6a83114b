import type { TextEdit } from 'vscode-languageserver-types';
import { defineKubernetesRule, type Fix } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { containersHere } from '../support/kubernetes';
import { insertTree, type YamlTree } from '../support/yamlTree';

/** A tenth of a CPU and 256 MiB: a starting point for a typical web process, to measure and adjust. */
const DEFAULT_CPU_REQUEST = '100m';
const DEFAULT_MEMORY = '256Mi';

type Requirement = 'cpuRequest' | 'memoryRequest' | 'memoryLimit';

const REQUIREMENT_WORDS: Record<Requirement, string> = { cpuRequest: 'CPU request', memoryRequest: 'memory request', memoryLimit: 'memory limit' };

/** The other tools' checks that name each missing setting, so their suppressions apply to exactly that finding. */
const REQUIREMENT_ALIASES: Record<Requirement, readonly string[]> = {
  cpuRequest: ['kube-linter:unset-cpu-requirements', 'polaris:cpuRequestsMissing'],
  memoryRequest: ['kube-linter:unset-memory-requirements', 'polaris:memoryRequestsMissing'],
  memoryLimit: ['kube-linter:unset-memory-requirements', 'polaris:memoryLimitsMissing'],
};

export const rule = defineKubernetesRule({
  id: 'k8s/missing-resources',
  meta: {
    severity: 'warning',
    description: 'A container sets no CPU request, memory request or memory limit, so the scheduler places it blind and a leak in it can exhaust the node.',
    scope: 'document',
    fix: { when: 'unless `resources:` is reached through a YAML alias or left empty', applied: 'editor-only' },
    aliases: [
      'kube-linter:unset-cpu-requirements',
      'kube-linter:unset-memory-requirements',
      'kube-score:container-resources',
      'polaris:cpuRequestsMissing',
      'polaris:memoryLimitsMissing',
    ],
    messages: {
      missing:
        'Container "{{container}}" sets no {{missing}}: the scheduler cannot place it by what it needs, the kubelet evicts it first when the node runs short, and without a memory limit a leak in it can take the node\'s memory; set resources to what it uses.',
      noMemoryLimit:
        'Container "{{container}}" sets no memory limit, so a leak in it can take the node\'s memory and its neighbours down with it; set resources.limits.memory to what it uses at peak.',
    },
    explanation: {
      why: 'Without requests the scheduler packs pods onto nodes that cannot run them and the kubelet evicts them first under pressure (BestEffort class); without a memory limit one leaking container can push the node out of memory and take its neighbours down. A request left out next to its limit is not reported: Kubernetes copies the limit into it. Pod-level `resources` (Kubernetes 1.32+) count for every container. The quick fix writes `requests: {cpu: 100m, memory: 256Mi}` and `limits: {memory: 256Mi}` (a memory limit equal to an existing memory request), completing a `resources:` that is already there; it sets no CPU limit, which throttles rather than protects. It is never applied by fix-all or `lint --fix`: sizes are yours to choose, and a limit below what the container uses gets it killed.',
      standard:
        'Container standard "Resource Management: define CPU and memory requests and limits"; kube-linter unset-cpu-requirements and unset-memory-requirements; kube-score container-resources; Polaris cpuRequestsMissing, memoryLimitsMissing.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3\n      resources:\n        requests:\n          cpu: 100m\n          memory: 256Mi\n        limits:\n          memory: 256Mi',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      // The API refuses resources on an ephemeral (debug) container.
      if (container.field === 'ephemeralContainers') continue;
      const missing = missingRequirements(container);
      if (missing.length === 0) continue;
      context.report({
        messageId: missing.length === 1 && missing[0] === 'memoryLimit' ? 'noMemoryLimit' : 'missing',
        data: { container: container.name || '?', missing: listOf(missing.map((requirement) => REQUIREMENT_WORDS[requirement])) },
        range: container.keyRangeOr('resources'),
        aliases: [...new Set(missing.flatMap((requirement) => REQUIREMENT_ALIASES[requirement]))],
        fixes: () => resourcesFix(container, missing),
      });
    }
  },
});

/** Whether the container, or the pod for all its containers, sets `resources.<section>.<resource>`. */
function isSet(container: ContainerView, section: 'requests' | 'limits', resource: 'cpu' | 'memory'): boolean {
  const own = container.view.at('resources', section, resource);
  const pod = container.workload.podSpec.at('resources', section, resource);
  return [own, pod].some((view) => view?.scalar !== undefined && view.scalar !== null);
}

/** What the kubelet would run the container without; a request defaults to its limit. */
function missingRequirements(container: ContainerView): Requirement[] {
  const missing: Requirement[] = [];
  if (!isSet(container, 'requests', 'cpu') && !isSet(container, 'limits', 'cpu')) missing.push('cpuRequest');
  const memoryLimit = isSet(container, 'limits', 'memory');
  if (!isSet(container, 'requests', 'memory') && !memoryLimit) missing.push('memoryRequest');
  if (!memoryLimit) missing.push('memoryLimit');
  return missing;
}

function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * Completes the container's own `resources:` with what is missing: new `requests:`/`limits:` mappings, or keys in
 * the ones it has. A memory limit takes the container's memory request when it has one. No fix where a mapping to
 * complete is not a mapping written here (an alias, a merge key, `resources:` left empty).
 */
function resourcesFix(container: ContainerView, missing: readonly Requirement[]): Fix[] {
  const resources = container.get('resources');
  const requests: Record<string, string> = {};
  if (missing.includes('cpuRequest')) requests.cpu = DEFAULT_CPU_REQUEST;
  if (missing.includes('memoryRequest')) requests.memory = DEFAULT_MEMORY;
  const limits: Record<string, string> = {};
  if (missing.includes('memoryLimit')) limits.memory = resources?.at('requests', 'memory')?.text ?? DEFAULT_MEMORY;
  const wanted: Record<string, YamlTree> = {};
  if (Object.keys(requests).length > 0) wanted.requests = requests;
  if (Object.keys(limits).length > 0) wanted.limits = limits;

  let edits: (TextEdit | undefined)[];
  if (!resources) edits = [insertTree(container.view, 'resources', wanted)];
  else if (!resources.isMap) return [];
  else {
    // Keys for a mapping that ends where `resources:` does must come before a new section inserted at that point.
    const sections = Object.entries(wanted);
    const completed = sections.filter(([section]) => resources.get(section) !== undefined);
    const added = sections.filter(([section]) => resources.get(section) === undefined);
    edits = [
      ...completed.flatMap(([section, entries]) => {
        const existing = resources.get(section);
        return existing?.isMap ? Object.entries(entries).map(([key, value]) => insertTree(existing, key, value)) : [undefined];
      }),
      ...added.map(([section, entries]) => insertTree(resources, section, entries)),
    ];
  }
  if (edits.length === 0 || edits.some((edit) => edit === undefined)) return [];
  const sizes = [
    ...Object.entries(requests).map(([key, value]) => `${key} request ${value}`),
    ...Object.entries(limits).map(([key, value]) => `${key} limit ${value}`),
  ];
  return [{ title: `Set ${sizes.join(', ')} (adjust to what the container uses)`, edits: edits as TextEdit[], unsafe: true }];
}
