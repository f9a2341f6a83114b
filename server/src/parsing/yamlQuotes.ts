import { isScalar, visit } from 'yaml';
import type { YamlFile } from './yaml';

export type QuoteStyle = 'single' | 'double';

/** The quotes a file mostly uses for its quoted scalars; double when it has none or as many of each. */
export function prevailingQuotes(file: YamlFile): QuoteStyle {
  let single = 0;
  let double = 0;
  for (const document of file.documents) {
    visit(document.parsed, {
      Scalar(_key, node) {
        if (!isScalar(node)) return;
        if (node.type === 'QUOTE_SINGLE') single++;
        else if (node.type === 'QUOTE_DOUBLE') double++;
      },
    });
  }
  return single > double ? 'single' : 'double';
}

/** `value` as a quoted YAML scalar. */
export function quoted(value: string, style: QuoteStyle): string {
  return style === 'single' ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}
