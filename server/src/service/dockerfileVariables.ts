import type { Env, Instruction } from 'dockerfile-ast';
import { PLATFORM_BUILD_ARGS, PROXY_BUILD_ARGS } from '../knowledge/buildArgs';
import { argDeclarations, type DockerfileModel, type DockerfileStage } from '../parsing/dockerfile';
import { stageAt } from './dockerfileStages';

export interface VisibleVariable {
  name: string;
  /** Where it comes from: a declaration, or the builder itself. */
  source: 'ARG' | 'ENV' | 'predefined';
  value?: string;
  description?: string;
}

/**
 * The variables a `$` on `line` can refer to, as the builder scopes them: FROM lines and the lines before the first
 * FROM see the global ARGs; inside a stage, the ARGs and ENVs declared earlier in it plus the ENVs of the stages it
 * builds on. Each name appears once, with its latest declaration; predefined build arguments come last.
 */
export function visibleVariables(model: DockerfileModel, line: number): VisibleVariable[] {
  const stage = stageAt(model, line);
  const onFromLine = stage !== undefined && stage.from.getRange().end.line >= line;
  const declarations = !stage || onFromLine ? model.ast.getInitialARGs() : [...inheritedEnvs(stage.baseStage), ...stage.instructions];
  const byName = new Map<string, VisibleVariable>();
  for (const instruction of declarations) {
    // A declaration counts from the line after it ends: `ENV A=1 B=$A` reads the A from before.
    if (instruction.getRange().end.line >= line) continue;
    for (const variable of declared(instruction)) {
      byName.delete(variable.name);
      byName.set(variable.name, variable);
    }
  }
  for (const { name, description } of [...PLATFORM_BUILD_ARGS, ...PROXY_BUILD_ARGS]) {
    if (!byName.has(name)) byName.set(name, { name, source: 'predefined', description });
  }
  return [...byName.values()];
}

function inheritedEnvs(stage: DockerfileStage | undefined): Instruction[] {
  if (!stage) return [];
  return [...inheritedEnvs(stage.baseStage), ...stage.instructions.filter((instruction) => instruction.getKeyword() === 'ENV')];
}

function declared(instruction: Instruction): VisibleVariable[] {
  const source = instruction.getKeyword();
  if (source !== 'ARG' && source !== 'ENV') return [];
  if (source === 'ARG') return argDeclarations(instruction).map(({ name, value }) => ({ name, source, value }));
  return (instruction as Env).getProperties().flatMap((property) => {
    const name = property.getName();
    const value = property.getValue() ?? undefined;
    return name ? [{ name, source, value }] : [];
  });
}
