import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { imageFacts, matchesPattern } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { jsonStrings } from '../../parsing/dockerfileRun';
import { basename } from '../../parsing/shellScript';
import { instructionsNamed, rootStage, stageChain } from './dockerfile';
import { containerCommand, isEntrypointScript, startedCommand } from './processCommand';
import { usersCreatedBefore } from './users';

/**
 * Images that start as root but do not run their program as root: the entrypoint steps down to a non-root user
 * first (`exec gosu postgres "$@"`), as the official database images do. No USER in such an image is by design;
 * what still matters is that Kubernetes' runAsNonRoot refuses any image that starts as root.
 */
export type StepDown =
  /** The base image's own entrypoint steps down (the image table's `stepDownFor`), for the command the Dockerfile starts. */
  | { kind: 'image'; image: string; user: string; uid?: number; program: string }
  /** The ENTRYPOINT or CMD itself runs the program through a step-down tool: `["gosu", "app", "server"]`. */
  | { kind: 'command'; keyword: string; tool: string; user?: string; program?: string }
  /** The image ships a step-down tool and starts with a script of its own, which presumably uses it. */
  | { kind: 'script'; tool: string; script: string; user?: string; uid?: string }
  /** A server that keeps root in its master process only and serves from workers running as an unprivileged user. */
  | { kind: 'workers'; program: string; workerUser?: string };

/** Servers that start as root and run the workers that handle requests as the user their configuration names. */
const WORKER_SERVERS = /^(?:nginx|httpd|httpd-foreground|apache2|apache2-foreground|apache2ctl|php-fpm[\d.]*)$/;

/** Programs that run a command as another user; the user is the word after them (setpriv, runuser, chpst take options). */
const STEP_DOWN_TOOLS = new Set(['gosu', 'su-exec', 's6-setuidgid', 'setpriv', 'runuser', 'chpst']);
/** Tools an image installs only to step down at start (setpriv is also an Alpine package of that name). */
const SHIPPED_TOOL = /(?:^|[^\w-])(gosu|su-exec|setpriv)(?![\w-])/;

const stepDowns = new WeakMap<DockerfileFile, { found: StepDown | undefined }>();

/** How the final image steps down from root when it starts, if it does; worked out once per parse. */
export function stepDownOf(file: DockerfileFile): StepDown | undefined {
  let known = stepDowns.get(file);
  if (!known) {
    const final = file.dockerfile.finalStage;
    known = { found: final && readStepDown(file, final) };
    stepDowns.set(file, known);
  }
  return known.found;
}

function readStepDown(file: DockerfileFile, final: DockerfileStage): StepDown | undefined {
  const chain = stageChain(final);
  const last = (keyword: string) => chain.flatMap((stage) => instructionsNamed(stage, keyword).reverse())[0];
  const entrypoint = last('ENTRYPOINT');
  const cmd = last('CMD');
  const started = entrypoint ?? cmd;
  const words = (started && startedCommand(file, started)?.words) ?? [];
  const program = words[0] && basename(words[0]);
  if (started && program && STEP_DOWN_TOOLS.has(program))
    return { kind: 'command', keyword: started.getKeyword(), tool: program, ...commandUser(program, words) };
  // Without an ENTRYPOINT of the Dockerfile's own, the base image's entrypoint runs, with the CMD as its arguments.
  if (!entrypoint) {
    const byImage = imageStepDown(file, final, cmd);
    if (byImage) return byImage;
  }
  const workers = workerStepDown(file, final, Boolean(entrypoint || cmd));
  if (workers) return workers;
  const tool = shippedTool(chain);
  if (!tool || !words[0] || !isEntrypointScript(words[0])) return undefined;
  const created = usersCreatedBefore(file, final, Number.MAX_SAFE_INTEGER);
  // Which user the script steps down to is only known when the Dockerfile creates one.
  const user = created.length === 1 ? created[0] : undefined;
  return { kind: 'script', tool, script: words[0], ...(user ? { user: user.name, ...(user.uid ? { uid: user.uid } : {}) } : {}) };
}

/**
 * The base image's entrypoint steps down only for its own server (`postgres`, or options it puts the server in front
 * of); a shell-form CMD reaches it as `/bin/sh -c …`, and any other program runs as root.
 */
function imageStepDown(file: DockerfileFile, final: DockerfileStage, cmd: Instruction | undefined): StepDown | undefined {
  const image = rootStage(final).image;
  const facts = image && imageFacts(image);
  const patterns = facts?.stepDownFor;
  const user = facts?.nonRootUser;
  if (!image || !patterns || !user?.name) return undefined;
  const first = cmd ? jsonStrings(file.document, cmd as JSONInstruction)?.[0]?.value : patterns[0];
  if (first === undefined || !patterns.some((pattern) => matchesPattern(pattern, first))) return undefined;
  const program = /^[\w-]+$/.test(first) && !first.startsWith('-') ? first : patterns[0]!;
  return { kind: 'image', image: image.text, user: user.name, ...(user.uid !== undefined ? { uid: user.uid } : {}), program };
}

/** The server the image starts, or the base image's own server when the Dockerfile starts nothing, if it runs workers. */
function workerStepDown(file: DockerfileFile, final: DockerfileStage, startsSomething: boolean): StepDown | undefined {
  const image = rootStage(final).image;
  const workerUser = image ? imageFacts(image)?.workerUser : undefined;
  if (!startsSomething) return workerUser && image ? { kind: 'workers', program: `${image.text}'s server`, workerUser } : undefined;
  const program = containerCommand(file)[0];
  const name = program && basename(program);
  if (!name || !WORKER_SERVERS.test(name)) return undefined;
  return { kind: 'workers', program: name, ...(workerUser ? { workerUser } : {}) };
}

/** `gosu app server`, `su-exec 1000:1000 server`, `setpriv --reuid=app …`, `runuser -u app -- server`, `chpst -u app server`. */
function commandUser(tool: string, words: readonly (string | undefined)[]): { user?: string; program?: string } {
  if (tool === 'gosu' || tool === 'su-exec' || tool === 's6-setuidgid') return definedOnly({ user: words[1], program: words[2] && basename(words[2]) });
  const index = words.findIndex((word) => word !== undefined && /^(?:--reuid|-u)(?:=|$)/.test(word));
  const word = words[index];
  if (index < 0 || word === undefined) return {};
  return definedOnly({ user: word.includes('=') ? word.slice(word.indexOf('=') + 1) : words[index + 1] });
}

function definedOnly(value: { user?: string | undefined; program?: string | undefined }): { user?: string; program?: string } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}

/** The step-down tool the stages that ship install or copy in, by the first RUN, COPY or ADD that names one. */
function shippedTool(chain: readonly DockerfileStage[]): string | undefined {
  for (const stage of chain)
    for (const instruction of instructionsNamed(stage, 'RUN', 'COPY', 'ADD')) {
      const text = instruction
        .getTextContent()
        .split('\n')
        .filter((line) => !/^\s*#/.test(line))
        .join('\n');
      const match = SHIPPED_TOOL.exec(text);
      if (match) return match[1];
    }
  return undefined;
}

/** Phrases for a message that starts "the container starts as root, but …": how it steps down, and what Kubernetes needs. */
export function describeStepDown(stepDown: StepDown): { how: string; advice: string } {
  const ifEntrypointCopes = 'if the entrypoint works when started as that user';
  switch (stepDown.kind) {
    case 'image':
      return {
        how: `${stepDown.image}'s entrypoint steps down to ${who(stepDown.user, stepDown.uid)} before it starts ${stepDown.program}`,
        advice:
          stepDown.uid === undefined
            ? `set runAsUser to the uid of ${stepDown.user} (the entrypoint then starts ${stepDown.program} as that user directly)`
            : `set runAsUser: ${stepDown.uid} (the entrypoint then starts ${stepDown.program} as that user directly)`,
      };
    case 'command':
      return {
        how: `its ${stepDown.keyword} starts ${stepDown.program ?? 'the program'} as ${stepDown.user ?? 'another user'} through ${stepDown.tool}`,
        advice: `switch to that user with USER and its uid instead, and start ${stepDown.program ?? 'the program'} without ${stepDown.tool}`,
      };
    case 'workers':
      return {
        how: `${stepDown.program} runs its workers, which handle the requests, as ${stepDown.workerUser ?? 'the unprivileged user its configuration names'}; only its master process keeps root`,
        advice: /nginx/.test(stepDown.program)
          ? 'build on nginxinc/nginx-unprivileged, which runs as nginx (uid 101) and listens on 8080'
          : 'run it as a non-root user (USER and its uid) listening on a port above 1024, with its pid and log files writable by that user',
      };
    case 'script':
      return {
        how: `the image ships ${stepDown.tool}, so its entrypoint ${stepDown.script} presumably steps down to ${stepDown.user ? who(stepDown.user, stepDown.uid) : 'a non-root user'} before it starts the program, as the official images' entrypoints do`,
        advice: stepDown.uid ? `set runAsUser: ${stepDown.uid}, ${ifEntrypointCopes}` : `set runAsUser to the uid it steps down to, ${ifEntrypointCopes}`,
      };
  }
}

function who(user: string, uid: number | string | undefined): string {
  return uid === undefined ? user : `${user} (uid ${uid})`;
}
