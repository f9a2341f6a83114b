/**
 * Compose interpolation (compose-spec "Interpolation"): `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}`, nesting in defaults, and `$$` for a
 * literal dollar. Values only, never keys.
 */

export interface VariableUse {
  name: string;
  /** Offsets of the whole `${…}` or `$VAR` in the text. */
  start: number;
  end: number;
  /** `:?` / `?`: Compose refuses to run without it. */
  required: boolean;
  /** Whether the expression gives a value of its own when the variable is unset (`:-`, `-`, `:+`, `+`). */
  hasFallback: boolean;
}

export interface Interpolated {
  /** The value Compose would use; undefined when a variable it needs has no value here (unset, no default). */
  value: string | undefined;
  variables: VariableUse[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export type Environment = ReadonlyMap<string, string>;

export function interpolate(text: string, environment: Environment): Interpolated {
  const variables: VariableUse[] = [];
  const value = expand(text, 0, text.length, environment, variables);
  return { value, variables };
}

export function variablesIn(text: string): VariableUse[] {
  return interpolate(text, new Map()).variables;
}

function expand(text: string, from: number, to: number, environment: Environment, variables: VariableUse[]): string | undefined {
  let result = '';
  let known = true;
  let index = from;
  while (index < to) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0 || dollar >= to) {
      result += text.slice(index, to);
      break;
    }
    result += text.slice(index, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      result += '$';
      index = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = closingBrace(text, dollar + 2, to);
      if (close < 0) {
        result += text.slice(dollar, to);
        break;
      }
      const expanded = expandBraced(text, dollar, close, environment, variables);
      if (expanded === undefined) known = false;
      else result += expanded;
      index = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(dollar + 1, to))?.[0];
    if (!name) {
      result += '$';
      index = dollar + 1;
      continue;
    }
    variables.push({ name, start: dollar, end: dollar + 1 + name.length, required: false, hasFallback: false });
    const variable = environment.get(name);
    if (variable === undefined) known = false;
    else result += variable;
    index = dollar + 1 + name.length;
  }
  return known ? result : undefined;
}

function closingBrace(text: string, from: number, to: number): number {
  let depth = 1;
  for (let index = from; index < to; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** `${…}` from `dollar` to the closing brace at `close`. */
function expandBraced(text: string, dollar: number, close: number, environment: Environment, variables: VariableUse[]): string | undefined {
  const inner = text.slice(dollar + 2, close);
  const name = NAME.exec(inner)?.[0];
  if (!name) return undefined;
  const operator = /^(:?[-?+])?/.exec(inner.slice(name.length))?.[0] ?? '';
  const argumentStart = dollar + 2 + name.length + operator.length;
  const use: VariableUse = {
    name,
    start: dollar,
    end: close + 1,
    required: operator.endsWith('?'),
    hasFallback: operator.endsWith('-') || operator.endsWith('+'),
  };
  variables.push(use);
  const variable = environment.get(name);
  const emptyCounts = operator.startsWith(':');
  const isSet = variable !== undefined && (!emptyCounts || variable !== '');
  const argument = () => expand(text, argumentStart, close, environment, variables);
  switch (operator.replace(':', '')) {
    case '-':
      return isSet ? variable : argument();
    case '+':
      return isSet ? argument() : (variable ?? '');
    case '?':
      return isSet ? variable : undefined;
    default:
      return variable;
  }
}

/** A `.env` file: `KEY=value` lines, `#` comments, optional `export `, single or double quotes. */
export function parseDotEnv(text: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name = '', raw = ''] = match;
    let value = raw.trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) value = value.slice(1, value.lastIndexOf(quote));
    else value = value.replace(/\s+#.*$/, '');
    variables.set(name, quote === '"' ? value.replace(/\\n/g, '\n') : value);
  }
  return variables;
}
