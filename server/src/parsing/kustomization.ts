import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** The names kustomize reads a kustomization from, in a folder. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Fields whose entries are files kustomize reads as they are (no object of their own): names, or `path:` keys. */
const INPUT_LISTS = ['patchesStrategicMerge', 'configurations', 'transformers', 'generators', 'validators'];
const INPUT_PATH_LISTS = ['patches', 'patchesJson6902', 'replacements'];

/**
 * The files (relative to the kustomization's folder) that a kustomization reads as patches, replacements or
 * plugin configurations: partial objects or tool configurations, never applied as they are. Resources and
 * components are left out: those are manifests. URLs and inline patches are not files.
 */
export function kustomizationInputs(text: string): string[] {
  if (![...INPUT_LISTS, ...INPUT_PATH_LISTS].some((field) => text.includes(field))) return [];
  const root = parseDocument(text, { uniqueKeys: false }).contents;
  if (!isMap(root)) return [];
  const paths: unknown[] = [];
  for (const field of INPUT_LISTS) for (const item of itemsOf(root.get(field, true))) paths.push(isScalar(item) ? item.value : undefined);
  for (const field of INPUT_PATH_LISTS) for (const item of itemsOf(root.get(field, true))) paths.push(isMap(item) ? item.get('path') : undefined);
  return paths.filter((path): path is string => typeof path === 'string' && path !== '' && !path.includes('\n') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path));
}

function itemsOf(node: unknown): readonly unknown[] {
  return isSeq(node) ? node.items : [];
}
