import { isScalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { defineKubernetesRule, type Fix } from '../../engine/ruleTypes';
import type { KubernetesObject } from '../../parsing/kubernetes';
import { retiredApi, type RetiredApi } from '../../schema/kubernetesApiVersions';
import { kubernetesSchemaViolations } from '../../schema/kubernetesSchema';
import { schemaMessage } from '../../schema/schemaMessages';
import type { SchemaViolation } from '../../schema/schemaViolations';
import { plainData } from '../support/schemaFindings';

export interface RemovedApiOptions {
  kubernetesVersion: string;
}

/** How many of the changes a replacement needs the message spells out. */
const CHANGES_SHOWN = 3;

/** The workload kinds whose defaults changed with apps/v1: moving them changes behaviour, so the fix is reviewed. */
const CHANGED_DEFAULTS = new Set(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet']);

export const rule = defineKubernetesRule<RemovedApiOptions>({
  id: 'k8s/removed-api',
  meta: {
    severity: 'error',
    description:
      'An object uses an apiVersion that the target Kubernetes version no longer serves (an error) or has deprecated (a warning), such as `extensions/v1beta1` Deployments or `batch/v1beta1` CronJobs.',
    scope: 'document',
    fix: {
      when: 'when the API has a replacement that needs no other change to the object',
      applied: { autoWhen: 'when the kind keeps its defaults in the replacement (not Deployment, DaemonSet, StatefulSet or ReplicaSet)' },
    },
    aliases: ['kube-score:stable-version', 'kube-linter:no-extensions-v1beta'],
    messages: {
      removed: '{{kind}} {{apiVersion}} is not served since Kubernetes {{removed}}; use {{replacement}}.',
      removedWithChanges: '{{kind}} {{apiVersion}} is not served since Kubernetes {{removed}}; use {{replacement}}, which also needs: {{changes}}.',
      removedWithoutReplacement: '{{kind}} {{apiVersion}} is not served since Kubernetes {{removed}} and has no replacement; {{advice}}.',
      deprecated: '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{deprecated}} and not served from {{removed}}; use {{replacement}}.',
      deprecatedWithChanges:
        '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{deprecated}} and not served from {{removed}}; use {{replacement}}, which also needs: {{changes}}.',
      deprecatedWithoutReplacement:
        '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{deprecated}} and not served from {{removed}}, with no replacement; {{advice}}.',
    },
    explanation: {
      why: 'The API server refuses an object whose apiVersion it no longer serves, so `kubectl apply` and Helm upgrades fail after a cluster upgrade; the replacement version often needs more than a new apiVersion (apps/v1 requires a Deployment selector, networking.k8s.io/v1 a new Ingress backend form). Deprecated versions still work but are warned about: they go away in the version named.',
      standard:
        'Kubernetes Deprecated API Migration Guide; kube-score stable-version; kube-linter no-extensions-v1beta. The target version is the `kubernetesVersion` option (default 1.36).',
      bad: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80',
      good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port: { number: 80 }',
    },
    options: {
      kubernetesVersion: {
        type: 'string',
        pattern: '^1\\.\\d+$',
        default: '1.36',
        description:
          'The Kubernetes version the manifests are applied to, e.g. `"1.29"`: apiVersions it no longer serves are errors of `k8s/removed-api`, those it has deprecated are warnings.',
      },
    },
  },
  check({ file, options, report }) {
    const target = minorOf(options.kubernetesVersion);
    for (const manifest of file.objects) {
      const retired = retiredApi(manifest.apiVersion, manifest.kind);
      if (!retired || target < retired.deprecated) continue;
      const apiVersion = manifest.view.get('apiVersion')?.node;
      if (!isScalar(apiVersion) || !apiVersion.range) continue;
      const removed = target >= retired.removed;
      const replacement = replacementFor(retired, target);
      const data: Record<string, string> = {
        kind: manifest.kind,
        apiVersion: manifest.apiVersion,
        deprecated: `1.${retired.deprecated}`,
        removed: `1.${retired.removed}`,
      };
      const prefix = removed ? 'removed' : 'deprecated';
      const severity = removed ? undefined : ('warning' as const);
      const range = manifest.document.rangeOf(apiVersion);
      if (!replacement) {
        report({ messageId: `${prefix}WithoutReplacement`, data: { ...data, advice: retired.advice ?? 'remove it' }, range, severity });
        continue;
      }
      const changes = changesFor(manifest, replacement);
      const fixes = changes?.length === 0 ? [rewriteFix(manifest, replacement, apiVersion.type, range)] : [];
      const messageId = changes && changes.length > 0 ? `${prefix}WithChanges` : prefix;
      report({ messageId, data: { ...data, replacement, changes: describeChanges(changes ?? []) }, range, fixes, severity });
    }
  },
});

function minorOf(version: string): number {
  return Number(/^1\.(\d+)$/.exec(version)?.[1] ?? 36);
}

/** The replacement the target version serves: the interim version for targets before the replacement existed. */
function replacementFor(retired: RetiredApi, target: number): string | undefined {
  if (!retired.replacement) return undefined;
  if (retired.interim && target < (retired.replacementSince ?? 0) && target >= retired.interim.since) return retired.interim.apiVersion;
  return retired.replacement;
}

/**
 * What the object must change besides its apiVersion to pass the replacement's schema: what that schema finds and
 * the current one does not (problems it already has are k8s/schema's). Undefined when that cannot be told (broken
 * YAML, a template), so that no fix is offered blindly.
 */
function changesFor(manifest: KubernetesObject, replacement: string): string[] | undefined {
  const { document, apiVersion, kind } = manifest;
  if (document.parsed.errors.length > 0 || document.text.includes('{{')) return undefined;
  const data = plainData(document);
  if (data.problem || data.value === null || typeof data.value !== 'object') return undefined;
  const moved = kubernetesSchemaViolations({ ...(data.value as Record<string, unknown>), apiVersion: replacement }, replacement, kind);
  if (!moved) return undefined;
  const key = (violation: SchemaViolation) => `${violation.messageId} ${JSON.stringify(violation.path)}`;
  const before = new Set((kubernetesSchemaViolations(data.value, apiVersion, kind) ?? []).map(key));
  return moved.filter((violation) => !before.has(key(violation))).map((violation) => schemaMessage(violation.messageId, violation.data).replace(/\.$/, ''));
}

function describeChanges(changes: readonly string[]): string {
  const shown = changes.slice(0, CHANGES_SHOWN).join('; ');
  return changes.length > CHANGES_SHOWN ? `${shown}; and ${changes.length - CHANGES_SHOWN} more` : shown;
}

/** Replaces the apiVersion's text, inside its quotes when it has them. */
function rewriteFix(manifest: KubernetesObject, replacement: string, type: string | undefined, range: Range): Fix {
  const quoted = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
  const inner = quoted ? { start: { ...range.start, character: range.start.character + 1 }, end: { ...range.end, character: range.end.character - 1 } } : range;
  return {
    title: `Use ${replacement}`,
    edits: [{ range: inner, newText: replacement }],
    // The workloads' defaults changed with apps/v1 (DaemonSet updates, kept revisions): a person decides.
    ...(CHANGED_DEFAULTS.has(manifest.kind) ? { unsafe: true } : {}),
  };
}
