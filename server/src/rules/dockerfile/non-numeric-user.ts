import { defineDockerfileRule } from '../../engine/ruleTypes';
import { isDevContainer } from '../support/devContainer';
import { instructionsNamed, isRootUser, rootStage } from '../support/dockerfile';
import { isWindowsImage, numericUser, usersCreatedBefore } from '../support/users';

const CREATE_WITH_UID = 'create it with a fixed uid (useradd -u 10001, adduser -u 10001) and write USER 10001';

export const rule = defineDockerfileRule({
  id: 'dockerfile/non-numeric-user',
  meta: {
    severity: 'info',
    description: 'USER names a user instead of a numeric uid, which Kubernetes cannot verify is not root.',
    fix: { when: 'when the Dockerfile or the base image (per the image table) gives the user a uid', applied: 'auto' },
    aliases: ['hadolint:DL3066'],
    messages: {
      name: 'USER {{user}} names a user rather than a uid: where Kubernetes requires runAsNonRoot, it cannot verify that a name is not root and refuses to start the container; {{suggestion}}.',
    },
    explanation: {
      why: "The runtime resolves a user name through the image's /etc/passwd, but Kubernetes' `runAsNonRoot` reads the image's user before the container starts and can only check a number: a named user, even one that is not root, fails with CreateContainerConfigError unless the pod sets `runAsUser`. A name is a name whether the Dockerfile creates it or the base image ships it (`node`, .NET's `app`, `www-data`). The fix writes the uid the Dockerfile gives the user (`useradd -u`, `adduser -u`, `usermod -u`) or the one the base image ships it with (`USER 1000` for node's `node`, `USER $APP_UID` on .NET 8+ images, `USER 65532:65532` for distroless' `nonroot`, from the image table documented in images.md); there is no fix when the uid is not known. `USER root` is left to dockerfile/root-user, and neither Windows users, which are names only, nor dev containers (see dockerfile/no-user), which never run under Kubernetes, are reported.",
      standard: 'Container standard "non-root users"; hadolint DL3066; Kubernetes kubelet verifyRunAsNonRoot.',
      bad: 'RUN adduser -S -D -u 10001 app\nUSER app',
      good: 'RUN adduser -S -D -u 10001 app\nUSER 10001',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      // Windows containers have no numeric uids; their users (ContainerUser) are names. Dev containers never run under Kubernetes.
      if (isWindowsImage(rootStage(stage)) || isDevContainer(file, stage)) continue;
      // Only the last USER is who the stage's processes run as (hadolint checks that one too); an earlier one, such
      // as a `USER root` for a few RUNs, is switched away from.
      const instruction = instructionsNamed(stage, 'USER').at(-1);
      const user = instruction?.getArgumentsContent()?.trim();
      const range = instruction?.getArgumentsRange();
      const name = user?.split(':')[0];
      // A variable (an ARG such as $APP_UID) usually holds the uid; root is root-user's finding.
      if (!user || !range || !name || name.includes('$') || /^\d+$/.test(name) || isRootUser(user)) continue;
      const numeric = numericUser(file, stage, range.start.line, user);
      const created = usersCreatedBefore(file, stage, range.start.line).some((candidate) => candidate.name === name);
      report({
        messageId: 'name',
        data: { user, suggestion: numeric ? `write USER ${numeric}` : created ? CREATE_WITH_UID : 'write its uid instead (USER <uid>[:<gid>])' },
        range,
        fixes: numeric ? [{ title: `Write USER ${numeric}`, edits: [{ range, newText: numeric }] }] : [],
      });
    }
  },
});
