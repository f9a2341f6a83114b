import type { Finding } from '../engine/lint';
import type { FileKind } from '../parsing/documentKind';

/** One linted file as the output formats see it. */
export interface FileReport {
  displayPath: string;
  kind: FileKind;
  findings: Finding[];
}

export type Formatter = (reports: readonly FileReport[]) => string;
