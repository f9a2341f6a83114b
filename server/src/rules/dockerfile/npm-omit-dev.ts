import { defineDockerfileRule } from '../../engine/ruleTypes';
import {
  callsOf,
  hasSubcommand,
  NPM_CLEAN_INSTALL,
  NPM_INSTALL,
  NPM_SYNTAX,
  removeWords,
  replaceWords,
  spanOf,
  type ParsedOption,
} from '../support/packageManagers';
import { FIX_WHEN } from '../support/fixConditions';

const INSTALLS = [...NPM_INSTALL, ...NPM_CLEAN_INSTALL];

export const rule = defineDockerfileRule({
  id: 'dockerfile/npm-omit-dev',
  meta: {
    severity: 'warning',
    description: '`npm ci` or `npm install` uses the deprecated `--production` or `--only=production` flag instead of `--omit=dev`.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: [],
    messages: {
      removedFlag:
        '`{{flag}}` is deprecated (npm warns about it, and a release that drops it would install the dev dependencies too); use `--omit=dev`, which skips them the supported way.',
    },
    explanation: {
      why: 'npm deprecated `--production` and `--only=production` in favour of `--omit=dev` and warns about them; a release that drops them would silently install the dev dependencies into the image.',
      standard: 'Container standard "minimal images"; npm docs (omit).',
      bad: 'RUN npm ci --only=production',
      good: 'RUN npm ci --omit=dev',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['npm'], NPM_SYNTAX)) {
      if (!hasSubcommand(call, ...INSTALLS)) continue;
      const omitsDev = call.options.some((option) => option.name === '--omit' && option.value === 'dev');
      for (const option of call.options.filter(isProductionOnly)) {
        const written = option.words.map((word) => word.value).join(' ');
        report({
          messageId: 'removedFlag',
          data: { flag: written },
          range: spanOf(option.words[0]!, option.words.at(-1)!),
          fixes: omitsDev
            ? removeWords(file, call, option.words, `Remove ${written}`)
            : replaceWords(file, call, option.words, '--omit=dev', `Replace ${written} with --omit=dev`),
        });
      }
    }
  },
});

function isProductionOnly(option: ParsedOption): boolean {
  if (option.name === '--production') return option.value === undefined || option.value === 'true';
  return option.name === '--only' && (option.value === 'production' || option.value === 'prod');
}
