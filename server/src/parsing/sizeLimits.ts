import { documentStarts } from './yaml';

/**
 * How much of a file is checked. Hand-written container files are far smaller (the largest of the real-world
 * corpus is 71 KB); past these a file is generated output (a bundle of CRDs, a rendered chart), and checking it
 * would take seconds on every open and every keystroke: about 1.5 s of CPU for 256 KB of Deployments or of RUN
 * instructions, and 3 s for the 20,000 ConfigMaps of a 1.4 MB file. Such a file is not parsed, and its kind's syntax
 * rule says so (engine/lint.ts).
 */
export const MAX_CHECKED_LENGTH = 256 * 1024;
export const MAX_CHECKED_DOCUMENTS = 1_000;

/** Why a file is not checked. */
export type Unchecked = { reason: 'length'; length: number } | { reason: 'documents'; documents: number };

/** Why the file is too large to check, if it is; `yaml`: whether it is YAML (or JSON), whose documents count. */
export function uncheckedReason(text: string, yaml: boolean): Unchecked | undefined {
  if (text.length > MAX_CHECKED_LENGTH) return { reason: 'length', length: text.length };
  if (!yaml) return undefined;
  const documents = documentStarts(text).length;
  return documents > MAX_CHECKED_DOCUMENTS ? { reason: 'documents', documents } : undefined;
}

/** The messages of the syntax rules for a file not checked (see UNCHECKED_DATA). */
export const UNCHECKED_MESSAGES = {
  uncheckedLength: `This file is {{size}}, more than the ${MAX_CHECKED_LENGTH / 1024} KB that are checked, so none of it was: it is most likely generated; check what it is generated from, or split it.`,
  uncheckedDocuments: `This file holds {{documents}} YAML documents, more than the ${MAX_CHECKED_DOCUMENTS.toLocaleString('en-US')} that are checked, so none of it was: it is most likely generated; check what it is generated from, or split it.`,
} as const;

/** The message id and data of the report that a file was not checked. */
export function uncheckedReport(unchecked: Unchecked): { messageId: keyof typeof UNCHECKED_MESSAGES; data: Record<string, string> } {
  if (unchecked.reason === 'documents') return { messageId: 'uncheckedDocuments', data: { documents: unchecked.documents.toLocaleString('en-US') } };
  const size = unchecked.length >= 1024 * 1024 ? `${(unchecked.length / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(unchecked.length / 1024)} KB`;
  return { messageId: 'uncheckedLength', data: { size } };
}
