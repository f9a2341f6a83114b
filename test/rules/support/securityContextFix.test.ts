import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../../server/src/engine/fixes';
import { parseContainerFile } from '../../../server/src/parsing/containerFile';
import { type ContainerView, containersOf, workloadOf } from '../../../server/src/parsing/kubernetes';
import { appendItem, dropCapability, hardeningFix, hardeningPlan, setSecurityContext } from '../../../server/src/rules/support/securityContextFix';

function containersIn(text: string): ContainerView[] {
  const file = parseContainerFile('file:///p/k8s.yaml', text);
  assert.equal(file.kind, 'kubernetes');
  if (file.kind !== 'kubernetes') return [];
  return file.objects.flatMap((object) => {
    const workload = workloadOf(object);
    return workload ? containersOf(workload) : [];
  });
}

/** A Pod whose `containers:` list is the given lines (indented four columns, under `spec:`). */
const pod = (containers: string, spec = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}  containers:\n${containers}`;

/** The text after the hardening fix of the first container, checked to parse and to leave nothing to harden. */
function hardened(text: string): string {
  const [container] = containersIn(text);
  assert.ok(container);
  const [fix] = hardeningFix(container, hardeningPlan(container)[0] ?? 'runAsNonRoot');
  assert.ok(fix, 'expected the hardening fix');
  assert.equal(fix.unsafe, true);
  const fixed = applyEdits(text, fix.edits);
  for (const document of fixed.split(/^---$/m)) assert.deepEqual(parseDocument(document).errors, [], fixed);
  const [after] = containersIn(fixed);
  assert.ok(after);
  assert.deepEqual(hardeningPlan(after), [], `nothing left to harden in:\n${fixed}`);
  return fixed;
}

describe('hardening fix', () => {
  test('a container without securityContext gets a whole block', () => {
    const text = pod('    - name: web\n      image: example/web:1.4\n');
    assert.equal(
      hardened(text),
      pod(
        '    - name: web\n      image: example/web:1.4\n      securityContext:\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n        capabilities:\n          drop:\n            - ALL\n',
      ),
    );
  });

  test('an existing block securityContext keeps its settings and comments; drop is extended', () => {
    const text = pod(
      '    - name: web\n      image: example/web:1.4\n      securityContext: # hardened by hand\n        readOnlyRootFilesystem: false # writes to /var/cache\n        capabilities:\n          drop:\n            - NET_RAW # no ping\n      ports:\n        - containerPort: 8080\n',
    );
    assert.equal(
      hardened(text),
      pod(
        '    - name: web\n      image: example/web:1.4\n      securityContext: # hardened by hand\n        readOnlyRootFilesystem: false # writes to /var/cache\n        capabilities:\n          drop:\n            - NET_RAW # no ping\n            - ALL\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n      ports:\n        - containerPort: 8080\n',
      ),
    );
  });

  test('capabilities without drop get one, beside add', () => {
    const text = pod('    - name: web\n      image: example/web:1.4\n      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n');
    assert.equal(
      hardened(text),
      pod(
        '    - name: web\n      image: example/web:1.4\n      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n          drop:\n            - ALL\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n',
      ),
    );
  });

  test('flow securityContext and flow drop list', () => {
    const text = pod('    - name: web\n      image: example/web:1.4\n      securityContext: {runAsUser: 1000, capabilities: {drop: [NET_RAW]}}\n');
    assert.equal(
      hardened(text),
      pod(
        '    - name: web\n      image: example/web:1.4\n      securityContext: {runAsUser: 1000, capabilities: {drop: [NET_RAW, ALL]}, runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true}\n',
      ),
    );
  });

  test('an empty flow securityContext', () => {
    const text = pod('    - name: web\n      image: example/web:1.4\n      securityContext: {}\n');
    assert.equal(
      hardened(text),
      pod(
        '    - name: web\n      image: example/web:1.4\n      securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }\n',
      ),
    );
  });

  test('a flow container gets a flow securityContext', () => {
    const text = pod('    - {name: web, image: "example/web:1.4"}\n');
    assert.equal(
      hardened(text),
      pod(
        '    - {name: web, image: "example/web:1.4", securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }}\n',
      ),
    );
  });

  test('four-column indentation and CRLF line ends are kept', () => {
    const text =
      'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n    containers:\r\n        -   name: web\r\n            image: example/web:1.4\r\n            securityContext:\r\n                capabilities:\r\n                    drop:\r\n                    - NET_RAW\r\n';
    assert.equal(
      hardened(text),
      'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n    containers:\r\n        -   name: web\r\n            image: example/web:1.4\r\n            securityContext:\r\n                capabilities:\r\n                    drop:\r\n                    - NET_RAW\r\n                    - ALL\r\n                runAsNonRoot: true\r\n                allowPrivilegeEscalation: false\r\n                readOnlyRootFilesystem: true\r\n',
    );
  });

  test('an init container of a CronJob in the second document', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: migrate\n            image: example/migrate:2\n';
    assert.equal(
      hardened(text),
      `${text}            securityContext:\n              runAsNonRoot: true\n              allowPrivilegeEscalation: false\n              readOnlyRootFilesystem: true\n              capabilities:\n                drop:\n                  - ALL\n`,
    );
  });
});

describe('what the hardening fix leaves alone', () => {
  const plan = (text: string) => hardeningPlan(containersIn(text)[0]!);

  test('everything set: nothing to do, no fix', () => {
    const text = pod(
      '    - name: web\n      image: example/web:1.4\n      securityContext:\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n        capabilities: {drop: [all]}\n',
    );
    assert.deepEqual(plan(text), []);
    assert.deepEqual(hardeningFix(containersIn(text)[0]!, 'runAsNonRoot'), []);
  });

  test('runAsNonRoot set by the pod is not repeated; runAsUser 0 is not contradicted', () => {
    assert.deepEqual(plan(pod('    - name: web\n      image: x:1\n', '  securityContext:\n    runAsNonRoot: true\n')), [
      'allowPrivilegeEscalation',
      'readOnlyRootFilesystem',
      'capabilities',
    ]);
    assert.ok(!plan(pod('    - name: web\n      image: x:1\n      securityContext: {runAsUser: 0}\n')).includes('runAsNonRoot'));
    // A pod that says false is overridden by the container.
    assert.ok(plan(pod('    - name: web\n      image: x:1\n', '  securityContext:\n    runAsNonRoot: false\n')).includes('runAsNonRoot'));
  });

  test('no allowPrivilegeEscalation: false beside privileged or CAP_SYS_ADMIN (the API server rejects it)', () => {
    assert.ok(!plan(pod('    - name: web\n      image: x:1\n      securityContext: {privileged: true}\n')).includes('allowPrivilegeEscalation'));
    assert.ok(
      !plan(pod('    - name: web\n      image: x:1\n      securityContext: {capabilities: {add: [CAP_SYS_ADMIN]}}\n')).includes('allowPrivilegeEscalation'),
    );
  });

  test('a Windows pod only gets runAsNonRoot', () => {
    assert.deepEqual(plan(pod('    - name: web\n      image: x:1\n', '  os: {name: windows}\n')), ['runAsNonRoot']);
    assert.deepEqual(plan(pod('    - name: web\n      image: x:1\n', '  nodeSelector:\n    kubernetes.io/os: windows\n')), ['runAsNonRoot']);
  });

  test('a securityContext from an alias or of another shape gets no fix', () => {
    const aliased =
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: &hardened\n        runAsUser: 1000\n    - name: b\n      image: x:1\n      securityContext: *hardened\n';
    assert.deepEqual(hardeningFix(containersIn(aliased)[1]!, 'runAsNonRoot'), []);
    assert.deepEqual(hardeningFix(containersIn(pod('    - name: web\n      image: x:1\n      securityContext:\n'))[0]!, 'runAsNonRoot'), []);
    assert.deepEqual(
      hardeningFix(containersIn(pod('    - name: web\n      image: x:1\n      securityContext: {capabilities: {drop: NET_RAW}}\n'))[0]!, 'runAsNonRoot'),
      [],
    );
  });
});

describe('single settings', () => {
  test('setSecurityContext adds only what is missing, and nothing when all is there', () => {
    const text = pod('    - name: web\n      image: x:1\n      securityContext:\n        runAsNonRoot: false\n');
    const [container] = containersIn(text);
    const edits = setSecurityContext(container!, [
      ['runAsNonRoot', 'true'],
      ['readOnlyRootFilesystem', 'true'],
    ]);
    assert.equal(
      applyEdits(text, edits!),
      pod('    - name: web\n      image: x:1\n      securityContext:\n        runAsNonRoot: false\n        readOnlyRootFilesystem: true\n'),
    );
    assert.deepEqual(setSecurityContext(container!, [['runAsNonRoot', 'true']]), []);
  });

  test('dropCapability creates the list or the capabilities where missing', () => {
    const noCapabilities = pod('    - name: web\n      image: x:1\n      securityContext:\n        runAsUser: 1000\n');
    assert.equal(
      applyEdits(noCapabilities, dropCapability(containersIn(noCapabilities)[0]!, 'NET_RAW')!),
      pod(
        '    - name: web\n      image: x:1\n      securityContext:\n        runAsUser: 1000\n        capabilities:\n          drop:\n            - NET_RAW\n',
      ),
    );
  });

  test('appendItem: after the last item and its comment, or inside an empty flow list', () => {
    const block =
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: x:1\n    securityContext:\n      capabilities:\n        drop:\n        - NET_RAW # c\n';
    const drop = containersIn(block)[0]!.view.at('securityContext', 'capabilities', 'drop')!;
    assert.equal(applyEdits(block, [appendItem(drop, 'ALL')!]), `${block.slice(0, -1)}\n        - ALL\n`);
    const flow = pod('    - name: web\n      image: x:1\n      securityContext: {capabilities: {drop: [ ]}}\n');
    const empty = containersIn(flow)[0]!.view.at('securityContext', 'capabilities', 'drop')!;
    assert.equal(
      applyEdits(flow, [appendItem(empty, 'ALL')!]),
      pod('    - name: web\n      image: x:1\n      securityContext: {capabilities: {drop: [ALL ]}}\n'),
    );
  });
});
