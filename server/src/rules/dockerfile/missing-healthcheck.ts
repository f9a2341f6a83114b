import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import { imageFacts } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { commandsNamed } from '../../parsing/dockerfileRun';
import { instructionsNamed, isFilesOnlyStage, rootStage, runsOfStage, stageChain } from '../support/dockerfile';
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
    },
    explanation: {
      why: 'Without a health check Docker and Compose only know whether the process is alive, not whether it still serves; `depends_on: condition: service_healthy` and restart policies need one.',
      standard: 'Container standard "readiness/liveness probes"; checkov CKV_DOCKER_2.',
      bad: 'FROM node:22-slim\nEXPOSE 3000\nCMD ["node", "server.js"]',
      good: 'FROM node:22-slim\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/healthz\').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\nCMD ["node", "server.js"]',
    },
  },
  check({ file, report }) {
    const final = file.dockerfile.finalStage;
    // HEALTHCHECK NONE is a HEALTHCHECK too: a deliberate choice; one in a stage built on is inherited.
    if (!final || stageChain(final).some((stage) => instructionsNamed(stage, 'HEALTHCHECK').length > 0)) return;
    // An image of files only never runs as a container, so there is nothing to probe.
    if (isFilesOnlyStage(final)) return;
    const fix = healthcheckFix(file, final);
    // The keyword stands for the stage that lacks the instruction; its image is no-user's.
    report({ messageId: 'missing', range: final.from.getInstructionRange(), fixes: fix ? [fix] : [] });
  },
});

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
