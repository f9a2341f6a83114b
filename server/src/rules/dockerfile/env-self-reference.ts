import type { Env, Instruction } from 'dockerfile-ast';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { instructionsNamed, stageChain } from '../support/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/env-self-reference',
  meta: {
    severity: 'error',
    description: 'An ENV refers to a variable that the same ENV defines, which still has its previous (here: no) value.',
    aliases: ['hadolint:DL3044'],
    messages: {
      sameStatement:
        '${{name}} is defined by this same ENV, and variables are substituted before any of its values are set, so it expands to an empty string here; set {{name}} in an earlier ENV.',
    },
    explanation: {
      why: 'All values of an ENV are substituted before any of them is set, so referring to a variable the same ENV defines gives its old value, usually nothing.',
      standard: 'hadolint DL3044.',
      bad: 'ENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin',
      good: 'ENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin',
    },
  },
  check({ file, report }) {
    const escapeCharacter = file.dockerfile.ast.getEscapeCharacter();
    for (const stage of file.dockerfile.stages) {
      for (const env of instructionsNamed(stage, 'ENV') as Env[]) {
        const properties = env.getProperties();
        // Looked up only for an ENV that refers to one of its own names: most never do, and the lookup walks the stage.
        let defined: Set<string> | undefined;
        for (const property of properties) {
          const range = property.getValueRange();
          if (!range || properties.length < 2) continue;
          const referenced = referencedNames(file.document.getText(range), escapeCharacter);
          for (const other of properties) {
            const name = other.getName();
            // `ENV PATH=/opt/bin:$PATH` refers to its own earlier value, which is fine.
            if (other === property || !referenced.has(name)) continue;
            defined ??= namesDefinedBefore(stage, env);
            if (!defined.has(name)) report({ messageId: 'sameStatement', data: { name }, range });
          }
        }
      }
    }
  },
});

/** ARG and ENV names set above the instruction in the stage and the stages it builds on. */
function namesDefinedBefore(stage: DockerfileStage, instruction: Instruction): Set<string> {
  const line = instruction.getRange().start.line;
  const names = new Set<string>();
  for (const current of stageChain(stage)) {
    for (const definition of instructionsNamed(current, 'ENV', 'ARG')) {
      if (definition.getRange().start.line >= line) continue;
      for (const property of (definition as Env).getProperties()) names.add(property.getName());
    }
  }
  return names;
}

/** Variables a value expands (`$NAME`, `${NAME}`, `${NAME:-x}`), skipping single quotes and escaped dollars. */
function referencedNames(raw: string, escapeCharacter: string): Set<string> {
  const names = new Set<string>();
  let quote: string | undefined;
  for (let index = 0; index < raw.length; index++) {
    const character = raw[index]!;
    if (character === escapeCharacter && quote !== "'") index++;
    else if ((character === '"' || character === "'") && (quote === undefined || quote === character)) quote = quote ? undefined : character;
    else if (character === '$' && quote !== "'") {
      const name = /^\$(?:\{([A-Za-z_]\w*)|([A-Za-z_]\w*))/.exec(raw.slice(index));
      if (name) names.add(name[1] ?? name[2]!);
    }
  }
  return names;
}
