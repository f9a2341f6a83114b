import { rule } from '../../../server/src/rules/dockerfile/gem-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM ruby:3.3\nRUN gem install bundler:2.5.16\n',
    {
      name: '-v and --version',
      code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.16 && gem install rails --version=7.1.3 && gem i rake --version "~> 13.0"\n',
    },
    { name: 'a Gemfile', code: 'FROM ruby:3.3\nRUN gem install -g Gemfile && gem install --file\n' },
    { name: 'local .gem files', code: 'FROM ruby:3.3\nRUN gem install ./pkg/tool-1.0.0.gem\n' },
    { name: 'option values are not gems', code: 'FROM ruby:3.3\nRUN gem install --install-dir /gems --source https://rubygems.example.com rack:3.1.7\n' },
    { name: 'other gem subcommands', code: 'FROM ruby:3.3\nRUN gem update --system && gem list\n' },
    { name: 'variables', code: 'FROM ruby:3.3\nRUN gem install "bundler:$BUNDLER_VERSION" $GEMS\n' },
  ],
  invalid: [
    {
      code: 'FROM ruby:3.3\nRUN gem install bundler\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 17, endLine: 2, endColumn: 24, data: { gem: 'bundler' } }],
    },
    {
      name: 'gem i with options, each unpinned gem, but not the build options after --',
      code: 'FROM ruby:3.3\nRUN gem i --no-document rails:7.1.3 puma nokogiri -- --use-system-libraries\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 37, data: { gem: 'puma' } },
        { messageId: 'unpinned', line: 2, column: 42, data: { gem: 'nokogiri' } },
      ],
    },
    {
      name: 'sh -c and ONBUILD RUN',
      code: "FROM ruby:3.3\nRUN sh -c 'gem install a'\nONBUILD RUN gem install b\n",
      errors: [
        { messageId: 'unpinned', line: 2, column: 24 },
        { messageId: 'unpinned', line: 3, column: 25 },
      ],
    },
  ],
});
