// VS Code's snippet syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax), parsed
// and expanded the way the editor inserts a snippet when the user accepts every default: a placeholder gives its
// default, a choice its first option, a mirror the value of its tab stop, a variable its value or else its default.
// Transforms are not supported: a snippet that uses one fails loudly rather than expanding to something else.

type TabstopNode = { type: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] };

export type SnippetNode = { type: 'text'; value: string } | TabstopNode | { type: 'variable'; name: string; children?: SnippetNode[] };

export class SnippetSyntaxError extends Error {}

/** Parses a snippet body (the lines joined with `\n`). */
export function parseSnippet(body: string): SnippetNode[] {
  return new Parser(body).parseUntil(false);
}

class Parser {
  private position = 0;

  constructor(private readonly source: string) {}

  /** Nodes up to the end of the source, or up to the `}` that closes the enclosing placeholder. */
  parseUntil(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '\\' && '$}\\'.includes(this.source[this.position + 1] ?? '')) {
        text += this.source[this.position + 1];
        this.position += 2;
      } else if (char === '}' && insidePlaceholder) {
        flush();
        return nodes;
      } else if (char === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += char;
          this.position++;
        }
      } else {
        text += char;
        this.position++;
      }
    }
    if (insidePlaceholder) throw new SnippetSyntaxError(`unclosed placeholder in ${JSON.stringify(this.source)}`);
    flush();
    return nodes;
  }

  /** A tab stop, placeholder, choice or variable at `$`, or undefined where the `$` is plain text (as in VS Code). */
  private parseDollar(): SnippetNode | undefined {
    const rest = this.source.slice(this.position);
    const bare = /^\$(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(rest);
    if (bare) {
      this.position += bare[0].length;
      return bare[1] !== undefined ? { type: 'tabstop', index: Number(bare[1]) } : { type: 'variable', name: bare[2] };
    }
    const opening = /^\$\{(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(rest);
    if (!opening) return undefined;
    this.position += opening[0].length;
    const next = this.source[this.position];
    const head: SnippetNode = opening[1] !== undefined ? { type: 'tabstop', index: Number(opening[1]) } : { type: 'variable', name: opening[2] };
    if (next === '}') {
      this.position++;
      return head;
    }
    if (next === ':') {
      this.position++;
      const children = this.parseUntil(true);
      this.position++;
      return { ...head, children };
    }
    if (next === '|' && head.type === 'tabstop') {
      this.position++;
      const choices = this.parseChoices();
      return { ...head, choices };
    }
    if (next === '/') throw new SnippetSyntaxError(`transforms are not supported: ${rest.slice(0, 40)}`);
    throw new SnippetSyntaxError(`unexpected ${JSON.stringify(next)} in ${rest.slice(0, 40)}`);
  }

  /** `a,b|}` after `${1|`: options separated by commas, with `\,` `\|` `\\` `\$` `\}` escaped. */
  private parseChoices(): string[] {
    const choices: string[] = [];
    let current = '';
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '\\' && ',|\\$}'.includes(this.source[this.position + 1] ?? '')) {
        current += this.source[this.position + 1];
        this.position += 2;
      } else if (char === ',') {
        choices.push(current);
        current = '';
        this.position++;
      } else if (char === '|' && this.source[this.position + 1] === '}') {
        choices.push(current);
        this.position += 2;
        return choices;
      } else {
        current += char;
        this.position++;
      }
    }
    throw new SnippetSyntaxError('unclosed choice');
  }
}

export interface Expansion {
  text: string;
  /** Tab stop numbers in the order they are first met, `$0` included. */
  tabstops: number[];
  /** The options of each choice, by tab stop. */
  choices: Map<number, string[]>;
  /** Variables that had neither a value nor a default: VS Code inserts their name, which is never what was meant. */
  unknownVariables: string[];
}

export interface ExpandOptions {
  variables: Readonly<Record<string, string>>;
  /** Which option each choice takes (by tab stop); the first where not given, as VS Code preselects it. */
  choose?: (index: number, choices: readonly string[]) => string;
}

/** The text VS Code inserts when every tab stop is left at its default. */
export function expandSnippet(body: string, options: ExpandOptions): Expansion {
  const nodes = parseSnippet(body);
  const tabstops: number[] = [];
  const choices = new Map<number, string[]>();
  const defaults = new Map<number, TabstopNode>();
  const unknownVariables: string[] = [];
  const collect = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'tabstop') {
        if (!tabstops.includes(node.index)) tabstops.push(node.index);
        if (node.choices) choices.set(node.index, node.choices);
        // The first occurrence with a default gives every mirror its value, as in the editor.
        if ((node.children || node.choices) && !defaults.has(node.index)) defaults.set(node.index, node);
      }
      if (node.type !== 'text' && node.children) collect(node.children);
    }
  };
  collect(nodes);
  const render = (list: readonly SnippetNode[], depth: number): string => {
    if (depth > 20) throw new SnippetSyntaxError('placeholders nest in a cycle');
    return list
      .map((node) => {
        if (node.type === 'text') return node.value;
        if (node.type === 'variable') {
          // Unset or empty, a variable takes its default; unknown and without one, VS Code inserts its name.
          const value = options.variables[node.name];
          if (value) return value;
          if (node.children) return render(node.children, depth + 1);
          if (value !== undefined) return '';
          unknownVariables.push(node.name);
          return node.name;
        }
        const source = defaults.get(node.index);
        if (!source) return '';
        if (source.choices) return options.choose ? options.choose(source.index, source.choices) : source.choices[0];
        return render(source.children ?? [], depth + 1);
      })
      .join('');
  };
  return { text: render(nodes, 0), tabstops, choices, unknownVariables };
}

/**
 * The document after inserting `text` in place of the line holding `marker`, as the editor does: the snippet starts
 * at the marker line's indentation, and every further line gets that indentation too.
 */
export function insertAtMarker(document: string, marker: string, text: string): string {
  const lines = document.split('\n');
  const index = lines.findIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`no ${marker} in the surrounding document`);
  const indentation = /^\s*/.exec(lines[index])![0];
  const inserted = text.split('\n').map((line) => (line ? indentation + line : line));
  return [...lines.slice(0, index), ...inserted, ...lines.slice(index + 1)].join('\n');
}
