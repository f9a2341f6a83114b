import { defineKubernetesRule } from '../../engine/ruleTypes';
import { dirnameUri, joinUri } from '../../workspace/uri';
import type { Workspace } from '../../workspace/workspace';
import { hasKubernetesSchema, kubernetesRenameResolves, kubernetesSchemaViolations } from '../../schema/kubernetesSchema';
import { SCHEMA_MESSAGES } from '../../schema/schemaMessages';
import { MAX_ALIAS_COUNT, plainData, reportDataProblem, reportViolations } from '../support/schemaFindings';
import { FIX_WHEN } from '../support/fixConditions';

/** A Helm or other template action: the document is only YAML once rendered, so its data says nothing yet. */
const TEMPLATE_ACTION = '{{';

/** The names kustomize reads a kustomization from. */
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Manifests beside a kustomization are kustomize's input, not what is applied: a base's Deployment may leave its
 * selector to `labels`/`commonLabels`, and a patch holds only the fields it changes. Missing fields are not
 * reported there; unknown fields and wrong values still are.
 */
function isKustomizeInput(uri: string, workspace: Workspace): boolean {
  const folder = dirnameUri(uri);
  return KUSTOMIZATION_FILES.some((name) => workspace.exists(joinUri(folder, name)));
}

export const rule = defineKubernetesRule({
  id: 'k8s/schema',
  meta: {
    severity: 'error',
    description:
      'A Kubernetes object breaks the schema of its apiVersion and kind (Kubernetes 1.36, offline): unknown fields, wrong types, values that are not allowed, missing fields.',
    scope: 'document',
    fix: { when: FIX_WHEN.misspeltKey, applied: 'auto' },
    aliases: ['kube-linter:schema-validation'],
    messages: {
      ...SCHEMA_MESSAGES,
      unresolvedAlias: 'The alias "*{{name}}" has no anchor "&{{name}}" before it, so kubectl cannot load the manifest; define the anchor above its first use.',
      badMerge:
        'The merge key "<<" takes a mapping, an alias of one or a list of them, so kubectl cannot load the manifest; merge an anchored mapping, as in `<<: *defaults`.',
      tooManyAliases: `The aliases of this document expand more than ${MAX_ALIAS_COUNT} times, so it was not checked against the Kubernetes schema; reuse fewer anchors.`,
    },
    explanation: {
      why: 'The API server refuses an object with a field of the wrong type or a missing required field, and `kubectl apply` drops or refuses fields it does not know (a misspelt `imagePullPolicy` or `resources` is silently lost); the linter shows every such problem at once, where it is, before anything is applied. Kinds it has no schema for (custom resources) are not checked.',
      standard:
        'Kubernetes 1.36 OpenAPI schema (via kubernetes-models 5.1.0) with closed objects, as `kubectl apply --validate=strict`; kube-linter schema-validation; kubeconform -strict.',
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replica: 2\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: "80"',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 80',
    },
  },
  check({ file, workspace, report }) {
    let kustomizeInput: boolean | undefined;
    for (const manifest of file.objects) {
      const { document, apiVersion, kind } = manifest;
      // Broken YAML is k8s/syntax's to report; custom resources have no schema here.
      if (document.parsed.errors.length > 0 || !hasKubernetesSchema(apiVersion, kind) || document.text.includes(TEMPLATE_ACTION)) continue;
      const data = plainData(document);
      if (data.problem) {
        reportDataProblem(data.problem, report);
        continue;
      }
      let violations = kubernetesSchemaViolations(data.value, apiVersion, kind) ?? [];
      if (violations.some((violation) => violation.messageId === 'missingKeys')) {
        kustomizeInput ??= isKustomizeInput(file.uri, workspace);
        if (kustomizeInput) violations = violations.filter((violation) => violation.messageId !== 'missingKeys');
      }
      const resolves = (objectPath: readonly (string | number)[], from: string, to: string) =>
        kubernetesRenameResolves(data.value, apiVersion, kind, { objectPath, from, to }, violations.length);
      reportViolations(document, file.document, violations, resolves, report);
    }
  },
});
