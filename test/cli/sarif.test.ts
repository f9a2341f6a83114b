// `lint --format sarif`: valid SARIF 2.1.0 that code-scanning dashboards can place in the files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import type * as Sarif from 'sarif';
import { repoRoot, runCli, tempFolder } from '../helpers/cli';

/** The official schema as shipped with @microsoft/jest-sarif. */
function sarifValidator() {
  const schemaPath = join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema is declared draft-04, which Ajv 8 does not bundle. Its only draft-04-specific keyword is the
  // top-level `id`, so without `$schema` and `id` it means the same under Ajv's default draft-07.
  const { $schema, id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  assert.equal($schema, 'http://json-schema.org/draft-04/schema#');
  assert.equal(typeof id, 'string');
  // ajv-formats is not installed; these cover the formats the schema uses.
  const formats = {
    uri: (value: string) => URL.canParse(value),
    'uri-reference': (value: string) => !/[\s"<>\\^`{|}]/.test(value) && URL.canParse(value, 'file:///'),
    'date-time': (value: string) => !Number.isNaN(Date.parse(value)),
  };
  // unicodeRegExp: false because the schema's language pattern `^[a-zA-Z]{2}|…]?$` is invalid with the `u` flag.
  return new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, formats }).compile(schema);
}

test('lint --format sarif validates against the SARIF 2.1.0 schema and locates each result', () => {
  const folder = tempFolder({
    // bitnami/node runs as a non-root user and is not a full language image, so with a HEALTHCHECK the latest tag
    // and the shell-form CMD are the Dockerfile's only results.
    Dockerfile: 'FROM bitnami/node:latest\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD node server.js\n',
    // A space must be percent-encoded in the artifact URI.
    'my app/compose.yaml':
      'version: "3"\nname: my-app\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: { cpus: "0.50", memory: 256M }\n',
    'deploy/pod.yaml':
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}\n      readinessProbe: {exec: {command: [nginx, -t]}}\n      livenessProbe: {exec: {command: [nginx, -t]}}\n      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}\n',
    'clean.Dockerfile': 'FROM bitnami/node:22\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n',
  });
  const explicit = join(folder, 'clean.Dockerfile');
  const run = runCli(['lint', '--format', 'sarif', '.', explicit], folder);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  const log = JSON.parse(run.stdout) as Sarif.Log;

  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  // The validator is not vacuous: a 0 line number (SARIF lines are 1-based) is rejected.
  const zeroLine = JSON.parse(run.stdout) as Sarif.Log;
  zeroLine.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
  assert.equal(validate(zeroLine), false);

  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const rules = sarifRun!.tool.driver.rules ?? [];
  // Each rule carries its documentation (no web page to link to): the description and its RULES.md section.
  for (const rule of rules) {
    assert.equal(rule.helpUri, undefined, rule.id);
    assert.equal(rule.help?.text, rule.shortDescription?.text, rule.id);
    assert.ok(rule.help?.markdown?.startsWith(`### ${rule.id}\n`), rule.id);
  }
  const artifacts = sarifRun!.artifacts ?? [];
  assert.deepEqual(
    artifacts.map((artifact) => artifact.location),
    [
      // Named by absolute path: a file URI of its own; found by walking: relative to %SRCROOT%.
      { uri: new URL(`file://${explicit}`).href },
      { uri: 'deploy/pod.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
      { uri: 'my%20app/compose.yaml', uriBaseId: '%SRCROOT%' },
    ],
  );

  const results = sarifRun!.results ?? [];
  assert.deepEqual(results.map((result) => result.ruleId).sort(), [
    'compose/obsolete-version',
    'dockerfile/latest-tag',
    'dockerfile/shell-form-cmd',
    'k8s/latest-tag',
  ]);
  for (const result of results) {
    assert.ok(result.level === 'error' || result.level === 'warning' || result.level === 'note', `level ${result.level}`);
    assert.equal(rules[result.ruleIndex!]?.id, result.ruleId, 'ruleIndex points at the rule');
    const location = result.locations?.[0]?.physicalLocation;
    assert.deepEqual(artifacts[location!.artifactLocation!.index!]?.location?.uri, location!.artifactLocation!.uri, 'artifact index');
    const region = location!.region!;
    assert.ok(region.startLine! >= 1 && region.startColumn! >= 1 && region.endLine! >= region.startLine!, JSON.stringify(region));
  }

  // LSP's 0-based 0:18-0:24 ("latest" in `FROM bitnami/node:latest`) is SARIF's 1-based line 1, columns 19-25.
  const latest = results.find((result) => result.ruleId === 'dockerfile/latest-tag');
  assert.equal(latest?.level, 'warning');
  assert.deepEqual(latest?.locations?.[0]?.physicalLocation?.region, { startLine: 1, startColumn: 19, endLine: 1, endColumn: 25 });
});
