import { defineDockerfileRule } from '../../engine/ruleTypes';
import { commandsNamed, runInstructions } from '../../parsing/dockerfileRun';

export const rule = defineDockerfileRule({
  id: 'dockerfile/apt-instead-of-apt-get',
  meta: {
    severity: 'warning',
    description: 'A RUN calls `apt`, the interactive front end whose command-line interface is not stable for scripts.',
    aliases: ['hadolint:DL3027'],
    messages: {
      apt: '`apt` is meant for people at a terminal: its output and behaviour may change between releases and it warns when scripted; use `apt-get` (or `apt-cache` for queries).',
    },
    explanation: {
      why: '`apt` is the front end for people at a terminal: its output and behaviour may change between releases, and it warns that its command-line interface is not stable when scripted. `apt-get` is the interface meant for scripts.',
      standard: 'hadolint DL3027.',
      bad: 'RUN apt install -y curl',
      good: 'RUN apt-get install -y curl',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const command of commandsNamed(run, 'apt')) report({ messageId: 'apt', range: command.words[0]!.range });
    }
  },
});
