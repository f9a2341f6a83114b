import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { type BinSh, imageBinSh } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { jsonStrings, runInstructions } from '../../parsing/dockerfileRun';
import { basename, parseScript } from '../../parsing/shellScript';
import { instructionsNamed, rootStage, stageChain } from './dockerfile';

/** Which shell runs a CMD or ENTRYPOINT script, and whether it hands PID 1 to the script's last command. */

export interface ProcessShell {
  shell: BinSh;
  /** The base image the shell was told from, as written (`node:22-alpine`). */
  image: string;
}

/** Where `/bin/sh` is found; on merged-/usr systems `/bin` links to `/usr/bin`. */
const SH_PATHS = ['/bin/sh', '/usr/bin/sh'];

/**
 * The shell a program name starts in the image of the instruction's stage: `sh` is the image's `/bin/sh`
 * (knowledge/images.ts), `bash` is bash, `ash` and `dash` only where `/bin/sh` is that shell. Undefined when not
 * known: an image missing from the table, a base that is a variable, or a RUN of the stage chain that relinks
 * /bin/sh (dockerfile/symlink-bin-sh).
 */
export function processShell(file: DockerfileFile, instruction: Instruction, program: string): ProcessShell | undefined {
  const stage = file.dockerfile.stageAt(instruction.getRange().start.line);
  const image = stage && rootStage(stage).image;
  const name = basename(program);
  if (name === 'bash') return { shell: 'bash', image: image?.text ?? '' };
  if (!stage || !image || relinksBinSh(file, stage)) return undefined;
  const binSh = imageBinSh(image);
  const shell = name === 'sh' ? binSh : name === 'ash' && binSh === 'busybox' ? binSh : name === 'dash' && binSh === 'dash' ? binSh : undefined;
  return shell && { shell, image: image.text };
}

/** `sh (BusyBox ash on node:22-alpine)`, `sh (dash on python:3.13-slim)`, `bash`: the program, and what it is there. */
export function describeShell(program: string, { shell, image }: ProcessShell): string {
  const name = shell === 'busybox' ? 'BusyBox ash' : shell;
  const written = basename(program);
  return written === name ? written : `${written} (${name} on ${image})`;
}

/** The program a shell-form CMD or ENTRYPOINT runs its text with: the stage's last SHELL before it, else /bin/sh. */
export function shellFormProgram(file: DockerfileFile, instruction: Instruction): string {
  const line = instruction.getRange().start.line;
  const stage = file.dockerfile.stageAt(line);
  const shells = stage ? stageChain(stage).flatMap((current) => instructionsNamed(current, 'SHELL').reverse()) : [];
  const shell = shells.find((candidate) => candidate.getRange().start.line < line);
  return (shell && jsonStrings(file.document, shell as JSONInstruction)?.[0]?.value) ?? '/bin/sh';
}

/**
 * Whether the shell replaces itself with the script's final command (`finalStart` its offset), which then is PID 1
 * and gets SIGTERM (see BinSh): BusyBox ash always unless a trap is set, bash for a lone command without
 * redirections, Debian's dash never.
 */
export function replacesItself(file: DockerfileFile, shell: BinSh, script: string, finalStart: number): boolean {
  const commands = parseScript(script, file.dockerfile.scripts).commands;
  if (commands.some((command) => command.words[0]?.value === 'trap')) return false;
  if (shell === 'busybox') return true;
  // A `<` or `>` anywhere in the command is taken as a redirection, which keeps bash around to undo it.
  return shell === 'bash' && commands.length === 1 && !/[<>]/.test(script.slice(finalStart));
}

function relinksBinSh(file: DockerfileFile, stage: DockerfileStage): boolean {
  const chain = new Set(stageChain(stage));
  return runInstructions(file).some(
    (run) => chain.has(run.stage) && run.commands.some((command) => command.program === 'ln' && SH_PATHS.includes(command.args.at(-1) ?? '')),
  );
}
