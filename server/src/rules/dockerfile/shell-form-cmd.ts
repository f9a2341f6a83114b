import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import { isSingleCommand, plainCommandWords } from '../../parsing/shellScript';
import { execForm, processInstructions } from '../support/processCommand';

export const rule = defineDockerfileRule({
  id: 'dockerfile/shell-form-cmd',
  meta: {
    severity: 'warning',
    description: 'CMD or ENTRYPOINT in shell form runs /bin/sh as PID 1, which does not pass SIGTERM on to the application.',
    fix: { when: 'unless the command is a pipeline or a command list', applied: 'auto' },
    aliases: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
    messages: {
      shellForm:
        '{{instruction}} uses shell form, so /bin/sh is PID 1 and SIGTERM never reaches the application; use exec form: {{instruction}} ["executable", "arg", ...].',
      shellFormWithExec:
        '{{instruction}} uses shell form; its leading exec does hand PID 1 to the application, but a shell still parses the command and CMD arguments are not passed to a shell-form ENTRYPOINT; use exec form: {{instruction}} ["executable", "arg", ...].',
    },
    explanation: {
      why: 'In shell form the command runs under `/bin/sh -c`, which is then PID 1 and does not pass SIGTERM on; on `docker stop` or pod termination the application gets no chance to shut down and is killed when the grace period ends.',
      standard: 'Container standard "graceful SIGTERM shutdown"; BuildKit build check JSONArgsRecommended; hadolint DL3025.',
      bad: 'CMD node server.js',
      good: 'CMD ["node", "server.js"]',
    },
  },
  check({ file, report }) {
    for (const instruction of processInstructions(file)) {
      const arguments_ = instruction.getArgumentsRange();
      if (!arguments_ || (instruction as JSONInstruction).getOpeningBracket() !== null) continue;
      report({
        messageId: /^exec\s/.test(instruction.getArgumentsContent() ?? '') ? 'shellFormWithExec' : 'shellForm',
        data: { instruction: instruction.getKeyword() },
        range: { start: instruction.getRange().start, end: arguments_.end },
        fixes: execFormFix(instruction),
      });
    }
  },
});

/**
 * A plain command becomes its words in JSON; a single command that needs the shell (variables) keeps it but
 * hands PID 1 over with `exec`. Pipelines and command lists have no faithful exec form, so they get no fix.
 */
function execFormFix(instruction: Instruction): Fix[] {
  // A command already started with `exec` keeps it once, not twice.
  const script = instruction.getArgumentsContent()?.replace(/^exec\s+/, '');
  const range = instruction.getArgumentsRange();
  if (!script || !range) return [];
  const words = plainCommandWords(script) ?? (isSingleCommand(script) ? ['/bin/sh', '-c', `exec ${script}`] : undefined);
  if (!words) return [];
  const json = execForm(words);
  return [{ title: `Rewrite to exec form: ${instruction.getKeyword()} ${json}`, edits: [{ range, newText: json }] }];
}
