import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Fix, Problem } from '../../engine/ruleTypes';
import { imageFacts } from '../../knowledge/images';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { runInstructions, type RunInstruction, type RunScript } from '../../parsing/dockerfileRun';
import { shellcheckSuppressions } from '../../parsing/dockerfileShellcheckSuppressions';
import { basename, type ParsedScript, type ScriptCommand, type ScriptWord } from '../../parsing/shellScript';
import type { SuppressionDirective } from '../../parsing/suppressionDirectives';
import { rootStage } from './dockerfile';

/**
 * What the rules that port ShellCheck's checks share: the RUNs with a shell script, the shell of each script, one
 * report per RUN, and a memory of what each check found in a script. A check reads only the parsed script (and the
 * shell that runs it), so what it finds is kept per parse, which the parse cache shares between the versions of a
 * document: an edit re-checks the RUN it changed, not the others.
 */

export interface ShellRun {
  run: RunInstruction;
  script: RunScript;
}

/** The RUNs whose script a POSIX shell runs (shell form, and exec form through `sh -c`). */
export function shellRuns(file: DockerfileFile): ShellRun[] {
  return runInstructions(file).flatMap((run) => (run.script ? [{ run, script: run.script }] : []));
}

const found = new WeakMap<ParsedScript, Map<string, unknown>>();

/** What a check finds in a parsed script, worked out once per parse and `key` (the shell's options, when they matter). */
export function foundIn<T>(parsed: ParsedScript, key: string, find: () => T): T {
  let byKey = found.get(parsed);
  if (!byKey) {
    byKey = new Map();
    found.set(parsed, byKey);
  }
  if (!byKey.has(key)) byKey.set(key, find());
  return byKey.get(key) as T;
}

/** The base name of the shell that runs a script unit: its own (`bash -c`, a shebang) or the RUN's. */
export function shellOf(parsed: ParsedScript, shell: readonly string[], unit: number): string {
  return parsed.scripts[unit]?.shell ?? basename(shell[0] ?? 'sh');
}

/**
 * The shell that runs a script unit, as far as the Dockerfile tells: `sh` is dash on Debian and Ubuntu, BusyBox ash
 * on Alpine, bash on the Red Hat family; undefined for `sh` on a base image the table does not know.
 */
export type ShellFlavour = 'dash' | 'ash' | 'bash' | 'other';

export function shellFlavour(run: RunInstruction, script: RunScript, unit: number): ShellFlavour | undefined {
  const shell = shellOf(script.parsed, script.shell, unit);
  if (shell === 'bash' || shell === 'dash') return shell;
  if (shell === 'ash' || shell === 'busybox') return 'ash';
  return shell === 'sh' ? imageShell(run.stage) : 'other';
}

const shellOfImage = new WeakMap<DockerfileStage, { flavour: ShellFlavour | undefined }>();

/** What `/bin/sh` is on the image a stage is built on. */
function imageShell(stage: DockerfileStage): ShellFlavour | undefined {
  let known = shellOfImage.get(stage);
  if (!known) {
    known = { flavour: shellOfReference(rootStage(stage).image) };
    shellOfImage.set(stage, known);
  }
  return known.flavour;
}

function shellOfReference(image: DockerfileStage['image']): ShellFlavour | undefined {
  if (!image) return undefined;
  const family = imageFacts(image)?.family;
  if (family === 'debian' || family === 'ubuntu') return 'dash';
  if (family === 'alpine' || family === 'busybox' || family === 'wolfi') return 'ash';
  if (family === 'rhel') return 'bash';
  return family ? undefined : flavourByName(`${image.repository}:${image.tag ?? ''}`);
}

/** Images the table does not know often name their distribution: `nvidia/cuda:12.9-runtime-ubuntu22.04`, `oraclelinux:9-slim`. */
function flavourByName(reference: string): ShellFlavour | undefined {
  if (/alpine|busybox/.test(reference)) return 'ash';
  if (/debian|ubuntu|bookworm|trixie|bullseye|buster|noble|jammy|focal/.test(reference)) return 'dash';
  return /oraclelinux|centos|rockylinux|almalinux|fedora|amazonlinux|ubi\d/.test(reference) ? 'bash' : undefined;
}

/** Whether `set -e` is in force where the command runs: an option of its shell (`shell` runs the RUN's script), or a `set` before it in its script. */
export function exitsOnError(parsed: ParsedScript, shell: readonly string[], command: ScriptCommand): boolean {
  const own = parsed.scripts[command.script];
  let errexit = errexitChange(own?.shell === undefined ? shell.slice(1) : own.options) === true;
  for (const other of parsed.allCommands) {
    if (other.script !== command.script || other.start >= command.start || other.words[0]?.value !== 'set') continue;
    const change = errexitChange(other.words.slice(1).map((word) => word.value ?? ''));
    if (change !== undefined) errexit = change;
  }
  return errexit;
}

/** `-e`, `-ex`, `-o errexit` turn errexit on, `+e` and `+o errexit` off; undefined when the words leave it alone. */
function errexitChange(words: readonly string[]): boolean | undefined {
  let change: boolean | undefined;
  for (const [index, word] of words.entries()) {
    if (/^-[a-z]*e[a-z]*$/.test(word) || (word === '-o' && words[index + 1] === 'errexit')) change = true;
    else if (/^\+[a-z]*e[a-z]*$/.test(word) || (word === '+o' && words[index + 1] === 'errexit')) change = false;
  }
  return change;
}

/** Whether another command of the same script runs after this one, so a failure of this one would go on. */
export function isFollowed(parsed: ParsedScript, command: ScriptCommand): boolean {
  return parsed.allCommands.some((other) => other.script === command.script && other.start >= command.end);
}

/** An edit of the script text, by offsets. */
export interface ScriptEdit {
  start: number;
  end: number;
  newText: string;
}

/** One place a check found in a script, by offsets, with the edits that fix it there. */
export interface Occurrence {
  start: number;
  end: number;
  /** What the message names: `$VAR`, `` `cmd` ``. */
  text: string;
  /** Insertions where occurrences may nest (quotes around `$(… $(…))`), so that their edits do not overlap. */
  edits?: ScriptEdit[];
  /** The message for this occurrence, when it differs from the check's (a finding takes its first occurrence's). */
  messageId?: string;
  /** Values for the message that differ from one occurrence to the next; the finding takes its first occurrence's. */
  data?: Readonly<Record<string, string>>;
}

interface OnceReport {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  /** ShellCheck's codes for the occurrences, which `# shellcheck disable=` inside the script may switch off. */
  codes: readonly string[];
  aliases?: readonly string[];
  fix?: { title: string; unsafe?: boolean };
}

/**
 * Reports the occurrences of one check in a RUN as one finding, on the first: `{{also}}` in the message lists the
 * others, and the fix edits them all. An occurrence that a `# shellcheck disable=` inside the script switches off
 * is left out first, as ShellCheck would.
 */
export function reportOnce(
  file: DockerfileFile,
  report: (problem: Problem) => void,
  script: RunScript,
  occurrences: readonly Occurrence[],
  once: OnceReport,
): void {
  if (occurrences.length === 0) return;
  const kept = occurrences
    .map((occurrence) => ({ occurrence, range: script.rangeOf(occurrence.start, occurrence.end) }))
    .filter(({ range }) => !isDisabledInScript(file, range, once.codes))
    .sort((a, b) => a.occurrence.start - b.occurrence.start);
  const [first, ...others] = kept;
  if (!first) return;
  const everyOneFixed = kept.every(({ occurrence }) => occurrence.edits?.length);
  const edits = kept.flatMap(({ occurrence }) => (occurrence.edits ?? []).map((edit) => textEdit(script, edit)));
  const fixes: Fix[] = once.fix && everyOneFixed ? [{ title: once.fix.title, edits, ...(once.fix.unsafe ? { unsafe: true } : {}) }] : [];
  report({
    messageId: first.occurrence.messageId ?? once.messageId,
    data: { text: first.occurrence.text, also: alsoText(others), ...once.data, ...first.occurrence.data },
    range: first.range,
    ...(fixes.length ? { fixes } : {}),
    ...(once.aliases ? { aliases: once.aliases } : {}),
  });
}

function textEdit(script: RunScript, edit: ScriptEdit): TextEdit {
  return { range: script.rangeOf(edit.start, edit.end), newText: edit.newText };
}

function alsoText(others: readonly { occurrence: Occurrence; range: Range }[]): string {
  if (others.length === 0) return '';
  const listed = others.slice(0, 3).map(({ occurrence, range }) => `${occurrence.text} (line ${range.start.line + 1})`);
  const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
  return ` Also ${listed.join(', ')}${more}.`;
}

const directivesOfFile = new WeakMap<DockerfileFile, SuppressionDirective[]>();

function isDisabledInScript(file: DockerfileFile, range: Range, codes: readonly string[]): boolean {
  let directives = directivesOfFile.get(file);
  if (!directives) {
    directives = shellcheckSuppressions(file);
    directivesOfFile.set(file, directives);
  }
  const line = range.start.line;
  return directives.some(
    (directive) =>
      directive.lines &&
      directive.lines.first <= line &&
      line <= directive.lines.last &&
      (directive.tokens.has('shellcheck:*') || codes.some((code) => directive.tokens.has(`shellcheck:${code}`))),
  );
}

/** Double quotes around a span, as two insertions, so that quotes around nested substitutions do not overlap. */
export function quoteEdits(start: number, end: number): ScriptEdit[] {
  return [
    { start, end: start, newText: '"' },
    { start: end, end, newText: '"' },
  ];
}

/** Whether a program is `[` or `test`, whose operands must each be one word. */
export function isTestCommand(command: ScriptCommand): boolean {
  const program = command.words[0]?.value;
  return program === '[' || program === 'test';
}

/** A word of a script, where the shell reads it. */
export interface WordInScript {
  word: ScriptWord;
  /** The command whose argument (or prefix assignment's value) it is; undefined for a loop's word list. */
  command: ScriptCommand | undefined;
  /** `argument`: a word of the command (split and globbed); `assignment`: a value, which the shell does not split. */
  role: 'argument' | 'assignment' | 'loop';
}

/** Every word of the script's commands, assignments and loops. */
export function wordsInScript(parsed: ParsedScript): WordInScript[] {
  return foundIn(parsed, 'words', () => {
    const words: WordInScript[] = [];
    for (const command of parsed.allCommands) {
      for (const assignment of command.assignments) {
        if (assignment.word) words.push({ word: assignment.word, command, role: 'assignment' });
      }
      for (const word of command.words) words.push({ word, command, role: word.assignment ? 'assignment' : 'argument' });
    }
    for (const loop of parsed.loops) {
      for (const word of loop.words ?? []) words.push({ word, command: undefined, role: 'loop' });
    }
    return words;
  });
}

/** A command or word as a message quotes it: on one line, and not too long. */
export function shortened(text: string, limit = 40): string {
  const line = text.replace(/\\?\r?\n\s*/g, ' ');
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** The source of a span of the script. */
export function sourceOf(parsed: ParsedScript, span: { start: number; end: number }): string {
  return parsed.text.slice(span.start, span.end);
}
