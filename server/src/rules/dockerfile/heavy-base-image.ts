import { defineDockerfileRule } from '../../engine/ruleTypes';
import { imageFacts, smallerVariants, type ImageEntry } from '../../knowledge/images';
import { rootStage } from '../support/dockerfile';
import { tagFixes } from '../support/imageTags';

/** A Debian or Ubuntu release named after the version (`22-bookworm`): the variants of the version fit it. */
const RELEASE_SUFFIX = /-(trixie|bookworm|bullseye|buster|stretch|jessie|wheezy|noble|jammy|focal)$/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/heavy-base-image',
  meta: {
    severity: 'info',
    description: 'The final stage runs on a full distribution or language image although a smaller variant exists.',
    fix: { when: 'when the FROM line writes the image, not a variable', applied: 'editor-only' },
    aliases: [],
    messages: {
      heavy:
        'The final stage is based on the full image {{image}}, which carries far more packages than the application needs at run time (more to download, patch and attack); use a smaller variant such as {{variants}}, building in an earlier stage if needed.',
    },
    explanation: {
      why: 'Full images carry compilers, headers and package caches the application never uses at run time: more to download, more to patch, more for an attacker to use.',
      standard: 'Container standard "minimal images".',
      bad: 'FROM node:22\nCOPY dist/ /app/\nCMD ["node", "/app/server.js"]',
      good: 'FROM node:22-slim\nCOPY dist/ /app/\nCMD ["node", "/app/server.js"]',
    },
  },
  check({ file, report }) {
    const final = file.dockerfile.finalStage;
    // The image is named by the stage the final one builds on, when it is `FROM <stage>`.
    const imageStage = final && rootStage(final);
    const image = imageStage?.image;
    const facts = image && imageFacts(image);
    if (!imageStage || !image || !facts || facts.isMinimalVariant || image.digest) return;
    const variants = variantsOf(facts.entry, image.tag);
    const range = imageStage.from.getImageRange();
    if (variants.length === 0 || !range) return;
    report({
      messageId: 'heavy',
      data: { image: image.text, variants: variants.join(', ') },
      range,
      fixes: tagFixes(imageStage.from, image, variants, (reference) => `Use ${reference}`),
    });
  },
});

/**
 * The table's variant templates fit a plain version (`22`), a word tag (`lts`, `bookworm`) or a tag it lists;
 * other flavours (`8.4-apache`) have no known smaller variant, so nothing is offered for them.
 */
function variantsOf(entry: ImageEntry, tag: string | undefined): string[] {
  const base = tag?.replace(RELEASE_SUFFIX, '');
  const fits = base === undefined || base === 'latest' || /^\d+(\.\d+)*$/.test(base) || /^[a-z]+$/.test(base) || entry.tags.includes(base);
  return fits ? smallerVariants(entry, base) : [];
}
