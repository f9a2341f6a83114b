import { defineDockerfileRule } from '../../engine/ruleTypes';
import { type EndOfLife, endsOfLife, isoToday, successorTags } from '../../knowledge/eol';
import { tagFixes } from '../support/imageTags';
import { layersShip } from '../support/shippedLayers';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineDockerfileRule({
  id: 'dockerfile/eol-base-image',
  meta: {
    severity: 'warning',
    description:
      'A stage that ships is built on a release past its end of life (Node.js 18, Python 3.8, Debian buster, Ubuntu 20.04, Alpine 3.18, an old Go), which gets no more security fixes.',
    fix: { when: FIX_WHEN.knownTagInPlace, applied: 'editor-only' },
    aliases: [],
    messages: {
      endOfLife: 'FROM {{image}} {{reasons}}, so the image gets no more security fixes; {{advice}}.',
    },
    explanation: {
      why: "Past its end of life a release gets no security fixes: image scanners report its CVEs and nothing will fix them. The dates come from a table bundled with the extension (knowledge/eol.json, each product with its source: the Node.js release schedule, Python's devguide, Alpine's release page, the end of Debian LTS, the end of Ubuntu's standard support; Go supports only its two newest releases), compared with today's date; no network is used. The image's own version is checked (`node:18`, `python:3.8-slim`, `debian:buster`, `golang:1.22`) and so is the OS a tag names (`-bullseye`, `-focal`, `-alpine3.18`). Only stages whose layers ship are checked (the final stage and the stages it builds on). The fix rewrites the tag to a supported release of the same variant, taken from the image table's current tags (`node:18-alpine` → `node:24-alpine`); a tag pinned by digest or written with a variable gets none. A major upgrade can break the build, so the fix is never applied without review.",
      standard: 'Container standard "image scanning" (patched, supported base images).',
      bad: 'FROM node:18-alpine',
      good: 'FROM node:24-alpine',
    },
  },
  check({ file, report }) {
    const today = isoToday();
    for (const stage of file.dockerfile.stages) {
      const image = stage.image;
      if (!image || !layersShip(file, { stage })) continue;
      const ends = endsOfLife(image, today);
      if (ends.length === 0) continue;
      const successors = successorTags(image, ends, today);
      const repository = image.tagStart === undefined ? image.text : image.text.slice(0, image.tagStart - 1);
      const advice = successors.length ? `move to ${successors.map((tag) => `${repository}:${tag}`).join(' or ')}` : 'move to a supported release';
      // When the tag came from an ARG default, the FROM line has no tag text of its own to point at (nor to fix).
      const range = (stage.from.getImageTag() === image.tag && stage.from.getImageTagRange()) || stage.from.getImageRange();
      const fixes = tagFixes(stage.from, image, successors, (reference) => `Rewrite to ${reference}`);
      if (range) report({ messageId: 'endOfLife', data: { image: image.text, reasons: ends.map(reason).join(' and '), advice }, range, fixes });
    }
  },
});

/** `runs Node.js 18, out of support since 2025-04-30`, `is built on Debian 11 (bullseye), out of support since 2026-08-31`. */
function reason(end: EndOfLife): string {
  const release = `${end.product} ${end.release}${end.codename ? ` (${end.codename})` : ''}`;
  const since = end.eol
    ? `out of support since ${end.eol}`
    : `out of support (${end.product} supports only its two newest releases, ${end.supported!.join(' and ')})`;
  return `${end.part === 'version' ? 'is' : 'is built on'} ${release}, ${since}`;
}
