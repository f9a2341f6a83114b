import type { KubernetesObject } from './kubernetes';
import { commentSuppressions, OWN_MARKER, ownComment, prefixed, splitList, type CommentSyntax, type SuppressionDirective } from './suppressionDirectives';

/** The suppressions a compose file writes: our own comments and dclint's `# dclint disable…` ones. */
export function composeSuppressions(text: string): SuppressionDirective[] {
  return commentSuppressions(text, {
    markers: [OWN_MARKER, 'dclint'],
    directive: (comment) => {
      const own = ownComment(comment);
      if (own) return own;
      const dclint = /^dclint\s+(disable-file|disable-line|disable)\b(.*)$/.exec(comment);
      return dclint ? { scope: dclint[1] === 'disable-line' ? 'next' : 'file', tokens: dclintTokens(dclint[2] ?? '') } : undefined;
    },
    statementAt: nextContentLine(text),
    trailing: (line) => {
      const dclint = / #\s*dclint\s+disable-line\b(.*?)\s*$/.exec(line);
      return dclint ? dclintTokens(dclint[1] ?? '') : undefined;
    },
  });
}

function dclintTokens(list: string): Set<string> {
  const rules = splitList(list);
  return prefixed('dclint', rules.length ? rules : ['*']);
}

/** The suppressions of a Kubernetes file: our own comments, and the annotations by which other linters exempt an object. */
export function kubernetesSuppressions(text: string, objects: readonly KubernetesObject[]): SuppressionDirective[] {
  const ownComments: CommentSyntax = { markers: [OWN_MARKER], directive: ownComment, statementAt: nextContentLine(text) };
  return [...objects.flatMap(annotationSuppression), ...commentSuppressions(text, ownComments)];
}

/**
 * The next line that is neither blank nor a comment: YAML comments suppress the line below them. The text is split
 * into lines only once a directive asks: most files have none, and a long manifest is checked on every keystroke.
 */
function nextContentLine(text: string): CommentSyntax['statementAt'] {
  let lines: string[] | undefined;
  return (line) => {
    lines ??= text.split(/\r?\n/);
    for (let index = line; index < lines.length; index++) {
      if (!/^\s*(#.*)?$/.test(lines[index] ?? '')) return { first: index, last: index };
    }
    return undefined;
  };
}

const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';
const POLARIS_EXEMPT = /^polaris\.fairwinds\.com\/(.+)-exempt$/;

/** The annotations that exempt one Kubernetes object from checks, applied to that object's lines. */
function annotationSuppression(object: KubernetesObject): SuppressionDirective[] {
  const tokens = exemptionsOf(object);
  if (tokens.size === 0) return [];
  const { document } = object;
  return [{ lines: { first: document.startLine, last: document.startLine + document.lineBreaks }, tokens }];
}

/** Per object, kept with its document while the text is unchanged (parseYamlFile). */
const exemptionsOfObject = new WeakMap<KubernetesObject, ReadonlySet<string>>();

function exemptionsOf(object: KubernetesObject): ReadonlySet<string> {
  const known = exemptionsOfObject.get(object);
  if (known) return known;
  const tokens = new Set<string>();
  for (const [key, value] of object.annotations) {
    if (key.startsWith(KUBE_LINTER_CHECK)) tokens.add(`kube-linter:${key.slice(KUBE_LINTER_CHECK.length)}`);
    if (key === 'kube-linter.io/ignore-all') tokens.add('kube-linter:*');
    if (key === 'kube-score/ignore') for (const check of splitList(value)) tokens.add(`kube-score:${check}`);
    const polaris = POLARIS_EXEMPT.exec(key);
    if (polaris && value === 'true') tokens.add(`polaris:${polaris[1]}`);
    if (key === 'polaris.fairwinds.com/exempt' && value === 'true') tokens.add('polaris:*');
  }
  exemptionsOfObject.set(object, tokens);
  return tokens;
}
