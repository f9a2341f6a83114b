import { defineDockerfileRule } from '../../engine/ruleTypes';
import { imageFacts } from '../../knowledge/images';
import { isFilesOnlyStage, rootStage } from '../support/dockerfile';
import { imagePurpose } from '../support/imagePurpose';
import { nonRootFix } from '../support/users';

export const rule = defineDockerfileRule({
  id: 'dockerfile/no-user',
  meta: {
    severity: 'warning',
    description: 'The final stage sets no USER and its base image is not known to run as non-root, so the container runs as root.',
    fix: {
      when: 'unless the image is a tool rather than a service, or no line can be added after the last instruction (a here-document never closed, a final escaped backslash)',
      applied: { autoWhen: 'when it switches to a user the Dockerfile creates or the image ships' },
    },
    aliases: ['checkov:CKV_DOCKER_3'],
    messages: {
      noUser: 'The final stage sets no USER and {{image}} runs as root, so the container does too; add a non-root user and switch to it with USER.',
      noUserTool:
        'The final stage sets no USER, so this tool runs as root. A user baked into the image could not write to the workspace it is usually run on (a bind mount owned by whoever runs it): run it with `docker run --user "$(id -u):$(id -g)"`, or add a numeric USER if it never writes to a mount.',
      noUserUnknown:
        'The final stage sets no USER and {{image}} is not known to run as non-root, so the container presumably runs as root; switch to a non-root user with USER (a numeric one such as 10001:10001 needs no /etc/passwd entry, but must be able to read the application files).',
    },
    explanation: {
      why: 'Docker runs a container as root unless the image says otherwise, so an escape from the application or a mounted volume is root on those files; most official images (node, python, debian, alpine) do not switch users themselves. For images that are tools rather than services (the final image starts a test runner, a code generator, a linter or an infrastructure CLI: see missing-healthcheck), the finding is info and offers no fix: a named user baked into the image could not write to the bind-mounted workspace such tools run on; `docker run --user` is the better answer there.',
      standard: 'Container standard "non-root users"; CIS Docker Benchmark 4.1; Kubernetes Pod Security "restricted" (runAsNonRoot).',
      bad: 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]',
      good: 'FROM node:22-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]',
    },
  },
  check({ file, report }) {
    const final = file.dockerfile.finalStage;
    // An image of files only is never run, so it has no user to run as.
    if (!final || file.dockerfile.finalUser || isFilesOnlyStage(final)) return;
    const imageStage = rootStage(final);
    const facts = imageStage.image && imageFacts(imageStage.image);
    if (facts && !facts.runsAsRoot) return;
    const data = { image: imageStage.image?.text ?? imageStage.from.getImage() ?? 'the base image' };
    // The image it names decides the user, and the FROM keyword is missing-healthcheck's: each its own fix under the cursor.
    const range = final.from.getImageRange() ?? final.from.getRange();
    if (imagePurpose(file) === 'tool') {
      report({ messageId: 'noUserTool', data, range, severity: 'info' });
      return;
    }
    report({
      messageId: facts ? 'noUser' : 'noUserUnknown',
      data,
      range,
      fixes: [nonRootFix(file, final)].filter((fix) => fix !== undefined),
    });
  },
});
