// The generated Kubernetes schema (scripts/kubernetesSchema.mjs): it compiles, its objects are closed, and on types,
// required fields and enums it agrees with the validators kubernetes-models ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { pathOfInstancePath } from '../../server/src/parsing/yamlPath';
import { hasKubernetesSchema, knownKubernetesKinds, kubernetesSchemaAt, kubernetesSchemaViolations } from '../../server/src/schema/kubernetesSchema';
import { repoRoot } from '../helpers/cli';
import { PACKAGE_CASES, type PackageCase } from './kubernetesSamples';

const SCHEMA_FOLDER = join(repoRoot, 'schemas', 'kubernetes');

function check(data: Record<string, unknown>): string[] {
  return (kubernetesSchemaViolations(data, String(data.apiVersion), String(data.kind)) ?? []).map(
    (violation) => `${violation.path.join('/')} ${violation.messageId}${violation.suggestion ? ` ${violation.suggestion}` : ''}`,
  );
}

test('every generated schema file compiles with the shared definitions', () => {
  const ajv = new Ajv({ strict: false, allowUnionTypes: true });
  const { $schema: _draft, ...definitions } = JSON.parse(readFileSync(join(SCHEMA_FOLDER, '_definitions.json'), 'utf8'));
  ajv.addSchema(definitions, '_definitions.json');
  const index: Record<string, Record<string, string>> = JSON.parse(readFileSync(join(SCHEMA_FOLDER, 'index.json'), 'utf8'));
  const files = Object.values(index).flatMap((kinds) => Object.values(kinds));
  assert.equal(files.length, knownKubernetesKinds().length);
  assert.deepEqual(readdirSync(SCHEMA_FOLDER).sort(), [...files, '_definitions.json', 'index.json', 'LICENSE'].sort());
  for (const file of files) {
    const { $schema: _kindDraft, ...schema } = JSON.parse(readFileSync(join(SCHEMA_FOLDER, file), 'utf8'));
    const validate = ajv.compile(schema);
    assert.equal(validate({ apiVersion: 'wrong', kind: 'wrong', unknownField: 1 }), false, file);
  }
});

test('the index knows the built-in kinds of Kubernetes 1.36, their removed versions and Knative Serving, not CRDs', () => {
  for (const [apiVersion, kind] of [
    ['v1', 'Pod'],
    ['apps/v1', 'Deployment'],
    ['batch/v1', 'CronJob'],
    ['networking.k8s.io/v1', 'Ingress'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler'],
    ['extensions/v1beta1', 'Deployment'],
    ['policy/v1beta1', 'PodSecurityPolicy'],
    ['serving.knative.dev/v1', 'Service'],
  ]) {
    assert.ok(hasKubernetesSchema(apiVersion!, kind!), `${apiVersion} ${kind}`);
  }
  assert.equal(hasKubernetesSchema('monitoring.coreos.com/v1', 'ServiceMonitor'), false);
  assert.equal(hasKubernetesSchema('v1', 'Deployment'), false);
  assert.equal(kubernetesSchemaViolations({ apiVersion: 'example.com/v1', kind: 'Widget', spec: 1 }, 'example.com/v1', 'Widget'), undefined);
  assert.equal(hasKubernetesSchema('v1', 'constructor'), false);
});

test('closed objects: an unknown field is reported at every depth, with the field it most likely means', () => {
  assert.deepEqual(
    check({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', lables: { app: 'web' } },
      spec: {
        replica: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [{ name: 'web', image: 'nginx:1.27', securityContext: { runAsNonroot: true }, resources: { limit: { cpu: '1' } } }],
            volumes: [{ name: 'data', emptyDir: { medium: 'Memory', sizeLimt: '1Gi' } }],
          },
        },
      },
    }),
    [
      'metadata/lables unknownKeySuggestion labels',
      'spec/replica unknownKeySuggestion replicas',
      'spec/template/spec/containers/0/resources/limit unknownKeySuggestion limits',
      'spec/template/spec/containers/0/securityContext/runAsNonroot unknownKeySuggestion runAsNonRoot',
      'spec/template/spec/volumes/0/emptyDir/sizeLimt unknownKeySuggestion sizeLimit',
    ],
  );
  // The one object the package declares inline (StatefulSet volumeClaimTemplates) is closed too.
  assert.deepEqual(
    check({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      spec: {
        selector: {},
        serviceName: 'db',
        template: { spec: { containers: [{ name: 'db' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {}, extra: 1 }],
      },
    }),
    ['spec/volumeClaimTemplates/0/extra unknownKey'],
  );
});

test('maps and free-form data stay open: labels, annotations, ConfigMap data, RawExtension, CRD schemas', () => {
  assert.deepEqual(
    check({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { labels: { anything: 'x' }, annotations: { 'a.b/c': 'y' } }, data: { 'key.txt': 'v' } }),
    [],
  );
  assert.deepEqual(
    check({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'example.com',
        names: { kind: 'Widget', plural: 'widgets' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', default: { any: ['thing'] }, 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    }),
    [],
  );
});

test('optional fields may be empty (null means unset), required ones may not', () => {
  assert.deepEqual(
    check({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', creationTimestamp: null },
      spec: {
        strategy: null,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', imagePullPolicy: null, resources: {} }] } },
      },
      status: {},
    }),
    [],
  );
  assert.deepEqual(check({ apiVersion: 'v1', kind: 'Pod', spec: { containers: null } }), ['spec/containers wrongType']);
});

test('quantities, int-or-string and base64 are checked and named in plain words', () => {
  const pod = (container: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'app', ...container }] } });
  for (const quantity of ['500m', '0.5', '1', 2, '512Mi', '2Gi', '1e3', '1.5G', '+1k', '100n']) {
    assert.deepEqual(check(pod({ resources: { limits: { memory: quantity } } })), [], String(quantity));
  }
  const violation = (data: Record<string, unknown>) => kubernetesSchemaViolations(data, String(data.apiVersion), String(data.kind))![0]!;
  for (const quantity of ['512MB', '1Y', '1 Gi', 'Mi', '']) {
    const found = violation(pod({ resources: { requests: { memory: quantity } } }));
    assert.equal(found.data.expected, 'a quantity: a number, or a number with a unit such as "250m", "0.5", "512Mi" or "2Gi"', quantity);
  }
  assert.equal(
    violation(pod({ livenessProbe: { httpGet: { port: true } } })).data.expected,
    'an integer or a string (a number, or a name or percentage such as "http" or "25%")',
  );
  assert.deepEqual(check(pod({ livenessProbe: { httpGet: { port: 'http' } }, readinessProbe: { tcpSocket: { port: 8080 } } })), []);
  assert.equal(violation({ apiVersion: 'v1', kind: 'Secret', data: { password: 'not base64!' } }).data.expected, 'base64-encoded data');
  assert.deepEqual(check({ apiVersion: 'v1', kind: 'Secret', data: { password: 'c2VjcmV0' }, stringData: { plain: 'not base64!' } }), []);
});

test('messages leave out the empty value that optional fields accept', () => {
  const [wrongType, notAllowed] = kubernetesSchemaViolations(
    { apiVersion: 'v1', kind: 'Service', spec: { type: 'Public', clusterIP: 5 } },
    'v1',
    'Service',
  )!.map((violation) => violation.data.expected);
  assert.equal(wrongType, 'a string');
  assert.equal(notAllowed, 'one of "ClusterIP", "ExternalName", "LoadBalancer" or "NodePort"');
});

test('a Knative Service: its pod spec under spec.template.spec, containers without names', () => {
  const service = (container: Record<string, unknown>) => ({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'hello' },
    spec: { template: { metadata: { annotations: { 'autoscaling.knative.dev/maxScale': '3' } }, spec: { containerConcurrency: 10, containers: [container] } } },
  });
  assert.deepEqual(check(service({ image: 'gcr.io/project/hello:1.0', ports: [{ containerPort: 8080 }], env: [{ name: 'TARGET', value: 'World' }] })), []);
  assert.deepEqual(check(service({ image: 'hello', imagePullPolicy: 'Sometimes', ports: [{ containerPort: '8080' }], imagee: 'x' })), [
    'spec/template/spec/containers/0/imagee unknownKeySuggestion image',
    'spec/template/spec/containers/0/imagePullPolicy notAllowed',
    'spec/template/spec/containers/0/ports/0/containerPort wrongType',
  ]);
});

test('the read API: the fields at a place with their descriptions, enum values and required keys', () => {
  const container = kubernetesSchemaAt('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0])!;
  assert.match(container.description!, /container/);
  assert.equal(container.closed, true);
  const fields = new Map(container.fields!.map((field) => [field.name, field]));
  assert.equal(fields.get('name')!.required, true);
  assert.equal(fields.get('image')!.required, false);
  assert.deepEqual(fields.get('imagePullPolicy')!.enum, ['Always', 'IfNotPresent', 'Never']);
  assert.deepEqual(fields.get('ports')!.types, ['array']);
  assert.match(fields.get('livenessProbe')!.description!, /liveness/i);
  const labels = kubernetesSchemaAt('apps/v1', 'Deployment', ['metadata', 'labels'])!;
  assert.equal(labels.closed, false);
  assert.equal(labels.fields, undefined);
  assert.deepEqual(kubernetesSchemaAt('apps/v1', 'Deployment', ['metadata', 'labels', 'app'])!.types, ['string']);
  assert.equal(kubernetesSchemaAt('v1', 'Pod', ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])!.typeName, 'quantity');
  assert.deepEqual(kubernetesSchemaAt('v1', 'Pod', ['spec', 'restartPolicy'])!.enum, ['Always', 'Never', 'OnFailure']);
  assert.equal(kubernetesSchemaAt('v1', 'Pod', ['spec', 'nope']), undefined);
  assert.equal(kubernetesSchemaAt('example.com/v1', 'Widget', []), undefined);
  const knative = kubernetesSchemaAt('serving.knative.dev/v1', 'Service', ['spec', 'template', 'spec', 'containers', 0])!;
  assert.equal(knative.fields!.find((field) => field.name === 'name')!.required, false);
  const kinds = knownKubernetesKinds();
  assert.ok(kinds.some((pair) => pair.apiVersion === 'apps/v1' && pair.kind === 'Deployment'));
  assert.ok(kinds.length > 200);
});

// ---------------------------------------------------------------------------------------------------------------
// Agreement with the package's own validators

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The package's validator of a definition (its modules are ESM; the test imports them as Node does). */
async function packageValidator(definition: string): Promise<Validate> {
  const specifier = definition.startsWith('DevKnative') ? `@kubernetes-models/knative/_schemas/${definition}` : `kubernetes-models/_schemas/${definition}`;
  return ((await import(specifier)) as { validate: Validate }).validate;
}

/** Type, required and enum errors as `path category`; the package's failed quantity/int-or-string alternatives are type errors. */
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
    if (category) findings.add(`${pathOfInstancePath(error.instancePath).join('/')} ${category}`);
  }
  return [...findings].sort();
}

const CATEGORIES: Readonly<Record<string, string>> = { wrongType: 'type', missingKeys: 'required', notAllowed: 'enum' };

function ourFindings(data: Record<string, unknown>): string[] {
  const violations = kubernetesSchemaViolations(data, String(data.apiVersion), String(data.kind)) ?? [];
  return [
    ...new Set(
      violations
        .filter((violation) => CATEGORIES[violation.messageId] && violation.data.expected !== 'base64-encoded data')
        .map((violation) => `${violation.path.join('/')} ${CATEGORIES[violation.messageId]}`),
    ),
  ].sort();
}

function definitionOf(sample: PackageCase): string {
  const kinds = JSON.parse(readFileSync(join(repoRoot, 'server', 'src', 'schema', 'generated', 'kubernetes', 'kinds.json'), 'utf8')).kinds;
  return kinds[String(sample.data.apiVersion)][String(sample.data.kind)].definition;
}

test('agrees with the kubernetes-models validators on type, required and enum errors of sample objects', async () => {
  for (const sample of PACKAGE_CASES) {
    const validate = await packageValidator(definitionOf(sample));
    const theirs = packageFindings(validate, sample.data);
    assert.deepEqual(ourFindings(sample.data), theirs, sample.name);
    assert.deepEqual(theirs, [...sample.expected].sort(), `${sample.name}: the package's own findings`);
  }
});
