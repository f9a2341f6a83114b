import type { Env, Instruction } from 'dockerfile-ast';
import { argDeclarations, type DockerfileModel, type DockerfileStage } from '../parsing/dockerfile';
import { stageAt } from './dockerfileStages';

export interface VisibleVariable {
  name: string;
  /** Where it comes from: a declaration, or the builder itself. */
  source: 'ARG' | 'ENV' | 'predefined';
  value?: string;
  description?: string;
}

/** The build arguments BuildKit defines without a declaration (inside a stage, `ARG NAME` still brings them in). */
const PREDEFINED_BUILD_ARGS: readonly (readonly [string, string])[] = [
  ['TARGETPLATFORM', 'Platform of the build result, e.g. `linux/arm64/v8`.'],
  ['TARGETOS', 'OS part of TARGETPLATFORM.'],
  ['TARGETARCH', 'Architecture part of TARGETPLATFORM.'],
  ['TARGETVARIANT', 'Variant part of TARGETPLATFORM.'],
  ['BUILDPLATFORM', 'Platform of the node running the build.'],
  ['BUILDOS', 'OS part of BUILDPLATFORM.'],
  ['BUILDARCH', 'Architecture part of BUILDPLATFORM.'],
  ['BUILDVARIANT', 'Variant part of BUILDPLATFORM.'],
  ['HTTP_PROXY', 'Proxy for HTTP requests of RUN; kept out of the image history.'],
  ['HTTPS_PROXY', 'Proxy for HTTPS requests of RUN; kept out of the image history.'],
  ['FTP_PROXY', 'Proxy for FTP requests of RUN; kept out of the image history.'],
  ['NO_PROXY', 'Hosts RUN reaches without the proxy; kept out of the image history.'],
  ['ALL_PROXY', 'Proxy for every protocol of RUN; kept out of the image history.'],
];

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
  for (const [name, description] of PREDEFINED_BUILD_ARGS) {
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
