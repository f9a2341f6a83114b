import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { ScriptCommand } from '../../parsing/shellScript';
import { finalCommand, processInstructions, SHELL_BUILTINS, shellWrapper, type ShellWrapper } from '../support/processCommand';
import { describeShell, processShell, replacesItself } from '../support/processShell';

export const rule = defineDockerfileRule({
  id: 'dockerfile/shell-wrapper-without-exec',
  meta: {
    severity: 'warning',
    description:
      'An exec-form CMD or ENTRYPOINT hands a script to a shell whose last command is not started with exec, so the shell stays PID 1 and SIGTERM never reaches the application.',
    fix: { when: 'unless the last command is a pipeline', applied: 'auto' },
    aliases: [],
    messages: {
      missingExec:
        '{{instruction}} runs "{{command}}" as a child of {{shell}}, which stays PID 1 and does not pass SIGTERM on; start it with `exec` so it replaces the shell: "… exec {{command}}".',
      dashChild:
        '{{instruction}} runs "{{command}}" as a child of {{shell}}: Debian and Ubuntu build dash never to replace itself with the last command, so sh stays PID 1 and SIGTERM never reaches "{{command}}"; start it with `exec`: "… exec {{command}}".',
      bashChild:
        '{{instruction}} runs "{{command}}" after other commands or with a redirection in {{shell}}, which then stays PID 1 (bash replaces itself only with a lone command, and from 5.1 with the last of some lists) and does not pass SIGTERM on; start it with `exec`: "… exec {{command}}".',
      shellReplacesItself:
        '{{instruction}} leaves "{{command}}" to {{shell}}, which replaces itself with {{replacedWith}}, so "{{command}}" does become PID 1 and gets SIGTERM; `exec` says so, and keeps it so on a base image whose sh does not (Debian\'s dash).',
      pipeline:
        '{{instruction}} ends its {{shell}} script with a pipeline, so {{shell}} stays PID 1 and SIGTERM never reaches "{{command}}"; drop the pipe (log to stdout) and start the command with `exec`.',
    },
    explanation: {
      why: "Only PID 1 receives SIGTERM on `docker stop` and pod termination; a shell running the application as its child ignores it, so the application is killed at the timeout. Shells differ (tried with BusyBox 1.35, Debian 12's dash and bash 5.2): `sh` on Alpine and BusyBox images is BusyBox ash, which replaces itself with the last command of its script unless the script sets a trap, so there the finding is info; `sh` on Debian and Ubuntu images is dash, built there never to replace itself; bash replaces itself with a lone command without redirections, and with the last command of a list only in some versions. Where the image's shell is not known, the finding stays a warning.",
      standard: 'Container standard "graceful SIGTERM shutdown"; Docker docs, ENTRYPOINT "exec form".',
      bad: 'CMD ["sh", "-c", "./migrate && node server.js"]',
      good: 'CMD ["sh", "-c", "./migrate && exec node server.js"]',
    },
  },
  check({ file, report }) {
    for (const instruction of processInstructions(file)) {
      const wrapper = shellWrapper(file, instruction);
      const final = wrapper && finalCommand(file, wrapper.script.value);
      const program = final?.words[0]?.value;
      if (!wrapper || !final || final.words.length === 0 || (program !== undefined && SHELL_BUILTINS.has(program))) continue;
      const script = wrapper.script.value;
      const data = { instruction: instruction.getKeyword(), shell: wrapper.shell, command: script.slice(final.words[0]!.start, final.end) };
      if (final.piped) {
        report({ messageId: 'pipeline', data, range: wrapper.script.range });
        continue;
      }
      const resolved = processShell(file, instruction, wrapper.shell);
      const fixes = [insertExec(file, instruction, wrapper, final)];
      const described = { ...data, shell: resolved ? describeShell(wrapper.shell, resolved) : wrapper.shell };
      if (resolved && replacesItself(file, resolved.shell, script, final.start)) {
        const replacedWith = resolved.shell === 'busybox' ? 'the last command of its script' : 'a lone command';
        report({ messageId: 'shellReplacesItself', data: { ...described, replacedWith }, range: wrapper.script.range, severity: 'info', fixes });
      } else {
        const messageId = resolved?.shell === 'dash' ? 'dashChild' : resolved?.shell === 'bash' ? 'bashChild' : 'missingExec';
        report({ messageId, data: described, range: wrapper.script.range, fixes });
      }
    }
  },
});

/** `FOO=1 node x` becomes `FOO=1 exec node x`: exec goes before the program, after the assignments. */
function insertExec(file: DockerfileFile, instruction: Instruction, wrapper: ShellWrapper, command: ScriptCommand): Fix {
  const { value, range } = wrapper.script;
  const offset = command.words[0]!.start;
  const title = `Start the last command with exec in ${instruction.getKeyword()}`;
  const written = file.document.getText(range);
  if (written === value) {
    const position = file.document.positionAt(file.document.offsetAt(range.start) + offset);
    return { title, edits: [{ range: { start: position, end: position }, newText: 'exec ' }] };
  }
  // JSON escapes in the string: the offsets of the script do not map onto the text, so it is re-encoded whole.
  return { title, edits: [{ range, newText: JSON.stringify(`${value.slice(0, offset)}exec ${value.slice(offset)}`).slice(1, -1) }] };
}
