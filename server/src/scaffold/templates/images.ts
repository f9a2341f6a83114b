import { allImageEntries } from '../../knowledge/images';

/**
 * `repository:tag` with the newest tag the bundled image table lists (so templates move when the table does),
 * optionally a variant of it (`{tag}-slim`).
 */
export function pinnedImage(repository: string, variant = '{tag}', tag?: string): string {
  const entry = allImageEntries().find((candidate) => candidate.match === repository);
  const current = tag ?? entry?.tags[0];
  if (!current) throw new Error(`The image table has no tag for ${repository}`);
  return `${repository}:${variant.replace('{tag}', current)}`;
}
