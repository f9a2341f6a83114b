import { defineDockerfileRule } from '../../engine/ruleTypes';
import { commandsNamed, runInstructions } from '../../parsing/dockerfileRun';

export const rule = defineDockerfileRule({
  id: 'dockerfile/use-workdir',
  meta: {
    severity: 'warning',
    description: 'A RUN changes directory with `cd` instead of a WORKDIR instruction.',
    aliases: ['hadolint:DL3003'],
    messages: {
      cd: '`cd` only lasts for this RUN and hides where the commands run; set the directory with a WORKDIR instruction instead.',
    },
    explanation: {
      why: '`cd` lasts only until the end of its RUN, so the next instruction runs somewhere else; WORKDIR sets the directory for every later instruction and for the container, creating it if needed.',
      standard: 'Docker build best practices (WORKDIR); hadolint DL3003.',
      bad: 'RUN cd /app && npm ci',
      good: 'WORKDIR /app\nRUN npm ci',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const command of commandsNamed(run, 'cd')) report({ messageId: 'cd', range: command.words[0]!.range });
    }
  },
});
