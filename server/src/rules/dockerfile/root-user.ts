import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { isDevContainer } from '../support/devContainer';
import { isRootUser, runsOfStage, stageChain } from '../support/dockerfile';
import { describeStepDown, stepDownOf } from '../support/privilegeDrop';
import { insertForRuntime, shippedNonRootUser, shippedUserReference, userReference, usersCreatedBefore } from '../support/users';

export const rule = defineDockerfileRule({
  id: 'dockerfile/root-user',
  meta: {
    severity: 'warning',
    description: 'The last USER of the final stage is root, so the container runs with root privileges.',
    fix: {
      when: 'when the Dockerfile creates a user before the root USER or the image ships one, unless the image steps down from root by itself or is a dev container',
      applied: 'auto',
    },
    aliases: ['hadolint:DL3002', 'checkov:CKV_DOCKER_8'],
    messages: {
      root: 'The final stage ends as USER {{user}}, so the container runs as root; switch to a non-root user with USER after the steps that need root.',
      rootWithCandidate:
        'The final stage ends as USER {{user}}, so the container runs as root; switch to the non-root {{candidate}} after the steps that need root.',
      devContainer:
        "The final stage ends as USER {{user}}, as dev containers usually do: VS Code and the dev container CLI connect as devcontainer.json's remoteUser, not as the image's USER. Set remoteUser there to a non-root user if it is not already.",
      stepDown:
        "The final stage ends as USER {{user}}, so the container starts as root, but {{how}}. Kubernetes' runAsNonRoot refuses any image that starts as root: where it is required, {{advice}}.",
    },
    explanation: {
      why: "Switching to root for installation steps is fine, but whatever USER is last is what the container starts as. When the image steps down to a non-root user before it runs its program (the official database images' entrypoints, gosu or su-exec in the ENTRYPOINT: see dockerfile/no-user), the finding is info: only Kubernetes' runAsNonRoot, which refuses an image that starts as root, is concerned. So it is in a dev container (see dockerfile/no-user), whose developer works as devcontainer.json's remoteUser.",
      standard: 'Container standard "non-root users"; CIS Docker Benchmark 4.1.',
      bad: 'FROM node:22\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends dumb-init\nCMD ["node", "server.js"]',
      good: 'FROM node:22\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends dumb-init\nUSER 1000\nCMD ["node", "server.js"]',
    },
  },
  check({ file, report }) {
    const final = file.dockerfile.finalStage;
    const current = file.dockerfile.finalUser;
    if (!final || !current || !isRootUser(current.value)) return;
    if (isDevContainer(file, final)) {
      report({ messageId: 'devContainer', data: { user: current.value }, range: current.range, severity: 'info' });
      return;
    }
    const stepDown = stepDownOf(file);
    if (stepDown) {
      report({ messageId: 'stepDown', data: { user: current.value, ...describeStepDown(stepDown) }, range: current.range, severity: 'info' });
      return;
    }
    const line = current.instruction.getRange().start.line;
    const created = usersCreatedBefore(file, final, line).at(-1);
    const shipped = shippedNonRootUser(final);
    const candidate = created ? userReference(created) : shipped && shippedUserReference(shipped);
    const name = created?.name ?? shipped?.name;
    const described = !name ? `uid ${candidate}` : name === candidate ? `user ${name}` : `user ${name} (USER ${candidate})`;
    report({
      messageId: candidate ? 'rootWithCandidate' : 'root',
      data: { user: current.value, candidate: candidate ? described : '' },
      range: current.range,
      fixes: candidate ? [switchUserFix(file, final, current.instruction, candidate)].filter((fix) => fix !== undefined) : [],
    });
  },
});

/** Replaces the root USER, unless RUNs after it still need root: then the switch goes in before the container starts. */
function switchUserFix(file: DockerfileFile, final: DockerfileStage, rootUser: Instruction, user: string): Fix | undefined {
  const title = `Run as ${user} instead of root`;
  const line = rootUser.getRange().start.line;
  const laterRun = stageChain(final).some((stage) => runsOfStage(file, stage).some((run) => !run.onbuild && run.instruction.getRange().start.line > line));
  if (laterRun) {
    const edit = insertForRuntime(file, final, [`USER ${user}`]);
    return edit && { title, edits: [edit] };
  }
  return { title, edits: [{ range: rootUser.getArgumentsRange()!, newText: user }] };
}
