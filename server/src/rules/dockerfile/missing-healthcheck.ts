import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import { imageFacts } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { commandsNamed } from '../../parsing/dockerfileRun';
import { keyOfBuild, keysOfImage } from '../../workspace/imageBuild';
import { buildsOfDockerfile } from '../../workspace/imageBuildIndex';
import { kubernetesIndexOf } from '../../workspace/kubernetesIndex';
import type { Workspace } from '../../workspace/workspace';
import { instructionsNamed, rootStage, runsOfStage, stageChain } from '../support/dockerfile';
import { imagePurpose } from '../support/imagePurpose';
import { execForm } from '../support/processCommand';
import { insertForRuntime } from '../support/users';

const TIMING = '--interval=30s --timeout=3s --start-period=10s --retries=3';
const PACKAGE_INSTALLERS = ['apt-get', 'apt', 'apk', 'dnf', 'microdnf', 'yum'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/missing-healthcheck',
  meta: {
    severity: 'info',
    description: 'The final stage has no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one.',
    fix: { when: 'when the final stage EXPOSEs a TCP port and its image has a way to probe it (node, python, curl or wget)', applied: 'editor-only' },
    aliases: ['hadolint:DL3057', 'checkov:CKV_DOCKER_2'],
    messages: {
      missing:
        'The final stage has no HEALTHCHECK, so Docker and Compose cannot tell when the container stops serving; add a HEALTHCHECK that probes the application (or HEALTHCHECK NONE to opt out deliberately).',
      noProbeTool:
        'The final stage has no HEALTHCHECK, and {{image}} has no shell or HTTP client to probe the server with; let the orchestrator probe it (a Kubernetes readinessProbe, a Compose healthcheck), or give the application a health subcommand and run it in a HEALTHCHECK.',
    },
    explanation: {
      why: "Without a health check Docker and Compose only know whether the process is alive, not whether it still serves; `depends_on: condition: service_healthy` and restart policies need one. Only images of long-running servers are reported, as the Dockerfile tells: the final stage EXPOSEs a port, or starts a server (nginx, httpd, gunicorn, uvicorn, puma, php-fpm, redis-server, postgres…, a subcommand such as `npm start`, `rails server`, `manage.py runserver`, or a script named like `server.js`, `app.py`, `main.py`, `api.jar`). Tools that run and exit (test runners such as `pytest` or `cypress run`, code generators such as `protoc`, linters, `terraform`, `kubectl`), images of files only (`FROM scratch` without CMD or ENTRYPOINT) and base images that start nothing are not. Kubernetes ignores HEALTHCHECK: when a workload of the workspace with a readiness or liveness probe runs an image a skaffold artifact or compose service builds from this Dockerfile, it is not reported either. On distroless and scratch images, which have no shell or HTTP client to probe with, the message suggests the orchestrator's probes instead.",
      standard: 'Container standard "readiness/liveness probes"; checkov CKV_DOCKER_2.',
      bad: 'FROM node:22-slim\nEXPOSE 3000\nCMD ["node", "server.js"]',
      good: 'FROM node:22-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/healthz\').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\nCMD ["node", "server.js"]',
    },
  },
  check({ file, workspace, report }) {
    const final = file.dockerfile.finalStage;
    // HEALTHCHECK NONE is a HEALTHCHECK too: a deliberate choice; one in a stage built on is inherited.
    if (!final || stageChain(final).some((stage) => instructionsNamed(stage, 'HEALTHCHECK').length > 0)) return;
    // Only a server has something to probe: not a tool that runs and exits, nor an image of files.
    if (imagePurpose(file) !== 'service' || probedByKubernetes(file, workspace)) return;
    const fix = healthcheckFix(file, final);
    // The keyword stands for the stage that lacks the instruction; its image is no-user's.
    const range = final.from.getInstructionRange();
    const imageStage = rootStage(final);
    const family = imageStage.image && imageFacts(imageStage.image)?.family;
    if (!fix && (family === 'distroless' || family === 'scratch'))
      report({ messageId: 'noProbeTool', data: { image: imageStage.image?.text ?? 'the base image' }, range });
    else report({ messageId: 'missing', range, fixes: fix ? [fix] : [] });
  },
});

/**
 * Kubernetes ignores HEALTHCHECK and probes containers itself: when a workload of the workspace runs an image built
 * from this Dockerfile (a skaffold artifact or a compose service names it) with a readiness or liveness probe, the
 * probing is done.
 */
function probedByKubernetes(file: DockerfileFile, workspace: Workspace): boolean {
  const builds = buildsOfDockerfile(workspace, file.uri);
  if (builds.length === 0) return false;
  const keys = new Set(builds.map(keyOfBuild));
  return [...kubernetesIndexOf(workspace).probedImages()].some((image) => keysOfImage(image).some((key) => keys.has(key)));
}

/**
 * A probe of the first EXPOSEd TCP port with a tool the image has: the language runtime for node and python
 * images, curl or wget when a RUN installs them or the image family ships them. Slim Debian/Ubuntu, distroless
 * and unknown images have no HTTP client, so they get no fix. The path `/` is a guess, hence unsafe.
 */
function healthcheckFix(file: DockerfileFile, final: DockerfileStage): Fix | undefined {
  const port = firstExposedPort(file);
  const command = port && probeCommand(file, final, `http://127.0.0.1:${port}/`);
  const edit = command && insertForRuntime(file, final, [`HEALTHCHECK ${TIMING} \\`, `  CMD ${command}`]);
  if (!edit) return undefined;
  return { title: `Add a HEALTHCHECK on port ${port} (adjust the path to the application's health endpoint)`, edits: [edit], unsafe: true };
}

/** The first TCP port the final stage EXPOSEs without a mapping (which EXPOSE would ignore). */
function firstExposedPort(file: DockerfileFile): number | undefined {
  return file.dockerfile.exposedPorts.find((port) => port.port !== undefined && port.protocol === 'tcp' && !port.mapping)?.port;
}

function probeCommand(file: DockerfileFile, final: DockerfileStage, url: string): string | undefined {
  const imageStage = rootStage(final);
  const facts = imageStage.image && imageFacts(imageStage.image);
  const repository = facts?.entry.match;
  if (repository === 'node') {
    return execForm(['node', '-e', `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`]);
  }
  if (repository === 'python') {
    return execForm(['python', '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=2)`]);
  }
  const installed = installedTools(file, final);
  if (installed.has('curl')) return curl(url);
  if (installed.has('wget') || facts?.family === 'alpine' || facts?.family === 'busybox') return `wget -q --spider ${url} || exit 1`;
  // Full language images (built on buildpack-deps) and RHEL-based images ship curl; slim and distro images do not.
  if (facts?.family === 'rhel' || ((facts?.family === 'debian' || facts?.family === 'ubuntu') && facts.entry.language && !facts.isMinimalVariant))
    return curl(url);
  return undefined;
}

function curl(url: string): string {
  return `curl -fsS -o /dev/null ${url} || exit 1`;
}

/** curl or wget installed by a package manager in the final stage or the stages it builds on. */
function installedTools(file: DockerfileFile, final: DockerfileStage): Set<string> {
  const tools = new Set<string>();
  for (const stage of stageChain(final)) {
    for (const run of runsOfStage(file, stage)) {
      for (const command of commandsNamed(run, PACKAGE_INSTALLERS)) {
        for (const tool of ['curl', 'wget']) if (command.args.includes(tool)) tools.add(tool);
      }
    }
  }
  return tools;
}
