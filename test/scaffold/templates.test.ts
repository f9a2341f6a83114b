// Every template output, for every stack variant and option combination, lints clean with the project's own engine
// (no finding at all, info included) and renders the same text each time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultEntry, defaultPort } from '../../server/src/scaffold/defaults';
import { renderScaffold } from '../../server/src/scaffold/render';
import { runtimeUid } from '../../server/src/scaffold/templates/dockerfile';
import { imageName } from '../../server/src/scaffold/templates/kubernetes';
import {
  BACKING_SERVICES,
  type BackingService,
  type GeneratedFile,
  PLATFORM_DETAILS,
  PLATFORMS,
  type ScaffoldOptions,
  type StackFacts,
  type Target,
} from '../../server/src/scaffold/types';
import { lintGenerated } from './lintGenerated';
import { STACK_VARIANTS, variantLabel } from './stackVariants';

function subsets<T>(values: readonly T[]): T[][] {
  const all: T[][] = [[]];
  for (const value of values) for (const subset of [...all]) all.push([...subset, value]);
  return all;
}

/** The targets whose files depend on each other's choices (the Ingress, the services): combined with one another. */
const PATH_TARGETS = ['compose', 'kubernetes', 'ci'] as const satisfies readonly Target[];

/** Every combination of the path targets that changes some output: services only reach Compose and Kubernetes, the Ingress only Kubernetes. */
function optionCombinations(facts: StackFacts): ScaffoldOptions[] {
  const combinations: ScaffoldOptions[] = [];
  for (const targets of subsets<Target>(PATH_TARGETS)) {
    const usesServices = targets.includes('compose') || targets.includes('kubernetes');
    for (const services of usesServices ? subsets<BackingService>(BACKING_SERVICES) : [[]]) {
      for (const ingress of targets.includes('kubernetes') ? [false, true] : [false]) {
        combinations.push({ targets, services, ingress, port: defaultPort(facts), entry: defaultEntry(facts) });
      }
    }
  }
  return combinations;
}

const label = (options: ScaffoldOptions) => `[${options.targets.join(',')}] services [${options.services.join(',')}]${options.ingress ? ' ingress' : ''}`;

/** The kind each generated file must be linted as, so that a clean result is not a skipped file. */
function expectedKind(path: string): string {
  if (path === 'Dockerfile') return 'dockerfile';
  if (path === 'compose.yaml') return 'compose';
  if (path.startsWith('k8s/') || path === PLATFORM_DETAILS['cloud-run'].path) return 'kubernetes';
  if (path === PLATFORM_DETAILS.ecs.path) return 'ecs';
  if (path === PLATFORM_DETAILS.render.path) return 'render';
  if (path === PLATFORM_DETAILS.railway.path) return 'railway';
  return 'unknown';
}

/**
 * Go's final stage is distroless, with no client to probe with (its Dockerfile says HEALTHCHECK NONE): its task
 * definition has no container healthCheck, which ecs/missing-healthcheck notes as info; the load balancer's target
 * health check is what covers it.
 */
function documentedFindings(facts: StackFacts, files: readonly GeneratedFile[]): string[] {
  const ecs = files.some((file) => file.path === PLATFORM_DETAILS.ecs.path);
  return facts.stack === 'go' && ecs ? [`${PLATFORM_DETAILS.ecs.path} ecs/missing-healthcheck info`] : [];
}

function lintClean(facts: StackFacts, options: ScaffoldOptions): void {
  const files = renderScaffold(facts, options);
  const { findings, kinds } = lintGenerated(files);
  assert.deepEqual(
    findings.map((finding) => `${finding.path} ${finding.rule} ${finding.severity}`),
    documentedFindings(facts, files),
    `${variantLabel(facts)} ${label(options)}: ${JSON.stringify(findings, null, 1)}`,
  );
  for (const file of files) assert.equal(kinds[file.path], expectedKind(file.path), file.path);
}

test('every stack × option combination lints without a finding', async (t) => {
  let combinations = 0;
  for (const facts of STACK_VARIANTS) {
    await t.test(variantLabel(facts), () => {
      for (const options of optionCombinations(facts)) {
        lintClean(facts, options);
        combinations++;
      }
    });
  }
  assert.equal(combinations, STACK_VARIANTS.length * (2 + 2 * 16 + 4 * 16 * 2));
});

test('every platform × stack, with no service and with all of them, lints without a finding', async (t) => {
  let combinations = 0;
  for (const platform of PLATFORMS) {
    await t.test(platform, () => {
      for (const facts of STACK_VARIANTS) {
        for (const services of [[], BACKING_SERVICES]) {
          lintClean(facts, { targets: [platform], services, ingress: false, port: defaultPort(facts), entry: defaultEntry(facts) });
          combinations++;
        }
      }
    });
  }
  assert.equal(combinations, PLATFORMS.length * STACK_VARIANTS.length * 2);
});

test('a port and entry of the user’s choice lint clean too', () => {
  for (const facts of STACK_VARIANTS) {
    const options: ScaffoldOptions = {
      targets: ['compose', 'kubernetes', 'ci'],
      services: ['postgres'],
      ingress: true,
      port: 5000,
      entry: defaultEntry(facts),
    };
    const files = renderScaffold(facts, options);
    assert.deepEqual(lintGenerated(files).findings, [], variantLabel(facts));
    assert.match(files[0]?.text ?? '', /EXPOSE 5000\n/, variantLabel(facts));
  }
});

test('rendering is deterministic and writes the files in a fixed order', () => {
  for (const facts of STACK_VARIANTS) {
    const options: ScaffoldOptions = {
      targets: ['railway', 'ci', 'render', 'kubernetes', 'ecs', 'compose', 'cloud-run'],
      services: ['redis', 'postgres'],
      ingress: true,
      port: defaultPort(facts),
      entry: defaultEntry(facts),
    };
    const first = renderScaffold(facts, options);
    assert.deepEqual(renderScaffold({ ...facts }, { ...options }), first);
    assert.deepEqual(
      first.map((file) => file.path),
      [
        'Dockerfile',
        '.dockerignore',
        'compose.yaml',
        '.env.example',
        '.gitignore',
        'k8s/deployment.yaml',
        'k8s/service.yaml',
        'k8s/hpa.yaml',
        'k8s/pdb.yaml',
        'k8s/ingress.yaml',
        '.github/workflows/container.yml',
        'deploy/cloud-run/service.yaml',
        'deploy/ecs/task-definition.json',
        'render.yaml',
        'railway.json',
      ],
    );
  }
});

test('the templates carry the standards the issue asks for', () => {
  for (const facts of STACK_VARIANTS) {
    const [dockerfile, dockerignore, compose, envExample, gitignore, deployment] = renderScaffold(facts, {
      targets: ['compose', 'kubernetes'],
      services: ['postgres'],
      ingress: false,
      port: defaultPort(facts),
      entry: defaultEntry(facts),
    }).map((file) => file.text);
    const name = variantLabel(facts);
    assert.ok((dockerfile?.match(/^FROM /gm) ?? []).length >= 2, `${name}: multi-stage`);
    assert.match(dockerfile ?? '', /^FROM [^\n]+ AS development$/m, `${name}: development stage`);
    assert.match(dockerfile ?? '', /\nUSER \d+(:\d+)?\n(?:(?!\nFROM )[\s\S])*$/, `${name}: numeric non-root USER in the final stage`);
    assert.match(dockerfile ?? '', /\n(CMD|ENTRYPOINT) \[[^\n]+\]\n$/, `${name}: exec-form start`);
    assert.match(dockerfile ?? '', /\nHEALTHCHECK /, `${name}: HEALTHCHECK`);
    for (const kept of ['.git', '.env', '*.pem'])
      assert.match(dockerignore ?? '', new RegExp(`^${kept.replace(/[.*]/g, '\\$&')}$`, 'm'), `${name}: ignores ${kept}`);
    assert.match(compose ?? '', /'127\.0\.0\.1:\d+:\d+'/);
    assert.match(compose ?? '', /condition: service_healthy/);
    assert.match(compose ?? '', /POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?/);
    assert.equal(envExample, '# Copy to .env and set real values; .env is never committed or copied into the image.\nPOSTGRES_PASSWORD=\n');
    assert.equal(gitignore, '.env\n');
    assert.match(deployment ?? '', /secretKeyRef:/);
    assert.match(deployment ?? '', /readOnlyRootFilesystem: true/);
  }
});

test('the platform starters agree with the Dockerfile: port, image, user, health check and volumes', () => {
  for (const facts of STACK_VARIANTS) {
    const port = defaultPort(facts);
    const files = renderScaffold(facts, { targets: PLATFORMS, services: BACKING_SERVICES, ingress: false, port, entry: defaultEntry(facts) });
    const text = (path: string) => files.find((file) => file.path === path)?.text ?? '';
    const name = variantLabel(facts);
    const dockerfile = text('Dockerfile');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    assert.match(finalStage, new RegExp(`\\nEXPOSE ${port}\\n`), name);

    const cloudRun = text(PLATFORM_DETAILS['cloud-run'].path);
    assert.match(cloudRun, new RegExp(`containerPort: ${port}\\n`), name);
    assert.match(cloudRun, new RegExp(`image: ${imageName(facts)}:\\d+\\.\\d+\\.\\d+\\n`), name);
    assert.equal(cloudRun.match(/secretKeyRef:/g)?.length, BACKING_SERVICES.length, name);

    const task = JSON.parse(text(PLATFORM_DETAILS.ecs.path));
    const [container] = task.containerDefinitions;
    assert.equal(container.portMappings[0].containerPort, port, name);
    assert.equal(container.image, `${imageName(facts)}:0.1.0`, name);
    assert.match(finalStage, new RegExp(`\\nUSER ${container.user}\\n`), `${name}: the task runs as the Dockerfile's user`);
    assert.equal(container.user.split(':')[0], String(runtimeUid(facts)), name);
    const dockerHealthcheck = /\nHEALTHCHECK (?:--\S+ )*CMD (\[.*\])\n/.exec(finalStage)?.[1];
    if (dockerHealthcheck) assert.deepEqual(container.healthCheck.command, ['CMD', ...JSON.parse(dockerHealthcheck)], name);
    else assert.ok(/\nHEALTHCHECK NONE\n/.test(finalStage) && !container.healthCheck, `${name}: no probe in either`);
    assert.deepEqual(
      container.secrets.map((secret: { name: string; valueFrom: string }) => secret.name),
      BACKING_SERVICES.map((service) => `${service.toUpperCase()}_URL`),
    );
    assert.ok(container.readonlyRootFilesystem && task.volumes.length === container.mountPoints.length, name);
    const volumes = JSON.parse(/\nVOLUME (\[.*\])\n/.exec(finalStage)?.[1] ?? '[]');
    assert.deepEqual(
      container.mountPoints.map((mount: { containerPath: string }) => mount.containerPath),
      volumes,
      `${name}: Fargate copies owner and mode only into paths the image declares as VOLUME`,
    );
    const withoutEcs = renderScaffold(facts, { targets: ['compose', 'kubernetes'], services: [], ingress: false, port, entry: defaultEntry(facts) });
    assert.doesNotMatch(withoutEcs[0]?.text ?? '', /\nVOLUME /, `${name}: only the ECS target declares volumes`);

    const blueprint = text(PLATFORM_DETAILS.render.path);
    assert.match(blueprint, new RegExp(`- key: PORT\\n\\s+value: '${port}'\\n`), name);
    assert.match(blueprint, /\ndatabases:\n/, name);
    assert.match(blueprint, /- type: keyvalue\n/, name);
    assert.deepEqual(JSON.parse(text(PLATFORM_DETAILS.railway.path)).build, { builder: 'DOCKERFILE', dockerfilePath: 'Dockerfile' });
  }
});

test('the kustomize layout: a base with every manifest and staging/production overlays that pin the image, all lint clean', () => {
  for (const facts of STACK_VARIANTS) {
    for (const extras of [
      { services: [], ingress: false },
      { services: BACKING_SERVICES, ingress: true },
    ]) {
      const options: ScaffoldOptions = { targets: ['kubernetes'], ...extras, kustomize: true, port: defaultPort(facts), entry: defaultEntry(facts) };
      const files = renderScaffold(facts, options);
      const { findings, kinds } = lintGenerated(files);
      assert.deepEqual(findings, [], `${variantLabel(facts)} kustomize ${label(options)}`);
      const manifests = files.filter((file) => /^k8s\/base\/(?!kustomization)/.test(file.path)).map((file) => file.path);
      for (const path of manifests) assert.equal(kinds[path], 'kubernetes', path);
      const base = files.find((file) => file.path === 'k8s/base/kustomization.yaml')?.text ?? '';
      assert.deepEqual(
        [...base.matchAll(/^ {2}- (.+)$/gm)].map((match) => `k8s/base/${match[1]}`),
        manifests,
      );
      const image = /image: (.+):0\.1\.0$/m.exec(files.find((file) => file.path === 'k8s/base/deployment.yaml')?.text ?? '')?.[1];
      for (const environment of ['staging', 'production']) {
        const overlay = files.find((file) => file.path === `k8s/overlays/${environment}/kustomization.yaml`)?.text ?? '';
        assert.match(overlay, /resources:\n {2}- \.\.\/\.\.\/base\n/);
        assert.ok(image && overlay.includes(`- name: ${image}\n    newTag: 0.1.0\n`), `${environment} pins ${image}`);
      }
    }
  }
});
