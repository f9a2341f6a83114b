import { defineDockerfileRule } from '../../engine/ruleTypes';
import { commandsNamed, runInstructions } from '../../parsing/dockerfileRun';

export const rule = defineDockerfileRule({
  id: 'dockerfile/use-workdir',
  meta: {
    severity: 'warning',
    description: 'A RUN changes directory with `cd` instead of a WORKDIR instruction.',
    fixable: false,
    aliases: ['hadolint:DL3003'],
    messages: {
      cd: '`cd` only lasts for this RUN and hides where the commands run; set the directory with a WORKDIR instruction instead.',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const command of commandsNamed(run, 'cd')) report({ messageId: 'cd', range: command.words[0]!.range });
    }
  },
});
