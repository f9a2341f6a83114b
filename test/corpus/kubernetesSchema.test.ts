// k8s/schema over the real-world Kubernetes corpus (../shared/corpus/k8s): every finding is listed here (the corpus
// holds linters' deliberately broken test files) and checked to sit on a key or value; and on every object, the
// generated schema agrees with the kubernetes-models validators on type, required and enum errors.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { pathOfInstancePath } from '../../server/src/parsing/yamlPath';
import { rule as removedApi } from '../../server/src/rules/k8s/removed-api';
import { rule } from '../../server/src/rules/k8s/schema';
import { hasKubernetesSchema, isEnvsubstPlaceholder, kubernetesSchemaViolations } from '../../server/src/schema/kubernetesSchema';
import { corpus, corpusFiles, type CorpusFile } from '../helpers/corpus';
import { lintCase } from '../ruleTester';

const folder = join(corpus, 'k8s');

/** The corpus files that are Kubernetes files by their name and content (not tool configurations: kustomizations, a kind cluster). */
function kubernetesFiles(): CorpusFile[] {
  return corpusFiles(folder).filter((file) => parseContainerFile(`file:///corpus/${file.path.split('/').at(-1)}`, file.text).kind === 'kubernetes');
}

/** What the schema rightly reports in the corpus, by file, line and message id. */
const EXPECTED = [
  // Deliberately broken fixtures (kubeconform's invalid and extra_property, kustomize's validationTransformer, Polaris's
  // pod with readOnlyRootFilesystem at pod level and unnamed containers) and datree policy fixtures that the API refuses:
  // a v1 CRD with v1beta1's `validation`, hostNetwork on a Deployment spec, an unnamed volumeMount, prose as caBundle.
  'FairwindsOps_polaris/test_checks_notReadOnlyRootFilesystem_failure.pod.yaml:9 unknownKey',
  'FairwindsOps_polaris/test_checks_notReadOnlyRootFilesystem_failure.pod.yaml:11 missingKeys',
  'FairwindsOps_polaris/test_checks_notReadOnlyRootFilesystem_failure.pod.yaml:13 missingKeys',
  'datreeio_datree/examples_CHECKING_DEPRECATED_API_VERSIONS_fail.yaml:38 wrongType',
  'datreeio_datree/pkg_policy_tests_18_pass_18-pass.yaml:14 unknownKey',
  'datreeio_datree/pkg_policy_tests_30_pass_30-pass.yaml:10 unknownKey',
  'datreeio_datree/pkg_policy_tests_30_pass_30-pass.yaml:28 missingKeys',
  'kubernetes-sigs_kustomize/examples_validationTransformer_invalid.yaml:6 wrongType',
  'yannh_kubeconform/fixtures_extra_property.yaml:7 unknownKey',
  'yannh_kubeconform/fixtures_invalid.yaml:6 wrongType',
  'yannh_kubeconform/fixtures_invalid.yaml:9 unknownKeySuggestion',
  // kube-linter fixtures with fields in the wrong place: runAsUser on the container, `limit` beside resources.
  'stackrox_kube-linter/tests_checks_run-as-non-root.yml:14 unknownKey',
  'stackrox_kube-linter/tests_checks_run-as-non-root.yml:45 unknownKey',
  'stackrox_kube-linter/tests_checks_unset-memory-requirements.yml:12 unknownKey',
  // Test fixtures of kube-linter, kube-score and Polaris: partial objects (no selector, no containers, Service ports without `port`), linted there for other things.
  'FairwindsOps_polaris/test_checks_pdbMinAvailableGreaterThanHPAMinReplicas_success.no-min-replicas.yaml:5 missingKeys',
  'stackrox_kube-linter/tests_checks_dangling-hpa.yml:6 missingKeys',
  'stackrox_kube-linter/tests_checks_dangling-hpa.yml:33 missingKeys',
  'stackrox_kube-linter/tests_checks_drop-net-raw-capability.yml:6 missingKeys',
  'stackrox_kube-linter/tests_checks_drop-net-raw-capability.yml:30 missingKeys',
  'stackrox_kube-linter/tests_checks_invalid-target-ports.yaml:8 missingKeys',
  'stackrox_kube-linter/tests_checks_invalid-target-ports.yaml:9 missingKeys',
  'stackrox_kube-linter/tests_checks_invalid-target-ports.yaml:10 missingKeys',
  'stackrox_kube-linter/tests_checks_invalid-target-ports.yaml:11 missingKeys',
  'stackrox_kube-linter/tests_checks_invalid-target-ports.yaml:18 missingKeys',
  'stackrox_kube-linter/tests_checks_invalid-target-ports.yaml:42 missingKeys',
  'stackrox_kube-linter/tests_checks_invalid-target-ports.yaml:63 missingKeys',
  'stackrox_kube-linter/tests_checks_liveness-port.yml:3 missingKeys',
  'stackrox_kube-linter/tests_checks_liveness-port.yml:49 missingKeys',
  'stackrox_kube-linter/tests_checks_no-liveness-probe.yml:6 missingKeys',
  'stackrox_kube-linter/tests_checks_no-liveness-probe.yml:40 missingKeys',
  'stackrox_kube-linter/tests_checks_no-liveness-probe.yml:60 missingKeys',
  'stackrox_kube-linter/tests_checks_non-existent-service-account.yml:11 missingKeys',
  'stackrox_kube-linter/tests_checks_non-existent-service-account.yml:13 missingKeys',
  'stackrox_kube-linter/tests_checks_non-existent-service-account.yml:20 missingKeys',
  'stackrox_kube-linter/tests_checks_non-existent-service-account.yml:22 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:6 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:8 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:15 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:22 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:24 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:31 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:33 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:42 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:51 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:58 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:62 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:69 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:71 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:78 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:85 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:87 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:94 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:96 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:105 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:114 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:121 missingKeys',
  'stackrox_kube-linter/tests_checks_priority-class-name.yaml:125 missingKeys',
  'stackrox_kube-linter/tests_checks_readiness-port.yml:3 missingKeys',
  'stackrox_kube-linter/tests_checks_startup-port.yml:3 missingKeys',
  'stackrox_kube-linter/tests_checks_unset-memory-requirements.yml:6 missingKeys',
  'zegl_kube-score/score_testdata_deployment-host-antiaffinity-1-replica.yaml:5 missingKeys',
  'zegl_kube-score/score_testdata_deployment-poddisruptionbudget-v1beta1-matches.yaml:15 missingKeys',
  'zegl_kube-score/score_testdata_hpa-min-replicas-ok.yaml:26 missingKeys',
  'zegl_kube-score/score_testdata_service-not-target-deployment.yaml:5 missingKeys',
  // Kustomize inputs, flattened away from their kustomization.yaml (beside one, missing fields are not reported): a patch and bases whose selector commonLabels adds.
  'kubernetes-sigs_kustomize/examples_ldap_overlays_production_deployment.yaml:5 missingKeys',
  'kubernetes-sigs_kustomize/examples_ldap_overlays_production_deployment.yaml:8 missingKeys',
  'kubernetes-sigs_kustomize/examples_wordpress_patch.yaml:5 missingKeys',
  'kubernetes-sigs_kustomize/functions_examples_application-cr_local-resource_example.yaml:16 missingKeys',
  // ingress-nginx's Grafana and Prometheus Deployments have no selector: the apps/v1 API refuses them.
  'kubernetes_ingress-nginx/deploy_grafana_deployment.yaml:6 missingKeys',
  'kubernetes_ingress-nginx/deploy_prometheus_deployment.yaml:5 missingKeys',
  // `PORT` is a placeholder the sample's instructions replace by hand; `protocol: tcp` must be upper case.
  'GoogleCloudPlatform_kubernetes-engine-samples/networking_sctp_sctp-deployment.yaml:33 wrongType',
  'GoogleCloudPlatform_kubernetes-engine-samples/networking_sctp_sctp-deployment.yaml:45 wrongType',
  'kubernetes_examples/_archived_volumes_aws_ebs_aws-ebs-web.yaml:12 notAllowed',
];

test('k8s/schema over the real-world Kubernetes corpus: only the expected findings', (t) => {
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${folder}`);
    return;
  }
  const found: string[] = [];
  const started = performance.now();
  const files = kubernetesFiles();
  for (const file of files) {
    // Named as in the repository it comes from, so that kind detection sees what an editor would.
    for (const finding of lintCase(rule, { code: file.text, filename: file.path.split('/').at(-1) })) {
      assert.doesNotMatch(finding.message, /^Internal error/, `${file.path}: ${finding.message}`);
      found.push(`${file.path.replace(/^k8s\//, '')}:${finding.range.start.line + 1} ${finding.messageId}`);
    }
  }
  t.diagnostic(`${found.length} findings in ${files.length} files in ${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(found.sort(), [...EXPECTED].sort());
});

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const CATEGORIES: Readonly<Record<string, string>> = { wrongType: 'type', missingKeys: 'required', notAllowed: 'enum' };

/**
 * The package's type, required and enum errors as `path category`, leaving out where we differ on purpose: it
 * refuses an empty value for an optional enum field (Kubernetes reads it as unset), and it cannot know envsubst
 * variables.
 */
function packageFindings(validate: Validate, data: unknown): string[] {
  if (validate(data)) return [];
  const findings = new Set<string>();
  for (const error of validate.errors ?? []) {
    const category =
      error.keyword === 'required'
        ? 'required'
        : error.keyword === 'enum'
          ? 'enum'
          : error.keyword === 'type' || error.keyword === 'oneOf'
            ? 'type'
            : undefined;
    const path = pathOfInstancePath(error.instancePath);
    const value = path.reduce<unknown>(
      (node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined),
      data,
    );
    if (!category || ((value === null || isEnvsubstPlaceholder(value)) && category !== 'required')) continue;
    findings.add(`${path.join('/')} ${category}`);
  }
  return [...findings].sort();
}

test('over the corpus, the schema agrees with the kubernetes-models validators on type, required and enum errors', async (t) => {
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${folder}`);
    return;
  }
  const kinds = (await import('../../server/src/schema/generated/kubernetes/kinds.json')).default.kinds as Record<
    string,
    Record<string, { definition: string }>
  >;
  let objects = 0;
  let withErrors = 0;
  for (const file of corpusFiles(folder)) {
    for (const document of parseAllDocuments(file.text)) {
      if (document.errors.length > 0 || file.text.includes('{{')) continue;
      const data = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
      if (!data || typeof data.apiVersion !== 'string' || typeof data.kind !== 'string' || !hasKubernetesSchema(data.apiVersion, data.kind)) continue;
      objects++;
      const definition = kinds[data.apiVersion]![data.kind]!.definition;
      const specifier = definition.startsWith('DevKnative') ? `@kubernetes-models/knative/_schemas/${definition}` : `kubernetes-models/_schemas/${definition}`;
      const { validate } = (await import(specifier)) as { validate: Validate };
      const ours = [
        ...new Set(
          (kubernetesSchemaViolations(data, data.apiVersion, data.kind) ?? [])
            .filter((violation) => CATEGORIES[violation.messageId] && violation.data.expected !== 'base64-encoded data')
            .map((violation) => `${violation.path.join('/')} ${CATEGORIES[violation.messageId]}`),
        ),
      ].sort();
      const theirs = packageFindings(validate, data);
      if (theirs.length > 0) withErrors++;
      assert.deepEqual(ours, theirs, `${file.path}: ${data.kind} ${JSON.stringify((data.metadata as { name?: string } | undefined)?.name)}`);
    }
  }
  t.diagnostic(`${objects} objects compared, ${withErrors} with errors`);
  assert.ok(objects > 300, `only ${objects} objects compared`);
});

test('k8s/removed-api over the real-world Kubernetes corpus: the retired apiVersions it holds, fixed where nothing else must change', (t) => {
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${folder}`);
    return;
  }
  const found = kubernetesFiles().flatMap((file) =>
    lintCase(removedApi, { code: file.text, filename: file.path.split('/').at(-1) }).map(
      (finding) => `${file.path.replace(/^k8s\//, '')}:${finding.range.start.line + 1} ${finding.messageId}${finding.fixes.length > 0 ? ' fix' : ''}`,
    ),
  );
  assert.deepEqual(found.sort(), [
    // datree's example of deprecated versions; its webhook's caBundle is prose, which both versions refuse (k8s/schema says so).
    'datreeio_datree/examples_CHECKING_DEPRECATED_API_VERSIONS_fail.yaml:1 removed fix',
    'datreeio_datree/examples_CHECKING_DEPRECATED_API_VERSIONS_fail.yaml:22 removed fix',
    'datreeio_datree/examples_CHECKING_DEPRECATED_API_VERSIONS_fail.yaml:44 removed fix',
    'instrumenta_kubeval/fixtures_same-kind-different-api.yaml:29 removed fix',
    'kubernetes_examples/_archived_cockroachdb_cockroachdb-statefulset.yaml:57 removed fix',
    // extensions/v1beta1 DaemonSet without selector; autoscaling/v2beta1 metrics and v1beta1 CRDs have new forms.
    'kubernetes_examples/_archived_newrelic-infrastructure_newrelic-infra-daemonset.yaml:1 removedWithChanges',
    'stackrox_kube-linter/tests_checks_dangling-hpa.yml:12 removedWithChanges',
    'stackrox_kube-linter/tests_checks_dangling-hpa.yml:39 removedWithChanges',
    'yannh_kubeconform/fixtures_crd_schema.yaml:3 removedWithChanges',
    'yannh_kubeconform/fixtures_registry_sagemaker.aws.amazon.com_trainingjobs.yaml:3 removedWithChanges',
    'zegl_kube-score/score_testdata_cronjob-batchv1beta1-deadline-set.yaml:1 removed fix',
    'zegl_kube-score/score_testdata_deployment-poddisruptionbudget-v1beta1-matches.yaml:1 removed fix',
  ]);
});
