import type { Range } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';
import { dockerfileSuppressions } from '../parsing/dockerfileSuppressions';
import type { SuppressionDirective } from '../parsing/suppressionDirectives';
import { composeSuppressions, kubernetesSuppressions } from '../parsing/yamlSuppressions';

export interface Suppressible {
  ruleId: string;
  aliases: readonly string[];
  range: Range;
}

/** Each kind reads its own suppression spellings; the engine only applies what they find. */
const DIRECTIVES_OF_KIND: { [Kind in ContainerFile['kind']]: (file: Extract<ContainerFile, { kind: Kind }>) => readonly SuppressionDirective[] } = {
  dockerfile: (file) => dockerfileSuppressions(file),
  compose: (file) => composeSuppressions(file.document.getText()),
  kubernetes: (file) => kubernetesSuppressions(file.document.getText(), file.objects),
  // JSON has no comments: findings in a task definition are switched off in the settings or the config file.
  ecs: () => [],
  // A Blueprint is YAML: our own comments work as in a compose file.
  render: (file) => composeSuppressions(file.document.getText()),
  railway: () => [],
  unknown: () => [],
};

/** A file's suppressions by the lines they cover, so that a finding is checked against its own line's only. */
export class Suppressions {
  /** The tokens of every whole-file suppression together. */
  private readonly fileWide = new Set<string>();
  private readonly byLine = new Map<number, SuppressionDirective[]>();

  constructor(directives: readonly SuppressionDirective[]) {
    for (const directive of directives) this.add(directive);
  }

  private add(suppression: SuppressionDirective): void {
    if (!suppression.lines) {
      for (const token of suppression.tokens) this.fileWide.add(token);
      return;
    }
    for (let line = suppression.lines.first; line <= suppression.lines.last; line++) {
      const atLine = this.byLine.get(line);
      if (atLine) atLine.push(suppression);
      else this.byLine.set(line, [suppression]);
    }
  }

  covers(finding: Suppressible): boolean {
    if (tokensMatch(this.fileWide, finding)) return true;
    return (this.byLine.get(finding.range.start.line) ?? []).some((suppression) => tokensMatch(suppression.tokens, finding));
  }
}

function tokensMatch(tokens: ReadonlySet<string>, finding: Suppressible): boolean {
  if (tokens.has('*') || tokens.has(finding.ruleId)) return true;
  return finding.aliases.some((alias) => tokens.has(alias) || tokens.has(`${alias.slice(0, alias.indexOf(':'))}:*`));
}

const suppressionsOfFile = new WeakMap<ContainerFile, Suppressions>();

/** Every suppression written in a file, read once per parse. */
export function collectSuppressions(file: ContainerFile): Suppressions {
  let suppressions = suppressionsOfFile.get(file);
  if (!suppressions) {
    const directivesOf = DIRECTIVES_OF_KIND[file.kind] as (file: ContainerFile) => readonly SuppressionDirective[];
    suppressions = new Suppressions(directivesOf(file));
    suppressionsOfFile.set(file, suppressions);
  }
  return suppressions;
}
