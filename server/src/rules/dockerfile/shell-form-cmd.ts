import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { basename, POSIX_SHELLS, plainCommandWords, type ScriptCommand } from '../../parsing/shellScript';
import { execForm, finalCommand, processInstructions, SHELL_BUILTINS } from '../support/processCommand';
import { describeShell, processShell, replacesItself, shellFormProgram } from '../support/processShell';

export const rule = defineDockerfileRule({
  id: 'dockerfile/shell-form-cmd',
  meta: {
    severity: 'warning',
    description: 'CMD or ENTRYPOINT in shell form runs the command through /bin/sh, which may stay PID 1 and not pass SIGTERM on to the application.',
    fix: { when: 'unless the command is a pipeline or a command list', applied: 'auto' },
    aliases: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
    messages: {
      shellForm: '{{instruction}} uses shell form, so {{shell}} is PID 1 and SIGTERM never reaches the application; {{advice}}.',
      shellFormDash:
        '{{instruction}} uses shell form, so {{shell}} runs it, and Debian and Ubuntu build dash never to replace itself with the command: sh stays PID 1 and SIGTERM never reaches the application; {{advice}}.',
      shellFormBash:
        '{{instruction}} uses shell form, so {{shell}} runs it, and bash replaces itself only with a lone command without redirections: here it stays PID 1 and SIGTERM never reaches the application; {{advice}}.',
      shellFormReplaced:
        "{{instruction}} uses shell form; {{shell}} replaces itself with the command, so the application does become PID 1 and get SIGTERM here, though not on a base image whose sh keeps running (Debian's dash); {{advice}}.",
      entrypointShellForm:
        'ENTRYPOINT uses shell form; {{shell}} replaces itself with the command, so it does get SIGTERM, but a shell-form ENTRYPOINT ignores the CMD and `docker run` arguments; {{advice}}.',
      shellFormWithExec:
        '{{instruction}} uses shell form; its leading exec does hand PID 1 to the application, but a shell still parses the command and CMD arguments are not passed to a shell-form ENTRYPOINT; {{advice}}.',
    },
    explanation: {
      why: "In shell form the command runs under `/bin/sh -c` (or the stage's SHELL). What PID 1 then is depends on the image's shell: dash, /bin/sh on Debian and Ubuntu images, is built there never to replace itself with the command, so sh stays PID 1 and does not pass SIGTERM on, and the application is killed when the grace period ends; BusyBox ash (Alpine, BusyBox) replaces itself with the last command unless a trap is set, and bash with a lone command, so there the finding for CMD is info. A shell-form ENTRYPOINT also ignores the CMD and `docker run` arguments. A command that needs the shell (variables, `&&`) is fixed by starting its last command with `exec`, which keeps the expansion that exec form would lose; a script whose last command is already exec'd is not reported.",
      standard: 'Container standard "graceful SIGTERM shutdown"; BuildKit build check JSONArgsRecommended; hadolint DL3025.',
      bad: 'CMD node server.js',
      good: 'CMD ["node", "server.js"]',
    },
  },
  check({ file, report }) {
    for (const instruction of processInstructions(file)) {
      const arguments_ = instruction.getArgumentsRange();
      if (!arguments_ || (instruction as JSONInstruction).getOpeningBracket() !== null) continue;
      const keyword = instruction.getKeyword();
      const range = { start: instruction.getRange().start, end: arguments_.end };
      // The document's text, continuation lines included, so that offsets in it are offsets in the file.
      const script = file.document.getText(arguments_);
      const program = shellFormProgram(file, instruction);
      // A SHELL that is no POSIX shell (PowerShell, cmd) reads the text in its own way.
      const final = POSIX_SHELLS.has(basename(program)) ? finalCommand(file, script) : undefined;
      const words = plainCommandWords((instruction.getArgumentsContent() ?? '').replace(/^exec\s+/, ''));
      const fix = words ? toExecForm(instruction, words) : final && insertExec(file, instruction, final);
      const advice = adviceFor(keyword, words, !words && fix && final ? script.slice(final.words[0]!.start, final.end) : undefined);
      const data = { instruction: keyword, advice };
      if (final?.words[0]?.value === 'exec') {
        // With exec the shell hands PID 1 over; a command that needs the shell is best written so.
        if (words) report({ messageId: 'shellFormWithExec', data, range, severity: keyword === 'CMD' ? 'info' : undefined, fixes: fix ? [fix] : [] });
        continue;
      }
      const resolved = processShell(file, instruction, program);
      const shell = resolved ? describeShell(program, resolved) : program;
      const fixes = fix ? [fix] : [];
      if (resolved && final && !final.piped && replacesItself(file, resolved.shell, script, final.start)) {
        if (keyword === 'CMD') report({ messageId: 'shellFormReplaced', data: { ...data, shell }, range, severity: 'info', fixes });
        else report({ messageId: 'entrypointShellForm', data: { ...data, shell }, range, fixes });
      } else {
        const messageId = resolved?.shell === 'dash' ? 'shellFormDash' : resolved?.shell === 'bash' ? 'shellFormBash' : 'shellForm';
        report({ messageId, data: { ...data, shell }, range, fixes });
      }
    }
  },
});

function adviceFor(keyword: string, words: readonly string[] | undefined, finalText: string | undefined): string {
  if (words) return `use exec form: ${keyword} ${execForm(words)}`;
  if (finalText) return `the command needs the shell (exec form would not expand it), so start its last command with exec: "… exec ${finalText}"`;
  return `use exec form: ${keyword} ["executable", "arg", ...]`;
}

function toExecForm(instruction: Instruction, words: readonly string[]): Fix {
  const json = execForm(words);
  return { title: `Rewrite to exec form: ${instruction.getKeyword()} ${json}`, edits: [{ range: instruction.getArgumentsRange()!, newText: json }] };
}

/**
 * `exec` before the last command of a script that needs the shell (`PORT=1 node x $A` → `PORT=1 exec node x $A`),
 * which hands PID 1 to it and keeps the expansion; none for a pipeline or a shell builtin.
 */
function insertExec(file: DockerfileFile, instruction: Instruction, final: ScriptCommand): Fix | undefined {
  const program = final.words[0];
  if (!program || final.piped || (program.value !== undefined && SHELL_BUILTINS.has(program.value))) return undefined;
  const position = file.document.positionAt(file.document.offsetAt(instruction.getArgumentsRange()!.start) + program.start);
  return { title: `Start the last command with exec in ${instruction.getKeyword()}`, edits: [{ range: { start: position, end: position }, newText: 'exec ' }] };
}
