import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../../engine/ruleTypes';
import { imageFacts, type ShippedUser } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { commandsNamed } from '../../parsing/dockerfileRun';
import { insertLinesAfter, insertLinesBefore, rootStage, runsOfStage, stageChain } from './dockerfile';
import { parseCall, type OptionSyntax, type ToolCall } from './packageManagers';
import { setTagEdit } from './imageTags';

/** Users of the final stage: who it runs as, users the Dockerfile creates, and fixes that switch to one. */

/** A user that `useradd`/`adduser` creates in a RUN, or whose uid `usermod -u` sets. */
export interface CreatedUser {
  name: string;
  uid?: string;
}

/** The uid (and gid) of a user a fix creates: at least 10000, clear of the users images and hosts already have. */
const CREATED_UID = '10001';

/** The options of useradd that take a value. */
export const USERADD_SYNTAX: OptionSyntax = {
  long: [
    '--base-dir',
    '--comment',
    '--home-dir',
    '--expiredate',
    '--inactive',
    '--gid',
    '--groups',
    '--skel',
    '--key',
    '--password',
    '--root',
    '--prefix',
    '--shell',
    '--uid',
    '--selinux-user',
    '--selinux-range',
  ],
  short: 'bcdefgGkKpPRsuZ',
};
/** The options of both adduser flavours (BusyBox and Debian) that take a value. */
const ADDUSER_SYNTAX: OptionSyntax = {
  long: ['--home', '--shell', '--gecos', '--comment', '--ingroup', '--uid', '--gid', '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf'],
  short: 'hgsGuk',
};

/** The options of usermod that take a value. */
const USERMOD_SYNTAX: OptionSyntax = {
  long: [
    '--comment',
    '--home',
    '--expiredate',
    '--inactive',
    '--gid',
    '--groups',
    '--login',
    '--password',
    '--root',
    '--prefix',
    '--shell',
    '--uid',
    '--selinux-user',
  ],
  short: 'cdefgGlpPRsuZ',
};
const SYNTAX: Readonly<Record<string, OptionSyntax>> = { useradd: USERADD_SYNTAX, adduser: ADDUSER_SYNTAX, usermod: USERMOD_SYNTAX };

/**
 * Non-root users created by RUNs of the stage chain above a line (the stages a chain builds on come first in the
 * file), in order; a `usermod -u` that renumbers a user (often the image's own `node`) counts as creating it anew.
 */
export function usersCreatedBefore(file: DockerfileFile, stage: DockerfileStage, line: number): CreatedUser[] {
  const users: CreatedUser[] = [];
  for (const current of stageChain(stage)) {
    for (const run of runsOfStage(file, current)) {
      if (run.onbuild || run.instruction.getRange().start.line >= line) continue;
      for (const command of commandsNamed(run, ['useradd', 'adduser', 'usermod'])) {
        const user = createdUser(parseCall(run, command, 0, SYNTAX[command.program!]!));
        if (user && user.name !== 'root' && user.uid !== '0' && (command.program !== 'usermod' || user.uid)) users.push(user);
      }
    }
  }
  return users;
}

function createdUser(call: ToolCall): CreatedUser | undefined {
  const operands = call.operands.map((word) => word.value);
  const uid = call.options.filter((option) => option.name === '-u' || option.name === '--uid').at(-1)?.value;
  // useradd and usermod take one operand, the login; adduser takes `user [group]`.
  const name = call.command.program === 'adduser' ? operands[0] : operands.at(-1);
  return name ? { name, ...(uid && /^\d+$/.test(uid) ? { uid } : {}) } : undefined;
}

/** How a `USER` line names a user: by uid when the Dockerfile gave one (Kubernetes' runAsNonRoot can only verify numbers). */
export function userReference(user: CreatedUser): string {
  return user.uid ?? user.name;
}

/** The non-root user the stage's base image ships at its tag (`node`, .NET 8's `app`), if the table knows one. */
export function shippedNonRootUser(stage: DockerfileStage): ShippedUser | undefined {
  const image = rootStage(stage).image;
  return image ? imageFacts(image)?.nonRootUser : undefined;
}

/**
 * How a `USER` line names a user the image ships, numerically where the table knows how (Kubernetes' runAsNonRoot
 * can only verify numbers): `$APP_UID` on .NET 8+, `65532:65532` on distroless, `1000` for node's `node`.
 */
export function shippedUserReference(user: ShippedUser): string | undefined {
  if (user.uidVariable) return `$${user.uidVariable}`;
  if (user.uid === undefined) return user.name;
  return user.gid === undefined ? String(user.uid) : `${user.uid}:${user.gid}`;
}

/**
 * `USER name[:group]` written numerically: the uid the Dockerfile gives the name (useradd/adduser `-u`, usermod
 * `-u`) or, when the Dockerfile does not create it, the uid the base image ships it with. The group stays as
 * written unless it is the image's own group of that user. Undefined when the uid is not known.
 */
export function numericUser(file: DockerfileFile, stage: DockerfileStage, line: number, user: string): string | undefined {
  const [name = '', ...rest] = user.split(':');
  const group = rest.length > 0 ? rest.join(':') : undefined;
  const created = usersCreatedBefore(file, stage, line)
    .filter((candidate) => candidate.name === name)
    .at(-1);
  if (created) return created.uid && withGroup(created.uid, group);
  const image = rootStage(stage).image;
  const facts = image && imageFacts(image);
  if (!facts) return undefined;
  const shipped = facts.nonRootUser;
  if (shipped?.name === name) {
    if (shipped.uidVariable) return withGroup(`$${shipped.uidVariable}`, group);
    const ownGroup = (group === undefined || group === name) && shipped.gid !== undefined;
    return shipped.uid === undefined ? undefined : ownGroup ? `${shipped.uid}:${shipped.gid}` : withGroup(String(shipped.uid), group);
  }
  const uid = facts.users.get(name);
  return uid === undefined ? undefined : withGroup(String(uid), group);
}

function withGroup(uid: string, group: string | undefined): string {
  return group === undefined ? uid : `${uid}:${group}`;
}

/**
 * Inserts lines where they apply to the running container but not to the build: above the first CMD/ENTRYPOINT
 * that no RUN follows (and above the comments written for it), else after the stage's last instruction.
 * Undefined when they cannot be added there as instructions of their own (see insertLinesAfter).
 */
export function insertForRuntime(file: DockerfileFile, stage: DockerfileStage, lines: readonly string[]): TextEdit | undefined {
  const instructions = stage.instructions;
  const lastRun = instructions.map((instruction) => instruction.getKeyword()).lastIndexOf('RUN');
  const anchor = instructions.find(
    (instruction, index) => index > lastRun && (instruction.getKeyword() === 'CMD' || instruction.getKeyword() === 'ENTRYPOINT'),
  );
  if (!anchor) return insertLinesAfter(file, instructions.at(-1)!, lines);
  const edit = insertLinesBefore(file, anchor, lines);
  const line = firstCommentLineAbove(file, anchor, instructions);
  return { ...edit, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

function firstCommentLineAbove(file: DockerfileFile, anchor: Instruction, instructions: readonly Instruction[]): number {
  const previousEnd = Math.max(
    -1,
    ...instructions
      .filter((instruction) => instruction !== anchor && instruction.getRange().end.line < anchor.getRange().start.line)
      .map((instruction) => instruction.getRange().end.line),
  );
  let line = anchor.getRange().start.line;
  while (line - 1 > previousEnd && /^\s*#/.test(lineText(file, line - 1))) line--;
  return line;
}

function lineText(file: DockerfileFile, line: number): string {
  return file.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

/**
 * A fix that makes the final stage run as a non-root user, written for its base image: the user the image ships,
 * a user created earlier, the distroless `nonroot` tag, or a new system user created with the family's tools.
 * Switching to a user the image already has is safe; creating one (or assuming a bare uid works on an unknown
 * image) is not: the RUN needs the family's tools, and files copied earlier stay owned by root.
 */
export function nonRootFix(file: DockerfileFile, stage: DockerfileStage): Fix | undefined {
  const created = usersCreatedBefore(file, stage, Number.MAX_SAFE_INTEGER).at(-1);
  if (created) return userFix(file, stage, [], userReference(created), false);
  const imageStage = rootStage(stage);
  const family = imageStage.image ? imageFacts(imageStage.image)?.family : undefined;
  if (family === 'distroless') return distrolessFix(file, stage, imageStage);
  const shipped = shippedNonRootUser(stage);
  const reference = shipped && shippedUserReference(shipped);
  if (reference) return userFix(file, stage, [], reference, false, shipped.name);
  // Windows images ship the unprivileged ContainerUser; numeric uids mean nothing there.
  if (isWindowsImage(imageStage)) return userFix(file, stage, [], 'ContainerUser', false);
  const owner = `${CREATED_UID}:${CREATED_UID}`;
  if (family === 'alpine' || family === 'busybox') {
    return userFix(file, stage, [`RUN addgroup -S -g ${CREATED_UID} app && adduser -S -D -H -u ${CREATED_UID} -G app app`], owner, true);
  }
  if (family === 'debian' || family === 'ubuntu' || family === 'rhel') {
    const nologin = family === 'rhel' ? '/sbin/nologin' : '/usr/sbin/nologin';
    const create = `RUN groupadd --system --gid ${CREATED_UID} app && useradd --system --no-log-init -l --uid ${CREATED_UID} --gid app --home-dir /nonexistent --shell ${nologin} app`;
    return userFix(file, stage, [create], owner, true);
  }
  // scratch, wolfi and unknown images: a numeric user needs no /etc/passwd entry, so nothing has to be created.
  return userFix(file, stage, [], owner, true);
}

function userFix(file: DockerfileFile, stage: DockerfileStage, setup: readonly string[], user: string, unsafe: boolean, name?: string): Fix | undefined {
  const named = name && name !== user ? ` (the image's user ${name})` : '';
  const title = setup.length > 0 ? `Create user app (uid ${CREATED_UID}) and add USER ${user}` : `Add USER ${user}${named}`;
  const edit = insertForRuntime(file, stage, [...setup, `USER ${user}`]);
  return edit && { title, edits: [edit], ...(unsafe ? { unsafe } : {}) };
}

/** Distroless images ship the user nonroot (65532); their `nonroot` tags run as it. */
function distrolessFix(file: DockerfileFile, stage: DockerfileStage, imageStage: DockerfileStage): Fix | undefined {
  const tag = imageStage.from.getImageTag();
  const nonrootTag = !tag || tag === 'latest' ? 'nonroot' : `${tag}-nonroot`;
  const edit = setTagEdit(imageStage.from, nonrootTag);
  if (edit) return { title: `Use the :${nonrootTag} tag, which runs as the user nonroot`, edits: [edit] };
  return userFix(file, stage, [], '65532:65532', false);
}

const WINDOWS_IMAGE = /windows|nanoserver|servercore/i;

export function isWindowsImage(stage: DockerfileStage): boolean {
  return WINDOWS_IMAGE.test(stage.image?.text ?? stage.from.getImage() ?? '');
}
