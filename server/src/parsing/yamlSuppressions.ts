import { stringMap, workloadOf, type KubernetesObject } from './kubernetes';
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

/**
 * The annotations by which other linters exempt one object from checks, applied to that object's document, each
 * read where its tool reads it: kube-linter (`ignore-check.kube-linter.io/<check>` with any value, or
 * `kube-linter.io/ignore-all`) and Polaris (`polaris.fairwinds.com/<check>-exempt` or `…/exempt` set to "true")
 * look at the object's own annotations; kube-score (`kube-score/ignore: <check>,…`) also at its pod template's.
 */
function annotationSuppression(object: KubernetesObject): SuppressionDirective[] {
  const tokens = exemptionsOf(object);
  if (tokens.size === 0) return [];
  const { document } = object;
  // The segment ends with the line break before the next document's `---`, which is not part of this object.
  const range = document.rangeOfOffsets(0, document.text.replace(/\r?\n$/, '').length);
  return [{ lines: { first: range.start.line, last: range.end.line }, tokens }];
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
    const polaris = POLARIS_EXEMPT.exec(key);
    if (polaris && value.toLowerCase() === 'true') tokens.add(`polaris:${polaris[1]}`);
    if (key === 'polaris.fairwinds.com/exempt' && value.toLowerCase() === 'true') tokens.add('polaris:*');
  }
  const podTemplate = workloadOf(object)?.podTemplate;
  for (const annotations of [object.annotations, stringMap(podTemplate?.at('metadata', 'annotations'))]) {
    const ignored = annotations.get('kube-score/ignore');
    if (ignored !== undefined) for (const check of splitList(ignored)) tokens.add(`kube-score:${check}`);
  }
  exemptionsOfObject.set(object, tokens);
  return tokens;
}
