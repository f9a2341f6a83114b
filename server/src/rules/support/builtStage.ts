import type { Instruction } from 'dockerfile-ast';
import { imageFacts } from '../../knowledge/images';
import type { DockerfileModel, DockerfileStage } from '../../parsing/dockerfile';
import { userOf, type DockerfileUser } from '../../parsing/dockerfileImageConfig';
import { hasVariable } from '../../parsing/imageReference';
import { instructionsNamed, rootStage, stageChain } from './dockerfile';

/** What an image built from a Dockerfile stage runs as and listens on, for rules of the files that build or run it. */

/** The stage a build's target names, or the last one; undefined when the target is not a stage (build-target-not-found). */
export function builtStage(dockerfile: DockerfileModel, target: string | undefined): DockerfileStage | undefined {
  if (target === undefined) return dockerfile.finalStage;
  return dockerfile.stages.find((stage) => stage.name === target.toLowerCase());
}

export interface Port {
  port: number;
  protocol: string;
}

/** The ports the stage and the stages it builds on EXPOSE; undefined when one comes from a variable. A new list each call. */
export function exposedPorts(stage: DockerfileStage): Port[] | undefined {
  const arguments_ = stageChain(stage).flatMap((current) => instructionsNamed(current, 'EXPOSE').flatMap((expose: Instruction) => expose.getArguments()));
  if (arguments_.some((argument) => hasVariable(argument.getValue()))) return undefined;
  // `EXPOSE 8080:80` records only the container port (expose-invalid-format reports the rest).
  return arguments_.flatMap((argument) => parsePorts(argument.getValue().split(':').at(-1) ?? ''));
}

/** `80`, `8000-8010/udp`: each port of the range with its protocol (none for text that is not a port). */
export function parsePorts(text: string): Port[] {
  const match = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(text.trim());
  if (!match) return [];
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  const protocol = (match[3] ?? 'tcp').toLowerCase();
  if (last < first || last - first > 1024) return [];
  return Array.from({ length: last - first + 1 }, (_, index) => ({ port: first + index, protocol }));
}

/**
 * Who a container of the image runs as, as the runtime reads the image's user (the part before `:`): a name
 * (`app`, `root` too), a uid, or no USER on a base image the table knows to run as root. Undefined when it cannot be
 * told here: a USER from a variable, or no USER on a base image that is unknown or sets its own user.
 */
export type ImageUser =
  | { kind: 'name'; name: string; user: DockerfileUser }
  | { kind: 'uid'; uid: number; user: DockerfileUser }
  | { kind: 'unset'; baseImage: string };

export function imageUserOf(stage: DockerfileStage): ImageUser | undefined {
  let known = imageUsers.get(stage);
  if (known === undefined) {
    known = readImageUser(stage) ?? null;
    imageUsers.set(stage, known);
  }
  return known ?? undefined;
}

/** Per parse of the Dockerfile: the containers of every manifest that runs the image ask. */
const imageUsers = new WeakMap<DockerfileStage, ImageUser | null>();

function readImageUser(stage: DockerfileStage): ImageUser | undefined {
  const user = userOf(stage);
  if (user) {
    const name = user.value.split(':')[0]!.trim();
    if (!name || hasVariable(name)) return undefined;
    return /^\d+$/.test(name) ? { kind: 'uid', uid: Number(name), user } : { kind: 'name', name, user };
  }
  const base = rootStage(stage).image;
  return base && imageFacts(base)?.runsAsRoot ? { kind: 'unset', baseImage: base.text } : undefined;
}

/** Whether that user is root: `root`, uid 0, or a base image that runs as root. */
export function isRoot(user: ImageUser): boolean {
  return user.kind === 'unset' || (user.kind === 'uid' && user.uid === 0) || (user.kind === 'name' && user.name === 'root');
}

/** How a message says who the image runs as, with the Dockerfile line that decides it (1-based, as editors show). */
export function describeImageUser(user: ImageUser, stage: DockerfileStage): string {
  if (user.kind !== 'unset') return `ends with USER ${user.user.value} (line ${lineOf(user.user.instruction)})`;
  return `sets no USER and its base image ${user.baseImage} (line ${lineOf(rootStage(stage).from)}) runs as root`;
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}
