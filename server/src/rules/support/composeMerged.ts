import { isDeepStrictEqual } from 'node:util';
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
