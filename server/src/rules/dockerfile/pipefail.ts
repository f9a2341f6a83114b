import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import { imageFacts, type ImageFamily } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { hasOption, jsonStrings, type RunCommand, runInstructions, type RunInstruction } from '../../parsing/dockerfileRun';
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
/**
 * Programs whose failure before a pipe is not worth pipefail: builtins that only write their arguments, and `yes`,
 * which pipefail would turn into a failure (killed by SIGPIPE when the command it feeds stops reading).
 */
const CANNOT_FAIL_BEFORE_PIPE = new Set(['echo', 'printf', 'true', ':', 'yes']);
/**
 * Programs that only read local state and filter text: they fail on a missing file or a bug in the script, not on
 * the network or a full disk, so a pipe fed by them alone is reported as info.
 */
const LOCAL_READERS = new Set([
  'apk',
  'apt-cache',
  'apt-mark',
  'awk',
  'basename',
  'cat',
  'cut',
  'dirname',
  'dpkg',
  'dpkg-query',
  'env',
  'find',
  'gawk',
  'grep',
  'head',
  'id',
  'ldd',
  'locale',
  'ls',
  'mawk',
  'readelf',
  'rpm',
  'scanelf',
  'sed',
  'sort',
  'tail',
  'tr',
  'uname',
  'uniq',
  'wc',
  'which',
]);
/** xargs options that take a value as the next word: what follows them is not the command xargs runs. */
const XARGS_VALUE_OPTIONS = new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s']);

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
        'Only the last command of this pipe decides whether the RUN succeeds, so a failing {{program}} goes unnoticed; set `SHELL {{shell}}` before this RUN, or start its script with `set -o pipefail`.',
      execForm:
        'Only the last command of this pipe decides whether the RUN succeeds, so a failing {{program}} goes unnoticed; run the script with a shell that has pipefail, e.g. ["/bin/bash", "-o", "pipefail", "-c", "…"].',
    },
    explanation: {
      why: "A pipe succeeds when its last command does, so in `wget … | tar -x` a failed download still lets the RUN pass and the build goes on with a broken layer. Pipes fed only by `echo`, `printf`, `true` or `yes` are not reported: the first three cannot fail, and under pipefail `yes` would fail the pipe itself when the command it feeds stops reading. Nor are pipes that end in `grep` (without -v) or `sha256sum -c`, which fail by themselves when what feeds them fails and writes nothing. A pipe fed only by programs that read local state and filter text (`find`, `ldd`, `sort`, `awk`, `dpkg-query`, `xargs` running one of them: the official images' pattern for marking needed libraries) is info: those fail on a bug in the script rather than on the network, and pipefail there can turn a harmless miss into a failed build.",
      standard: 'Docker build best practices (RUN: using pipes); hadolint DL4006.',
      bad: 'RUN wget -qO- https://example.com/app.tar.gz | tar -xz -C /opt',
      good: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/app.tar.gz | tar -xz -C /opt',
    },
  },
  check({ file, report }) {
    // One fix per SHELL of a stage (or the stage's inherited shell), built at its first unprotected RUN: every RUN
    // under that shell gets the same edit.
    const fixUnderShell = new Map<Instruction | DockerfileStage, Fix[]>();
    for (const run of runInstructions(file)) {
      const feeder = unprotectedFeeder(run);
      if (!feeder) continue;
      const program = programText(run.commands[feeder.index]!);
      const severity = feeder.localReader ? 'info' : undefined;
      if (run.form === 'exec') {
        report({ messageId: 'execForm', data: { program }, range: run.commands[0]!.range, severity, fixes: execFormFix(file, run) });
        continue;
      }
      const segment = run.shellInstruction ?? run.stage;
      if (!fixUnderShell.has(segment)) fixUnderShell.set(segment, shellFormFix(file, run));
      const data = { shell: recommendedShell(run.stage), program };
      report({ messageId: 'shellForm', data, range: pipeRange(run, feeder.index), severity, fixes: fixUnderShell.get(segment) });
    }
  },
});

/**
 * The command whose failure a pipe hides for lack of pipefail, preferring one that fetches or builds over one that
 * only reads local state; undefined when no pipe hides a failure.
 */
function unprotectedFeeder(run: RunInstruction): { index: number; localReader: boolean } | undefined {
  if (run.form === 'shell' && (!run.hasPipe || hasPipefail(run.shell))) return undefined;
  // Exec form ignores SHELL: what counts is the program the array starts, when it is a shell with a piped script.
  if (run.form === 'exec' && (run.commands.length < 2 || hasPipefail(run.commands[0]!.words.map((word) => word.value)))) return undefined;
  const hidden: number[] = [];
  for (const [index, command] of run.commands.entries()) {
    if (!command.feedsPipe || CANNOT_FAIL_BEFORE_PIPE.has(command.program ?? '')) continue;
    if (failsOnEmptyInput(pipeEnd(run, index)) || setsPipefailBefore(run, index)) continue;
    hidden.push(index);
  }
  const risky = hidden.find((index) => !readsLocalState(run.commands[index]!));
  if (risky !== undefined) return { index: risky, localReader: false };
  return hidden.length > 0 ? { index: hidden[0]!, localReader: true } : undefined;
}

/** The last command of the pipe that the command at `index` feeds. */
function pipeEnd(run: RunInstruction, index: number): RunCommand | undefined {
  return run.commands.slice(index + 1).find((command) => command.piped && !command.feedsPipe);
}

/**
 * `… | grep pattern` and `… | sha256sum -c -` fail when what feeds them fails and writes nothing: the pipe
 * reports the failure without pipefail.
 */
function failsOnEmptyInput(command: RunCommand | undefined): boolean {
  if (!command) return false;
  if (command.program === 'grep' || command.program === 'egrep' || command.program === 'fgrep') return !hasOption(command, '-v', '--invert-match');
  return /^(?:md5|sha1|sha224|sha256|sha384|sha512)sum$/.test(command.program ?? '') && hasOption(command, '-c', '--check');
}

/** `find … -exec ldd`, `sort -u`, and `xargs -r dpkg-query --search` read local state only. */
function readsLocalState(command: RunCommand): boolean {
  if (command.program !== 'xargs') return LOCAL_READERS.has(command.program ?? '');
  const runs = command.args.find((arg, index) => arg !== undefined && !arg.startsWith('-') && !XARGS_VALUE_OPTIONS.has(command.args[index - 1] ?? ''));
  return runs !== undefined && LOCAL_READERS.has(basename(runs));
}

/** `curl`, or the whole first word when it is not static (`$DOWNLOADER`). */
function programText(command: RunCommand): string {
  return `\`${command.program ?? command.words[0]?.value ?? 'command'}\``;
}

/** `["/bin/bash", "-o", "pipefail", "-c"]`, `["/bin/ash", "-eo", "pipefail", "-c"]` and the like. */
function hasPipefail(shell: readonly (string | undefined)[]): boolean {
  const program = shell[0];
  if (program === undefined || !PIPEFAIL_SHELLS.includes(basename(program))) return false;
  return shell.includes('pipefail') && shell.some((word) => word !== undefined && /^-[A-Za-z]*o[A-Za-z]*$/.test(word));
}

/** A script that runs `set -o pipefail` (or `set -euo pipefail`) before the pipe protects itself. */
function setsPipefailBefore(run: RunInstruction, feeder: number): boolean {
  return run.commands.slice(0, feeder).some((command) => command.program === 'set' && command.args.includes('pipefail') && hasOption(command, '-o'));
}

/** From the command whose failure goes unnoticed to the end of the piped commands that directly follow it. */
function pipeRange(run: RunInstruction, start: number): Range {
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
