import type { ImageReference } from '../parsing/imageReference';
import { escapeRegExp } from '../parsing/patterns';
import table from './images.json';

export type ImageFamily = 'debian' | 'ubuntu' | 'alpine' | 'rhel' | 'distroless' | 'wolfi' | 'busybox' | 'scratch';

/**
 * What `/bin/sh` is in the images of a family, which decides what `sh -c` does with the last command of its script
 * (see BinSh). Distroless, Wolfi and scratch images have no shell to speak of (distroless `:debug` tags ship BusyBox).
 */
const FAMILY_BIN_SH: Readonly<Record<ImageFamily, BinSh | undefined>> = {
  alpine: 'busybox',
  busybox: 'busybox',
  debian: 'dash',
  ubuntu: 'dash',
  rhel: 'bash',
  distroless: undefined,
  wolfi: undefined,
  scratch: undefined,
};

/**
 * The shells `/bin/sh` is in common base images. They differ in what PID 1 becomes under `sh -c 'a && b'` (tried
 * with BusyBox 1.35, Debian 12's dash 0.5.12 and bash 5.2, reading each process's PID):
 * - `busybox`: BusyBox ash replaces itself with the last simple command of the script (after `;`, `&&`, `||`, with
 *   redirections), unless the script sets a trap;
 * - `dash`: upstream dash execs the last command of a `-c` script, but Debian (and Ubuntu, which takes its
 *   package) builds it with the patch "Disable sh -c command → sh -c exec command optimization" (still applied to
 *   Debian 12's 0.5.12), so there sh always stays PID 1 and runs even a lone command as its child;
 * - `bash`: replaces itself with a lone simple command without redirections (`bash -c 'app'`); with a list it
 *   depends on the version (5.1 and later do it in some lists), so a list is taken to keep bash as PID 1.
 */
export type BinSh = 'busybox' | 'dash' | 'bash';

/** `/bin/sh` of an image, from its family (`node:22-alpine` → busybox, `python:3.13-slim` → dash); undefined when not known. */
export function imageBinSh(reference: ImageReference): BinSh | undefined {
  const facts = imageFacts(reference);
  if (!facts) return undefined;
  if (facts.family === 'distroless' && /debug/.test(reference.tag ?? '')) return 'busybox';
  return FAMILY_BIN_SH[facts.family];
}

/** One entry of images.json (documented in images.md). */
export interface ImageEntry {
  /** Repository as written in FROM, without `docker.io/library/`; a trailing `*` matches any rest. */
  match: string;
  family: ImageFamily;
  /** The user the image starts as when the Dockerfile sets none. */
  user: 'root' | 'nonroot';
  /** A non-root user the image ships, used by `USER` fixes instead of creating one. */
  nonRootUser?: string;
  /** That user's uid (Bitnami's 1001 has no name): what `USER` fixes write and Kubernetes' `runAsUser` needs. */
  nonRootUid?: number;
  /** Its gid, where the image's own docs write `USER uid:gid` (distroless `65532:65532`). */
  nonRootGid?: number;
  /** An ENV of the image holding that uid (`APP_UID` in .NET 8+): fixes write `USER $APP_UID`, as the image's docs do. */
  nonRootUidVariable?: string;
  /** Other users the image ships beyond its family's, name → uid (`www-data` in php). */
  users?: Record<string, number>;
  /**
   * The image starts as root and its entrypoint steps down to nonRootUser before it execs a command matching one of
   * these patterns (`postgres`, `-*` for options it puts the server in front of); any other command runs as root.
   */
  stepDownFor?: string[];
  /**
   * The image's server starts as root and runs its workers, which handle the requests, as this user (nginx, Apache
   * httpd, php-fpm): only the master process keeps root.
   */
  workerUser?: string;
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

/** Facts that differ at some tags: `null` as nonRootUser says those tags ship no such user (.NET before 8). */
type TagOverride = { tag: string | string[] } & Partial<Pick<ImageEntry, 'user' | 'nonRootUid' | 'users' | 'workerUser'>> & { nonRootUser?: string | null };

/** A user an image ships, as far as the table knows it. */
export interface ShippedUser {
  name?: string;
  uid?: number;
  gid?: number;
  uidVariable?: string;
}

/** What the table says about one image reference, with tag-specific facts applied. */
export interface ImageFacts {
  entry: ImageEntry;
  family: ImageFamily;
  runsAsRoot: boolean;
  /** The tag already names a small variant (slim, alpine, distroless, chiseled, minimal). */
  isMinimalVariant: boolean;
  /** The non-root user the image ships at this tag. */
  nonRootUser?: ShippedUser;
  /** Every user the image is known to ship at this tag, name → uid: its family's, its own, its non-root user. */
  users: ReadonlyMap<string, number>;
  /** See ImageEntry.stepDownFor: set when the image starts as root and its entrypoint steps down to nonRootUser. */
  stepDownFor?: readonly string[];
  /** See ImageEntry.workerUser: set when the image's server starts as root and runs its workers as this user. */
  workerUser?: string;
}

const entries = table.images as unknown as (ImageEntry & { tagOverrides?: TagOverride[] })[];
const tagFamilies = table.tagFamilies as TagFamily[];
const familyUsers = table.familyUsers as Partial<Record<ImageFamily, Record<string, number>>>;
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
  // Every override whose pattern matches applies, later ones over earlier ones (`8.4-fpm-alpine`: fpm and alpine).
  const overrides = entry.tagOverrides?.filter((candidate) => [candidate.tag].flat().some((pattern) => globMatches(pattern, tag))) ?? [];
  const override: TagOverride | undefined =
    overrides.length > 0 ? Object.assign({}, ...overrides, { users: Object.assign({}, ...overrides.map((each) => each.users)) }) : undefined;
  const user = override?.user ?? byTag?.user ?? entry.user;
  const family = entry.family === 'distroless' || entry.family === 'wolfi' ? entry.family : (byTag?.family ?? entry.family);
  const nonRootUser = override?.nonRootUser === null ? undefined : shippedNonRootUser(entry, override);
  const users = new Map(Object.entries({ ...familyUsers[family], ...entry.users, ...override?.users }));
  if (nonRootUser?.name && nonRootUser.uid !== undefined) users.set(nonRootUser.name, nonRootUser.uid);
  return {
    entry,
    family,
    runsAsRoot: user === 'root',
    isMinimalVariant: MINIMAL_TAG.test(tag) || !(entry.language || entry.distro),
    users,
    ...(nonRootUser ? { nonRootUser } : {}),
    ...(user === 'root' && nonRootUser && entry.stepDownFor ? { stepDownFor: entry.stepDownFor } : {}),
    ...(user === 'root' && (override?.workerUser ?? entry.workerUser) ? { workerUser: override?.workerUser ?? entry.workerUser } : {}),
  };
}

function shippedNonRootUser(entry: ImageEntry, override: TagOverride | undefined): ShippedUser | undefined {
  const user: ShippedUser = {
    ...(entry.nonRootUser ? { name: override?.nonRootUser ?? entry.nonRootUser } : {}),
    ...(entry.nonRootUid !== undefined ? { uid: override?.nonRootUid ?? entry.nonRootUid } : {}),
    ...(entry.nonRootGid !== undefined ? { gid: entry.nonRootGid } : {}),
    ...(entry.nonRootUidVariable ? { uidVariable: entry.nonRootUidVariable } : {}),
  };
  return user.name !== undefined || user.uid !== undefined ? user : undefined;
}

/** Whether a pattern of the table (`*` matching any rest) matches the whole value. */
export function matchesPattern(pattern: string, value: string): boolean {
  return globMatches(pattern, value);
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
