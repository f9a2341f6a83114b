/** A container image reference split the way Docker reads it: `[registry/]repository[:tag][@digest]`. */
export interface ImageReference {
  /** The reference as written (after variable substitution). */
  text: string;
  registry?: string;
  /** The repository path without registry, e.g. `library/node` is written `node`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** Offsets of the tag inside `text`, when there is one. */
  tagStart?: number;
}

/** Whether a string still holds unresolved `$VAR`/`${VAR}` interpolation. */
export function hasVariable(text: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(text);
}

export function parseImageReference(text: string): ImageReference {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  let tagStart: number | undefined;
  const lastColon = rest.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (`localhost:5000/app`), not a tag.
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    tagStart = lastColon + 1;
    rest = rest.slice(0, lastColon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const head = rest.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  return { text, registry, repository: rest, tag, digest, tagStart };
}
