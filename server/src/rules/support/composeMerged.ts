import { isDeepStrictEqual } from 'node:util';
import type { Range } from 'vscode-languageserver-types';
import { plainOf } from '../../parsing/composeMerge';
import type { YamlView } from '../../parsing/yamlView';
import type { ProjectService } from '../../workspace/composeProject';

/**
 * Whether a list entry written in one file is still in the service Compose ends up with: an override may `!reset`
 * the list or replace it with `!override`, and then what the base file says no longer applies.
 */
export function survivesMerge(service: ProjectService, field: string, entry: YamlView): boolean {
  const merged = service.merged[field];
  if (!Array.isArray(merged)) return false;
  const written = plainOf(entry);
  return merged.some((candidate) => isDeepStrictEqual(candidate, written));
}

/** A Compose boolean: YAML `true`, or the string Compose reads as true (`"true"`, from interpolation). */
export function isComposeTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/**
 * A filter that passes each range once: list entries reached through an anchor are one text, whichever services
 * use it, so they are reported once, at the anchor.
 */
export function oncePerRange(): (range: Range) => boolean {
  const seen = new Set<string>();
  return (range) => {
    const key = `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
