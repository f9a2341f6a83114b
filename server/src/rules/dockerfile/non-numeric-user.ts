import { defineDockerfileRule } from '../../engine/ruleTypes';
import { instructionsNamed, rootStage } from '../support/dockerfile';
import { isWindowsImage, shippedNonRootUser, usersCreatedBefore } from '../support/users';

export const rule = defineDockerfileRule({
  id: 'dockerfile/non-numeric-user',
  meta: {
    severity: 'info',
    description: 'USER names a user instead of a numeric uid, which the host and Kubernetes cannot resolve or verify.',
    fix: { when: 'when the Dockerfile creates the user with a uid', applied: 'auto' },
    aliases: ['hadolint:DL3066'],
    messages: {
      name: "USER {{user}} names a user rather than a uid, so the host cannot resolve it and Kubernetes' runAsNonRoot cannot verify it is not root; use the numeric uid (USER <uid>[:<gid>]).",
    },
    explanation: {
      why: "A user name is resolved through the image's /etc/passwd; Kubernetes `runAsNonRoot` refuses to start a container whose user is a name, because it cannot tell whether it is root.",
      standard: 'Container standard "non-root users"; hadolint DL3066.',
      bad: 'RUN adduser -S -D -u 10001 app\nUSER app',
      good: 'RUN adduser -S -D -u 10001 app\nUSER 10001',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      // Windows containers have no numeric uids; their users (ContainerUser) are names.
      if (isWindowsImage(rootStage(stage))) continue;
      // Only the last USER is who the stage's processes run as (hadolint checks that one too); an earlier one, such
      // as a `USER root` for a few RUNs, is switched away from.
      const instruction = instructionsNamed(stage, 'USER').at(-1);
      const user = instruction?.getArgumentsContent()?.trim();
      const range = instruction?.getArgumentsRange();
      const uid = user?.split(':')[0];
      // A variable (an ARG such as $APP_UID) usually holds the uid.
      if (!user || !range || !uid || uid.includes('$') || /^\d+$/.test(uid)) continue;
      // The user the base image ships (`node`) is what dockerfile/no-user itself recommends.
      if (uid === shippedNonRootUser(stage)) continue;
      const created = usersCreatedBefore(file, stage, range.start.line).find((candidate) => candidate.name === uid && candidate.uid);
      const numeric = created && `${created.uid}${user.slice(uid.length)}`;
      report({ messageId: 'name', data: { user }, range, fixes: numeric ? [{ title: `Write USER ${numeric}`, edits: [{ range, newText: numeric }] }] : [] });
    }
  },
});
