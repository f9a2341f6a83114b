// "Choose a Platform…" walks the standards' Platform Selection Matrix: each answer path ends in one platform.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextQuestion, type PlatformAnswers, recommendPlatform } from '../../client/src/scaffold/platformRecommendation';

const cases: [PlatformAnswers, string][] = [
  [{ stage: 'local' }, 'compose'],
  [{ stage: 'deploy', operations: 'enterprise' }, 'kubernetes'],
  [{ stage: 'deploy', operations: 'minimal', cloud: 'none' }, 'render'],
  [{ stage: 'deploy', operations: 'minimal', cloud: 'gcp' }, 'cloud-run'],
  [{ stage: 'deploy', operations: 'minimal', cloud: 'aws' }, 'ecs'],
  [{ stage: 'deploy', operations: 'serverless', cloud: 'none' }, 'cloud-run'],
  [{ stage: 'deploy', operations: 'serverless', cloud: 'gcp' }, 'cloud-run'],
  [{ stage: 'deploy', operations: 'serverless', cloud: 'aws' }, 'ecs'],
];

for (const [answers, platform] of cases) {
  test(`${JSON.stringify(answers)} → ${platform}, with a one-line reason from the matrix`, () => {
    assert.equal(nextQuestion(answers), undefined);
    const recommendation = recommendPlatform(answers);
    assert.equal(recommendation.platform, platform);
    assert.match(recommendation.reason, /complexity/i);
    assert.doesNotMatch(recommendation.reason, /\n/);
  });
}

test('questions come in order and stop as soon as the answer is known', () => {
  assert.equal(nextQuestion({}), 'stage');
  assert.equal(nextQuestion({ stage: 'local' }), undefined);
  assert.equal(nextQuestion({ stage: 'deploy' }), 'operations');
  assert.equal(nextQuestion({ stage: 'deploy', operations: 'enterprise' }), undefined);
  assert.equal(nextQuestion({ stage: 'deploy', operations: 'minimal' }), 'cloud');
});
