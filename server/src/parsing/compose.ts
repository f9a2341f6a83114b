import { isMap, isScalar, isSeq } from 'yaml';
import type { ComposeFile } from './containerFile';
import { mapAt, pairOf } from './yaml';

/**
 * Paths of other compose files this one pulls in (`include:` entries, `extends.file` of services), as written
 * (relative to the file's folder). Such files count as compose files whatever their name.
 */
export function referencedComposePaths(file: ComposeFile, options: { extendsFiles: boolean } = { extendsFiles: true }): string[] {
  const root = file.yaml.documents[0]?.root;
  const paths: string[] = [];
  const include = pairOf(root, 'include')?.value;
  for (const entry of isSeq(include) ? include.items : []) {
    if (isScalar(entry) && typeof entry.value === 'string') paths.push(entry.value);
    const path = isMap(entry) ? pairOf(entry, 'path')?.value : undefined;
    if (isScalar(path) && typeof path.value === 'string') paths.push(path.value);
    for (const item of isSeq(path) ? path.items : []) if (isScalar(item) && typeof item.value === 'string') paths.push(item.value);
  }
  if (!options.extendsFiles) return paths;
  for (const service of mapAt(root, 'services')?.items ?? []) {
    const extendsFile = isMap(service.value) ? pairOf(mapAt(service.value, 'extends'), 'file')?.value : undefined;
    if (isScalar(extendsFile) && typeof extendsFile.value === 'string') paths.push(extendsFile.value);
  }
  return paths;
}
