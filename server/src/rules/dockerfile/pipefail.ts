import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import { imageFacts, type ImageFamily } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { hasOption, jsonStrings, runInstructions, type RunInstruction } from '../../parsing/dockerfileRun';
import { basename } from '../../parsing/shellScript';
import { insertLinesBefore, rootStage } from '../support/dockerfile';
import { execForm } from '../support/processCommand';

/** Shells with a `pipefail` option, recognised by the last path segment like hadolint does. */
const PIPEFAIL_SHELLS = ['bash', 'zsh', 'ash', 'dash', 'ksh', 'mksh'];
/** Shells that surely accept `-o pipefail` when added to an existing SHELL (dash only learnt it recently). */
const EXTENSIBLE_SHELLS = ['bash', 'zsh', 'ash', 'ksh', 'mksh'];
const BASH_PIPEFAIL = ['/bin/bash', '-o', 'pipefail', '-c'];
/** Alpine and BusyBox have no bash; their /bin/sh is BusyBox ash, which supports pipefail. */
const ASH_PIPEFAIL = ['/bin/ash', '-eo', 'pipefail', '-c'];
const ASH_FAMILIES: readonly ImageFamily[] = ['alpine', 'busybox', 'wolfi'];
/** Images without a shell to switch to. */
const SHELLLESS_FAMILIES: readonly ImageFamily[] = ['distroless', 'scratch'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/pipefail',
  meta: {
    severity: 'warning',
    description: 'A RUN with a pipe runs in a shell without `pipefail`, so a failing command before the last pipe stage does not fail the build.',
    fix: {
      when: 'unless the image has no shell to switch to (distroless, scratch) or an exec-form RUN runs `sh`',
      applied: { autoWhen: "when the base image's family is known" },
    },
    aliases: ['hadolint:DL4006'],
    messages: {
      shellForm:
        'Only the last command of this pipe decides whether the RUN succeeds, so a failure before it goes unnoticed; set `SHELL {{shell}}` before this RUN, or start its script with `set -o pipefail`.',
      execForm:
        'Only the last command of this pipe decides whether the RUN succeeds, so a failure before it goes unnoticed; run the script with a shell that has pipefail, e.g. ["/bin/bash", "-o", "pipefail", "-c", "…"].',
    },
    explanation: {
      why: 'A pipe succeeds when its last command does, so in `wget … | tar -x` a failed download still lets the RUN pass and the build goes on with a broken layer.',
      standard: 'Docker build best practices (RUN: using pipes); hadolint DL4006.',
      bad: 'RUN wget -qO- https://example.com/app.tar.gz | tar -xz -C /opt',
      good: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/app.tar.gz | tar -xz -C /opt',
    },
  },
  check({ file, report }) {
    // One fix per SHELL of a stage (or the stage's inherited shell), built at its first unprotected RUN: every RUN
    // under that shell gets the same edit.
    const fixUnderShell = new Map<Instruction | DockerfileStage, Fix[]>();
    for (const run of runInstructions(file).filter(hasUnprotectedPipe)) {
      if (run.form === 'exec') {
        report({ messageId: 'execForm', range: run.commands[0]!.range, fixes: execFormFix(file, run) });
        continue;
      }
      const segment = run.shellInstruction ?? run.stage;
      if (!fixUnderShell.has(segment)) fixUnderShell.set(segment, shellFormFix(file, run));
      report({ messageId: 'shellForm', data: { shell: recommendedShell(run.stage) }, range: pipeRange(run), fixes: fixUnderShell.get(segment) });
    }
  },
});

function hasUnprotectedPipe(run: RunInstruction): boolean {
  if (run.form === 'shell') return run.hasPipe && !hasPipefail(run.shell) && !setsPipefailFirst(run);
  // Exec form ignores SHELL: what counts is the program the array starts, when it is a shell with a piped script.
  const [execCommand, ...scriptCommands] = run.commands;
  if (!execCommand || !scriptCommands.some((command) => command.piped)) return false;
  return !hasPipefail(execCommand.words.map((word) => word.value)) && !setsPipefailFirst(run);
}

/** `["/bin/bash", "-o", "pipefail", "-c"]`, `["/bin/ash", "-eo", "pipefail", "-c"]` and the like. */
function hasPipefail(shell: readonly (string | undefined)[]): boolean {
  const program = shell[0];
  if (program === undefined || !PIPEFAIL_SHELLS.includes(basename(program))) return false;
  return shell.includes('pipefail') && shell.some((word) => word !== undefined && /^-[A-Za-z]*o[A-Za-z]*$/.test(word));
}

/** A script that runs `set -o pipefail` (or `set -euo pipefail`) before its first pipe protects itself. */
function setsPipefailFirst(run: RunInstruction): boolean {
  const firstPiped = run.commands.findIndex((command) => command.piped);
  return run.commands.slice(0, firstPiped).some((command) => command.program === 'set' && command.args.includes('pipefail') && hasOption(command, '-o'));
}

/** From the first piped command to the end of the piped commands that directly follow it. */
function pipeRange(run: RunInstruction): Range {
  const start = run.commands.findIndex((command) => command.piped);
  // A pipe made only of compound commands (`[[ … ]] | …`) has no simple command to point at.
  if (start < 0) return run.instruction.getRange();
  let end = start;
  while (run.commands[end + 1]?.piped) end++;
  return { start: run.commands[start]!.range.start, end: run.commands[end]!.range.end };
}

function familyOf(stage: DockerfileStage): ImageFamily | undefined {
  const image = rootStage(stage).image;
  return image ? imageFacts(image)?.family : undefined;
}

/** The SHELL arguments to write, as JSON: ash where there is no bash. */
function recommendedShell(stage: DockerfileStage): string {
  const family = familyOf(stage);
  const shell = family && ASH_FAMILIES.includes(family) ? ASH_PIPEFAIL : BASH_PIPEFAIL;
  return execForm(shell);
}

/**
 * Adds `-o pipefail` to the stage's own SHELL when its shell takes it; otherwise inserts a SHELL line before the
 * first unprotected RUN under the same shell, picked for the base image family. Every RUN under that shell gets
 * the same edit, so applying any of them fixes them all.
 */
function shellFormFix(file: DockerfileFile, firstOfSegment: RunInstruction): Fix[] {
  const segment = firstOfSegment.shellInstruction;
  const shellStrings = segment && jsonStrings(file.document, segment as JSONInstruction);
  const program = shellStrings?.[0];
  if (program && EXTENSIBLE_SHELLS.includes(basename(program.value))) {
    const edit = insertAfterJsonString(file, program.range, ', "-o", "pipefail"');
    return edit ? [{ title: 'Add "-o", "pipefail" to SHELL', edits: [edit] }] : [];
  }
  const family = familyOf(firstOfSegment.stage);
  if (family && SHELLLESS_FAMILIES.includes(family)) return [];
  const shell = `SHELL ${recommendedShell(firstOfSegment.stage)}`;
  // Without a known family the image may lack bash, and the build would fail on the new SHELL.
  return [{ title: `Insert ${shell}`, edits: [insertLinesBefore(file, firstOfSegment.holder, [shell])], ...(family ? {} : { unsafe: true }) }];
}

/** `RUN ["bash", "-c", "a | b"]` → `RUN ["bash", "-o", "pipefail", "-c", "a | b"]`. */
function execFormFix(file: DockerfileFile, run: RunInstruction): Fix[] {
  const program = run.commands[0]!.words[0]!;
  if (program.value === undefined || !EXTENSIBLE_SHELLS.includes(basename(program.value))) return [];
  const edit = insertAfterJsonString(file, program.range, ', "-o", "pipefail"');
  return edit ? [{ title: 'Add "-o", "pipefail" to the shell arguments', edits: [edit] }] : [];
}

/** JSON string ranges exclude the quotes; the edit goes after the closing one. */
function insertAfterJsonString(file: DockerfileFile, range: Range, text: string): TextEdit | undefined {
  const document = file.document;
  const closingQuote = document.offsetAt(range.end);
  if (document.getText().charAt(closingQuote) !== '"') return undefined;
  const position = document.positionAt(closingQuote + 1);
  return { range: { start: position, end: position }, newText: text };
}
