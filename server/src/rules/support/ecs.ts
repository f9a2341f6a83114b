import type { EcsFile } from '../../parsing/containerFile';
import type { EcsContainer } from '../../parsing/ecsTaskDefinition';

/** The container definitions of a task definition file; none when it does not parse or has none. */
export function ecsContainers(file: EcsFile): EcsContainer[] {
  return file.taskDefinition?.containers ?? [];
}

/** Where a finding about a container as a whole goes: its name, or its first line when it has none. */
export function containerRange(container: EcsContainer) {
  const name = container.view.get('name');
  if (name) return name.range;
  const { start } = container.view.range;
  return { start, end: { line: start.line, character: start.character + 1 } };
}
