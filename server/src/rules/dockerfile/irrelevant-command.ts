import { defineDockerfileRule } from '../../engine/ruleTypes';
import { commandsNamed, runInstructions } from '../../parsing/dockerfileRun';

/** Interactive tools, and system management a container build does not do (no init, no login, no kernel). */
const IRRELEVANT_PROGRAMS = ['ssh', 'vim', 'nano', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/irrelevant-command',
  meta: {
    severity: 'info',
    description: 'A RUN uses a command that makes no sense while building an image, such as an editor, `service` or `shutdown`.',
    aliases: ['hadolint:DL3001'],
    messages: {
      irrelevant:
        '`{{program}}` makes no sense in an image build (no terminal, no init system, no running services); remove it, or do this at run time in the container.',
    },
    explanation: {
      why: 'Each RUN runs in a throwaway container with no terminal and no init system: a service started there stops when the RUN ends, and editors or `top` have no one to talk to.',
      standard: 'hadolint DL3001.',
      bad: 'RUN service nginx start',
      good: 'CMD ["nginx", "-g", "daemon off;"]',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const command of commandsNamed(run, IRRELEVANT_PROGRAMS)) {
        report({ messageId: 'irrelevant', data: { program: command.program! }, range: command.words[0]!.range });
      }
    }
  },
});
