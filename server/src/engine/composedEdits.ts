import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { AttributedEdit } from './fixpoint';

/** A fix that contributed to an edit. */
export interface EditOrigin {
  ruleId: string;
  title: string;
}

/** An edit of the original text, with every fix that contributed to it. */
export interface ComposedEdit {
  range: Range;
  newText: string;
  origins: EditOrigin[];
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
  origins: EditOrigin[];
}

/**
 * The passes of a fixpoint as edits of the text it started from, each labelled with the fixes behind it, so that a
 * preview can show (and let the user untick) what each rule changes. An edit of a later pass that touches text an
 * earlier pass wrote is merged with it: neither can be applied without the other.
 */
export class ComposedEdits {
  private edits: OffsetEdit[] = [];
  private current: string;

  constructor(readonly original: string) {
    this.current = original;
  }

  /** A pass's edits of the text the earlier passes produced (`before` must be that text). */
  add(before: string, passEdits: readonly AttributedEdit[]): void {
    if (before !== this.current) throw new Error('a pass must start from the text the earlier passes produced');
    const document = TextDocument.create('file:///composed', '', 0, before);
    const added = passEdits.map(({ edit, ruleId, title }) => ({
      start: document.offsetAt(edit.range.start),
      end: document.offsetAt(edit.range.end),
      newText: edit.newText,
      origins: [{ ruleId, title }],
    }));
    this.edits = this.merged(added);
    this.current = TextDocument.applyEdits(
      document,
      passEdits.map(({ edit }) => edit),
    );
  }

  get text(): string {
    return this.current;
  }

  result(): ComposedEdit[] {
    const document = TextDocument.create('file:///original', '', 0, this.original);
    return this.edits.map(({ start, end, newText, origins }) => ({
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      newText,
      origins,
    }));
  }

  /** Groups earlier edits (at their place in the current text) and this pass's edits that overlap or touch. */
  private merged(added: readonly OffsetEdit[]): OffsetEdit[] {
    let shift = 0;
    const earlier = this.edits.map((edit) => {
      const start = edit.start + shift;
      shift += edit.newText.length - (edit.end - edit.start);
      return { edit, currentStart: start, currentEnd: start + edit.newText.length };
    });
    type Item = { currentStart: number; currentEnd: number; earlier?: OffsetEdit; added?: OffsetEdit };
    const items: Item[] = [
      ...earlier.map(({ edit, currentStart, currentEnd }) => ({ currentStart, currentEnd, earlier: edit })),
      ...added.map((edit) => ({ currentStart: edit.start, currentEnd: edit.end, added: edit })),
    ].sort((a, b) => a.currentStart - b.currentStart || a.currentEnd - b.currentEnd);
    const groups: Item[][] = [];
    let groupEnd = -1;
    for (const item of items) {
      const group = groups.at(-1);
      if (group && item.currentStart <= groupEnd) {
        group.push(item);
        groupEnd = Math.max(groupEnd, item.currentEnd);
      } else {
        groups.push([item]);
        groupEnd = item.currentEnd;
      }
    }
    const toOriginal = (position: number) => {
      let delta = 0;
      for (const { edit, currentEnd } of earlier) if (currentEnd <= position) delta += edit.newText.length - (edit.end - edit.start);
      return position - delta;
    };
    return groups.map((group) => {
      const only = group[0];
      if (group.length === 1 && only?.earlier) return only.earlier;
      const start = Math.min(...group.map((item) => item.currentStart));
      const end = Math.max(...group.map((item) => item.currentEnd));
      const startsEarlier = group.find((item) => item.earlier && item.currentStart === start)?.earlier;
      const endsEarlier = group.find((item) => item.earlier && item.currentEnd === end)?.earlier;
      const addedHere = group.flatMap((item) => (item.added ? [item.added] : [])).sort((a, b) => b.start - a.start);
      let newText = this.current.slice(start, end);
      for (const edit of addedHere) newText = newText.slice(0, edit.start - start) + edit.newText + newText.slice(edit.end - start);
      const origins = uniqueOrigins(group.flatMap((item) => (item.earlier ?? item.added)?.origins ?? []));
      return { start: startsEarlier?.start ?? toOriginal(start), end: endsEarlier?.end ?? toOriginal(end), newText, origins };
    });
  }
}

function uniqueOrigins(origins: readonly EditOrigin[]): EditOrigin[] {
  const seen = new Map<string, EditOrigin>();
  for (const origin of origins) seen.set(`${origin.ruleId}\0${origin.title}`, origin);
  return [...seen.values()];
}
