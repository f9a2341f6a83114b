import type { ImageReference } from '../parsing/imageReference';
import table from './eol.json';
import { canonicalRepository, imageEntry } from './images';

/** One product of eol.json (documented in eol.md). */
interface EolProduct {
  name: string;
  /** Repositories (canonical, as in images.json) whose tag starts with this product's version. */
  images: string[];
  /** How a tag's version names a release: `18` of `18.20.4` (major), `3.8` of `3.8.10` (minor). */
  version: 'major' | 'minor';
  /** Release names used in tags instead of numbers (`buster` → 10, `hydrogen` → 18). */
  codenames?: Record<string, string>;
  /** How other images name this OS in their tags: `alpine3.18`, or a codename word (`3.12-slim-bullseye`). */
  inTags?: 'alpine' | 'codename';
  /** Go's policy: only the two newest releases (the first two golang tags of images.json) are supported. */
  supported?: 'newest-two';
  source: string;
  releases?: { release: string; eol: string }[];
}

/** A release an image tag names that is past its end of life. */
export interface EndOfLife {
  product: string;
  release: string;
  /** The codename the tag uses (`buster`), when it uses one. */
  codename?: string;
  /** The day support ended (ISO date); undefined for Go, whose support ends with the release after next. */
  eol?: string;
  /** The releases supported instead, for Go. */
  supported?: string[];
  /** The start and end of the tag's text that names the release. */
  span: [number, number];
  /** Whether the release is the image's own version (`node:18`) or the OS it is built on (`-buster`, `-alpine3.18`). */
  part: 'version' | 'os';
}

const products = table.products as EolProduct[];
const NUMERIC_VERSION = /^(\d+)(?:\.(\d+))?(?:\.\d+)*(?:(?:a|b|rc|beta)\d+)?(?=$|-)/;
const ALPINE_IN_TAG = /^alpine(\d+\.\d+)$/;
/** A build date in a tag (`focal-20240123`, `bookworm-20250113-slim`), which only exists for the release it was cut from. */
const DATE_PART = /^\d{8}(\.\d+)?$/;

/**
 * The releases an image's tag names that are past their end of life on `today` (an ISO date): the image's own
 * version (`node:18`, `python:3.8-slim`, `debian:buster`) and the OS a tag says it is built on
 * (`python:3.12-slim-bullseye`, `node:22-alpine3.19`). Empty for images and tags the table does not cover.
 */
export function endsOfLife(reference: ImageReference, today: string): EndOfLife[] {
  const tag = reference.tag;
  if (!tag) return [];
  const repository = canonicalRepository(reference);
  const own = products.find((product) => product.images.includes(repository));
  const found: EndOfLife[] = [];
  const version = own && versionOf(own, tag);
  if (own && version) {
    const ended = ending(own, version.release, today);
    if (ended) found.push({ ...ended, codename: version.codename, span: [0, version.length], part: 'version' });
  }
  // The OS parts of the tag, after the version: `slim-bullseye`, `alpine3.19`.
  let offset = version?.length ?? 0;
  for (const word of tag.slice(offset).split('-')) {
    const os = own?.inTags ? undefined : osInTag(word);
    const ended = os && ending(os.product, os.release, today);
    if (ended) found.push({ ...ended, codename: os.codename, span: [offset, offset + word.length], part: 'os' });
    offset += word.length + 1;
  }
  return found;
}

/**
 * Tags of the same variant on supported releases, best first (at most two): the image's current tags from
 * images.json in place of an ended version, the current codenames in place of an ended OS codename, `alpine` in
 * place of a pinned Alpine release, and build dates dropped (they exist only for the release they were cut from).
 */
export function successorTags(reference: ImageReference, ends: readonly EndOfLife[], today: string): string[] {
  const tag = reference.tag ?? '';
  const versionEnd = ends.find((end) => end.part === 'version');
  const from = versionEnd?.span[1] ?? 0;
  const rests = rewrittenParts(tag, from, ends, versionEnd !== undefined, today);
  if (!versionEnd) return rests.slice(0, 2);
  const repository = canonicalRepository(reference);
  const own = products.find((product) => product.images.includes(repository))!;
  const versions = currentTags(own, repository, today).map((current) =>
    versionEnd.codename ? (codenameOf(own, current) ?? numberOf(own, current)) : numberOf(own, current),
  );
  return versions.flatMap((version) => (version ? [`${version}${rests[0]}`] : [])).slice(0, 2);
}

/** The tag from `from` on, its `-`-separated words rewritten onto supported releases; one string per choice of codename. */
function rewrittenParts(tag: string, from: number, ends: readonly EndOfLife[], versionChanges: boolean, today: string): string[] {
  let options: string[][] = [[]];
  let offset = from;
  for (const word of tag.slice(from).split('-')) {
    const start = offset;
    offset += word.length + 1;
    const ended = ends.find((end) => end.part === 'os' && end.span[0] === start);
    if (DATE_PART.test(word) && versionChanges) continue;
    if (ALPINE_IN_TAG.test(word) && (versionChanges || ended)) options = options.map((option) => [...option, 'alpine']);
    else if (ended?.codename) {
      const os = products.find((product) => product.name === ended.product)!;
      const codenames = currentTags(os, os.images[0]!, today).flatMap((current) => codenameOf(os, current) ?? []);
      options = options.flatMap((option) => codenames.map((codename) => [...option, codename]));
    } else options = options.map((option) => [...option, word]);
  }
  return options.map((option) => option.join('-'));
}

/** The tags images.json lists for an image whose releases are still supported, newest first. */
function currentTags(product: EolProduct, repository: string, today: string): string[] {
  const tags = imageEntry({ repository })?.tags ?? [];
  return tags.filter((current) => {
    const version = versionOf(product, current);
    return version !== undefined && !ending(product, version.release, today);
  });
}

function versionOf(product: EolProduct, tag: string): { release: string; codename?: string; length: number } | undefined {
  const word = tag.split('-')[0]!;
  const named = product.codenames?.[word];
  if (named) return { release: named, codename: word, length: word.length };
  const match = NUMERIC_VERSION.exec(tag);
  if (!match) return undefined;
  const release = product.version === 'minor' && match[2] !== undefined ? `${match[1]}.${match[2]}` : match[1]!;
  return { release, length: match[0].length };
}

function ending(product: EolProduct, release: string, today: string): Omit<EndOfLife, 'span' | 'part' | 'codename'> | undefined {
  if (product.supported === 'newest-two') {
    const supported = (imageEntry({ repository: product.images[0]! })?.tags ?? []).slice(0, 2);
    const oldest = supported.at(-1);
    // `golang:1` follows the newest release; only a minor version can be behind.
    if (!release.includes('.') || !oldest || compareVersions(release, oldest) >= 0) return undefined;
    return { product: product.name, release, supported };
  }
  const entry = product.releases?.find((candidate) => candidate.release === release);
  return entry && entry.eol <= today ? { product: product.name, release, eol: entry.eol } : undefined;
}

function osInTag(word: string): { product: EolProduct; release: string; codename?: string } | undefined {
  const alpine = ALPINE_IN_TAG.exec(word)?.[1];
  if (alpine) return { product: products.find((product) => product.inTags === 'alpine')!, release: alpine };
  for (const product of products) {
    const release = product.inTags === 'codename' ? product.codenames?.[word] : undefined;
    if (release) return { product, release, codename: word };
  }
  return undefined;
}

function codenameOf(product: EolProduct, tag: string): string | undefined {
  if (product.codenames?.[tag]) return tag;
  return Object.entries(product.codenames ?? {}).find(([, release]) => release === tag)?.[0];
}

function numberOf(product: EolProduct, tag: string): string | undefined {
  return product.codenames?.[tag] ?? tag;
}

function compareVersions(a: string, b: string): number {
  const [left, right] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Today as an ISO date, which end-of-life dates are compared with. */
export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Every product, for the knowledge test. */
export function allEolProducts(): readonly EolProduct[] {
  return products;
}

/** The day the table was last checked against its sources. */
export const EOL_TABLE_DATE: string = table.asOf;
