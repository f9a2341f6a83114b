import type { Finding } from '../engine/lint';
import type { FileKind } from '../parsing/documentKind';

/** One linted file as the output formats see it. */
export interface FileReport {
  displayPath: string;
  kind: FileKind;
  findings: Finding[];
}

export interface FormatContext {
  /** The folder relative paths are relative to. */
  cwd: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;
