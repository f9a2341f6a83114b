import { parseDockerfile } from '../parsing/dockerfile';
import { ECS_VOLUME_COMMENT } from './templates/dockerfile';

/**
 * The user's Dockerfile with `paths` declared as VOLUMEs at the end of its final stage (the last lines of the file),
 * so Fargate's task volumes on them keep the image's owner and mode; undefined when the final stage declares them.
 */
export function withVolumes(text: string, paths: readonly string[]): string | undefined {
  const model = parseDockerfile(text);
  const final = model.finalStage;
  if (!final) return undefined;
  const declared = new Set<string>();
  for (let stage: typeof final | undefined = final; stage; stage = stage.baseStage) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'VOLUME') continue;
      for (const path of volumePaths(instruction.getArgumentsContent() ?? '')) declared.add(path.replace(/\/+$/, ''));
    }
  }
  const missing = paths.filter((path) => !declared.has(path));
  if (!missing.length) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = text.endsWith('\n') || text === '' ? text : `${text}${eol}`;
  return `${body}${eol}${ECS_VOLUME_COMMENT}${eol}VOLUME ${JSON.stringify(missing).replaceAll(',', ', ')}${eol}`;
}

/** The paths of a VOLUME in JSON or plain form; none when its JSON is broken (another rule reports that). */
function volumePaths(written: string): string[] {
  const trimmed = written.trim();
  if (!trimmed.startsWith('[')) return trimmed.split(/\s+/);
  try {
    const listed: unknown = JSON.parse(trimmed);
    return Array.isArray(listed) ? listed.map(String) : [];
  } catch {
    return [];
  }
}
