import { defineDockerfileRule } from '../../engine/ruleTypes';
import { commandsNamed, runInstructions } from '../../parsing/dockerfileRun';

export const rule = defineDockerfileRule({
  id: 'dockerfile/no-sudo',
  meta: {
    severity: 'error',
    description: 'A RUN uses `sudo`, whose terminal and signal handling behave unpredictably in a container.',
    aliases: ['hadolint:DL3004'],
    messages: {
      sudo: '`sudo` behaves unpredictably in a build (TTY, PAM, signal handling); switch users with USER, or use `gosu`/`su-exec` to drop privileges at run time.',
    },
    explanation: {
      why: 'A build already runs as root or as the USER you set, so `sudo` only adds a setuid binary to the image, and without a terminal its password prompt, TTY checks and signal handling behave unpredictably.',
      standard: 'Docker build best practices (USER: avoid sudo); hadolint DL3004.',
      bad: 'USER 10001\nRUN sudo apt-get install -y curl',
      good: 'USER root\nRUN apt-get install -y curl\nUSER 10001',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const command of commandsNamed(run, 'sudo')) report({ messageId: 'sudo', range: command.words[0]!.range });
    }
  },
});
