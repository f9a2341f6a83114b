// A ProjectReader over relative path → text, for detection fixtures.
import type { ProjectReader } from '../../server/src/scaffold/types';

export function memoryReader(files: Readonly<Record<string, string>>): ProjectReader {
  return {
    readText: (path) => files[path],
    list(folder) {
      const prefix = folder ? `${folder}/` : '';
      const names = Object.keys(files)
        .filter((path) => path.startsWith(prefix))
        .map((path) => path.slice(prefix.length).split('/')[0] ?? '');
      return [...new Set(names)].sort();
    },
  };
}
