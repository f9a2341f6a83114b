import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions, type RunCommand } from '../../parsing/dockerfileRun';

const TOOLS = ['wget', 'curl'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/wget-and-curl',
  meta: {
    severity: 'warning',
    description: 'A stage downloads with both `wget` and `curl`, so the image needs two tools for one job.',
    aliases: ['hadolint:DL4001'],
    messages: {
      both: 'This stage already uses `{{other}}` (line {{line}}); download with one tool only, so the image does not need both `wget` and `curl`.',
    },
    explanation: {
      why: 'Two download tools for one job mean two packages, and their libraries, to ship and patch; one is enough.',
      standard: 'Container standard "minimal images"; hadolint DL4001.',
      bad: 'RUN curl -fsSLO https://example.com/a.tar.gz \\\n    && wget -q https://example.com/b.tar.gz',
      good: 'RUN curl -fsSLO https://example.com/a.tar.gz \\\n    && curl -fsSLO https://example.com/b.tar.gz',
    },
  },
  check({ file, report }) {
    // Like hadolint, each stage counts on its own, and its ONBUILD triggers (run in a later build) apart from it.
    const firstUse = new Map<string, RunCommand>();
    for (const run of runInstructions(file)) {
      for (const command of run.commands) {
        if (command.program === undefined || !TOOLS.includes(command.program)) continue;
        const key = (tool: string) => `${run.stage.index}:${run.onbuild}:${tool}`;
        if (!firstUse.has(key(command.program))) firstUse.set(key(command.program), command);
        const other = TOOLS.find((tool) => tool !== command.program)!;
        const otherUse = firstUse.get(key(other));
        if (otherUse) report({ messageId: 'both', data: { other, line: otherUse.range.start.line + 1 }, range: command.words[0]!.range });
      }
    }
  },
});
