import { defineKubernetesRule, type Problem } from '../../engine/ruleTypes';
import type { YamlView } from '../../parsing/yamlView';
import { oncePerRange } from '../support/composeMerged';
import { containersHere, objectsHere } from '../support/kubernetes';

export const rule = defineKubernetesRule({
  id: 'k8s/invalid-port-name',
  meta: {
    severity: 'error',
    description: 'A container port name or a Service targetPort breaks the IANA service-name rules, so the API server rejects the object.',
    scope: 'document',
    aliases: ['kube-linter:invalid-target-ports'],
    messages: {
      containerPort:
        'Port name "{{name}}" of container "{{container}}" {{problem}}, so the API server rejects the object; port names are at most 15 lowercase letters, digits and single hyphens, with at least one letter.',
      targetPort:
        'targetPort "{{name}}" of Service "{{service}}" {{problem}}, so the API server rejects the Service; a port name is at most 15 lowercase letters, digits and single hyphens, with at least one letter (or write the port number).',
      targetPortNumber: 'targetPort {{name}} of Service "{{service}}" is not a port number between 1 and 65535, so the API server rejects the Service.',
    },
    explanation: {
      why: 'Port names follow IANA_SVC_NAME (RFC 6335): 1 to 15 characters, lowercase letters, digits and `-`, at least one letter, no `-` at either end and never two in a row. The API server refuses a Deployment or a Service that breaks this, so the apply fails (in CI, or worse, halfway through a release). A quoted number such as `"8080"` is a name too, and fails for want of a letter.',
      standard: 'Kubernetes API validation (IsValidPortName); kube-linter invalid-target-ports.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3\n      ports:\n        - name: http_metrics\n          containerPort: 9090',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3\n      ports:\n        - name: http-metrics\n          containerPort: 9090',
    },
  },
  check(context) {
    // Ports shared through an anchor are one text: reported once, where it is written.
    const firstTime = oncePerRange();
    for (const container of containersHere(context)) {
      for (const port of container.ports) {
        const nameView = port.view.get('name');
        const problem = port.name === undefined ? undefined : portNameProblem(port.name);
        if (!problem || !nameView || !firstTime(nameView.range)) continue;
        context.report({ messageId: 'containerPort', data: { name: port.name ?? '', container: container.name || '?', problem }, range: nameView.range });
      }
    }
    for (const service of objectsHere(context)) {
      if (service.kind !== 'Service' || service.group !== '') continue;
      for (const port of service.view.at('spec', 'ports')?.items() ?? []) {
        const target = port.get('targetPort');
        if (target && firstTime(target.range)) reportTarget(target, service.name ?? '?', (problem) => context.report(problem));
      }
    }
  },
});

function reportTarget(target: YamlView, service: string, report: (problem: Problem) => void): void {
  const value = target.scalar;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 65535)
      report({ messageId: 'targetPortNumber', data: { name: String(value), service }, range: target.range });
    return;
  }
  if (typeof value !== 'string') return;
  const problem = portNameProblem(value);
  if (problem) report({ messageId: 'targetPort', data: { name: value, service, problem }, range: target.range });
}

/** What makes `name` an invalid port name, in words; undefined when it is valid or a template fills it in (`${PORT}`). */
function portNameProblem(name: string): string | undefined {
  if (/\$\{|\$\(|\{\{/.test(name)) return undefined;
  if (name.length === 0) return 'is empty';
  if (name.length > 15) return `is ${name.length} characters long, more than 15`;
  if (!/^[-a-z0-9]+$/.test(name))
    return /[A-Z]/.test(name) && /^[-a-zA-Z0-9]+$/.test(name) ? 'has uppercase letters' : 'has characters other than lowercase letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'has no letter';
  if (name.startsWith('-') || name.endsWith('-')) return 'starts or ends with "-"';
  if (name.includes('--')) return 'has "--"';
  return undefined;
}
