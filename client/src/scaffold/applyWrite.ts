import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ChangedOnDisk, createFile, replaceFile } from '../../../server/src/cli/fileWrites';
import type { Decision, PlannedWrite } from './consent';

const WRITES: ReadonlySet<Decision> = new Set(['create', 'replace', 'alongside']);

/**
 * Carries out one decided write, atomically, and returns what it turned out to be: a file that appeared, or changed,
 * since the user decided is kept as it now is, since the consent was for what they saw. A file that cannot be written
 * throws a `WriteError` naming it.
 */
export function applyWrite(planned: PlannedWrite): Decision {
  if (!WRITES.has(planned.decision)) return planned.decision;
  if (planned.current === undefined) {
    mkdirSync(dirname(planned.target), { recursive: true });
    return createFile(planned.target, planned.text, planned.path) ? planned.decision : 'keep';
  }
  try {
    replaceFile(planned.target, planned.text, planned.current, planned.path);
    return planned.decision;
  } catch (error) {
    if (error instanceof ChangedOnDisk) return 'keep';
    throw error;
  }
}
