import type { TextEdit } from 'vscode-languageserver-types';
import { defineKubernetesRule, type Fix } from '../../engine/ruleTypes';
import { imageFacts } from '../../knowledge/images';
import type { ContainerView } from '../../parsing/kubernetes';
import { indentOf, insertPair } from '../../parsing/yamlEdit';
import { imageUserOf } from '../support/builtStage';
import { rootStage } from '../support/dockerfile';
import { containersHere } from '../support/kubernetes';
import { isWindowsImage, usersCreatedBefore } from '../support/users';
import { WORKSPACE_LINK, type WorkloadImage, workloadImageOf } from '../support/workloadImage';

const KUBELET_ERROR = '("container has runAsNonRoot and image has non-numeric user ({{name}}), cannot verify user is non-root", CreateContainerConfigError)';

export const rule = defineKubernetesRule({
  id: 'k8s/run-as-non-root-named-user',
  meta: {
    severity: 'error',
    description:
      'The pod or container sets `runAsNonRoot: true` without `runAsUser`, and the Dockerfile of the workspace that builds the image ends with a USER given by name, which the kubelet cannot verify: the container never starts.',
    scope: 'document',
    fix: { when: 'when the Dockerfile gives the user a uid or the image ships it', applied: 'auto' },
    aliases: [],
    messages: {
      knownUid: `Container "{{container}}" sets runAsNonRoot: true without runAsUser, but {{dockerfile}}, which builds its image (per {{builtBy}}), ends with USER {{user}} (line {{line}}), a name the kubelet cannot verify is not root: it refuses to start the container ${KUBELET_ERROR}. Set runAsUser: {{uid}}, the uid of {{name}}, or write USER {{uid}} in the Dockerfile.`,
      unknownUid: `Container "{{container}}" sets runAsNonRoot: true without runAsUser, but {{dockerfile}}, which builds its image (per {{builtBy}}), ends with USER {{user}} (line {{line}}), a name the kubelet cannot verify is not root: it refuses to start the container ${KUBELET_ERROR}. Give the user a fixed uid in the Dockerfile (useradd -u 10001, adduser -u 10001) and make USER numeric, or set runAsUser to that uid.`,
      root: `Container "{{container}}" sets runAsNonRoot: true without runAsUser, but {{dockerfile}}, which builds its image (per {{builtBy}}), ends with USER {{user}} (line {{line}}): the kubelet cannot verify a user name and refuses to start the container ${KUBELET_ERROR}; and root would be refused anyway. Switch the Dockerfile to a non-root numeric USER.`,
    },
    explanation: {
      why: `The kubelet enforces \`runAsNonRoot\` by reading the image user, and it can only check a number: an image whose USER is a name (\`app\`, and \`root\` too) is refused with CreateContainerConfigError, so the pod never starts, whatever uid the name stands for. The fix sets \`runAsUser\` to the uid the Dockerfile gives the user (\`useradd -u\`, \`adduser -u\`, or the uid of a user the base image ships, such as node 1000). ${WORKSPACE_LINK}`,
      standard: 'Kubernetes kubelet verifyRunAsNonRoot ("Non-root verification only supports numeric user"); Kubernetes Pod Security "restricted".',
      bad: '# compose.yaml builds registry.example.com/shop/web from Dockerfile: FROM node:22-slim ... USER node\napiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: web\n      image: registry.example.com/shop/web:1.4.0',
      good: '# compose.yaml builds registry.example.com/shop/web from Dockerfile: FROM node:22-slim ... USER node\napiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n  containers:\n    - name: web\n      image: registry.example.com/shop/web:1.4.0',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      if (container.security('runAsNonRoot')?.value.scalar !== true || container.security('runAsUser')) continue;
      const linked = workloadImageOf(context, container);
      if (!linked || isWindowsImage(rootStage(linked.stage))) continue;
      const user = imageUserOf(linked.stage);
      if (user?.kind !== 'name') continue;
      const uid = user.name === 'root' ? undefined : uidOf(user.name, user.user.instruction.getRange().start.line, linked);
      context.report({
        messageId: user.name === 'root' ? 'root' : uid === undefined ? 'unknownUid' : 'knownUid',
        data: {
          container: container.name || '?',
          dockerfile: linked.dockerfilePath,
          builtBy: linked.builtBy,
          user: user.user.value,
          name: user.name,
          line: user.user.instruction.getRange().start.line + 1,
          uid: uid ?? '',
        },
        range: container.image!.range,
        fixes: () => (uid === undefined ? [] : runAsUserFix(container, uid, user.name)),
      });
    }
  },
});

/** The uid the Dockerfile gives a user: the one it creates (or renumbers) with `-u` before the USER line, or one its base image ships. */
function uidOf(name: string, userLine: number, linked: WorkloadImage): number | undefined {
  const created = usersCreatedBefore(linked.dockerfile, linked.stage, userLine).filter((candidate) => candidate.name === name);
  if (created.length > 0) {
    const uid = created.at(-1)!.uid;
    return uid === undefined ? undefined : Number(uid);
  }
  const base = rootStage(linked.stage).image;
  return base ? imageFacts(base)?.users.get(name) : undefined;
}

/** runAsUser in the container's own securityContext, so that the pod's other containers keep their users. */
function runAsUserFix(container: ContainerView, uid: number, name: string): Fix[] {
  const securityContext = container.get('securityContext');
  let edit: TextEdit | undefined;
  if (securityContext?.isMap) edit = securityContext.get('runAsUser') ? undefined : insertPair(securityContext, 'runAsUser', String(uid));
  else if (!securityContext) edit = insertSecurityContext(container, `runAsUser: ${uid}`);
  return edit ? [{ title: `Set runAsUser: ${uid} (the uid of ${name})`, edits: [edit] }] : [];
}

/** A new `securityContext:` holding one setting, in the container's style: a nested block, or `{ … }` in flow style. */
function insertSecurityContext(container: ContainerView, setting: string): TextEdit | undefined {
  if (container.view.map?.flow) return insertPair(container.view, 'securityContext', `{ ${setting} }`);
  // insertPair writes one-line values after the key: the setting goes on a line of its own, two columns deeper.
  const edit = insertPair(container.view, 'securityContext', '{}');
  const indent = indentOf(container.view);
  if (!edit || indent === undefined) return undefined;
  const eol = edit.newText.startsWith('\r\n') ? '\r\n' : '\n';
  return { ...edit, newText: edit.newText.replace(/ \{\}$/, `${eol}${' '.repeat(indent + 2)}${setting}`) };
}
