import type { ImageReference } from '../parsing/imageReference';
import { escapeRegExp } from '../parsing/patterns';
import table from './images.json';

export type ImageFamily = 'debian' | 'ubuntu' | 'alpine' | 'rhel' | 'distroless' | 'wolfi' | 'busybox' | 'scratch';

/** One entry of images.json (documented in images.md). */
export interface ImageEntry {
  /** Repository as written in FROM, without `docker.io/library/`; a trailing `*` matches any rest. */
  match: string;
  family: ImageFamily;
  /** The user the image runs as when the Dockerfile sets none. */
  user: 'root' | 'nonroot';
  /** A non-root user the image ships, used by `USER` fixes instead of creating one. */
  nonRootUser?: string;
  /** That user's uid, which Kubernetes' `runAsUser` needs where the Dockerfile names the user. */
  nonRootUid?: number;
  /** A full language image (compilers, headers, package managers). */
  language?: boolean;
  /** A full general-purpose distribution. */
  distro?: boolean;
  /** Current major tags, newest first, offered when a tag must be pinned. */
  tags: string[];
  /** Smaller variants as tag templates (`{tag}` is the current tag). */
  variants: string[];
  deprecated?: string;
}

interface TagFamily {
  tag: string;
  family: ImageFamily;
  user?: 'root' | 'nonroot';
}

interface TagOverride {
  tag: string;
  user: 'root' | 'nonroot';
}

/** What the table says about one image reference, with tag-specific facts applied. */
export interface ImageFacts {
  entry: ImageEntry;
  family: ImageFamily;
  runsAsRoot: boolean;
  /** The tag already names a small variant (slim, alpine, distroless, chiseled, minimal). */
  isMinimalVariant: boolean;
}

const entries = table.images as (ImageEntry & { tagOverrides?: TagOverride[] })[];
const tagFamilies = table.tagFamilies as TagFamily[];
const MINIMAL_TAG = /slim|alpine|distroless|chiseled|minimal|nonroot/;

/** `docker.io/library/node` and `library/node` are both `node`; `docker.io/org/app` is `org/app`. */
export function canonicalRepository(reference: Pick<ImageReference, 'registry' | 'repository'>): string {
  const registry = reference.registry === 'docker.io' || reference.registry === 'index.docker.io' ? undefined : reference.registry;
  const repository = registry ? reference.repository : reference.repository.replace(/^library\//, '');
  return registry ? `${registry}/${repository}` : repository;
}

export function imageEntry(reference: Pick<ImageReference, 'registry' | 'repository'>): ImageEntry | undefined {
  const repository = canonicalRepository(reference);
  return entries.find((entry) => globMatches(entry.match, repository));
}

export function imageFacts(reference: ImageReference): ImageFacts | undefined {
  const entry = imageEntry(reference) as (ImageEntry & { tagOverrides?: TagOverride[] }) | undefined;
  if (!entry) return undefined;
  const tag = reference.tag ?? 'latest';
  const byTag = tagFamilies.find((candidate) => globMatches(candidate.tag, tag));
  const override = entry.tagOverrides?.find((candidate) => globMatches(candidate.tag, tag));
  const user = override?.user ?? byTag?.user ?? entry.user;
  return {
    entry,
    family: entry.family === 'distroless' || entry.family === 'wolfi' ? entry.family : (byTag?.family ?? entry.family),
    runsAsRoot: user === 'root',
    isMinimalVariant: MINIMAL_TAG.test(tag) || !(entry.language || entry.distro),
  };
}

/** The smaller variants of an image at a tag, as full tags (`node:22` → `22-slim`, `22-alpine`). */
export function smallerVariants(entry: ImageEntry, tag: string | undefined): string[] {
  const base = tag && tag !== 'latest' ? tag : entry.tags[0];
  return base ? entry.variants.map((variant) => variant.replace('{tag}', base)) : [];
}

export function allImageEntries(): readonly ImageEntry[] {
  return entries;
}

const globExpressions = new Map<string, RegExp>();

function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let expression = globExpressions.get(pattern);
  if (!expression) {
    expression = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    globExpressions.set(pattern, expression);
  }
  return expression.test(value);
}
