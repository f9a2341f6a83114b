import { rule } from '../../../server/src/rules/dockerfile/expansion-in-single-quotes';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'double quotes', code: 'FROM debian:12\nARG VERSION=1.4.2\nRUN curl -fsSLo /tmp/app.tgz "https://example.com/releases/$VERSION/app.tgz"\n' },
    { name: 'text written into a profile', code: "FROM debian:12\nRUN echo 'export PATH=$HOME/bin:$PATH' >> /root/.profile\n" },
    { name: 'a block written into a file', code: "FROM debian:12\nRUN { echo '[default]'; echo 'key=$AWS_ACCESS_KEY'; } > /root/.s3cfg\n" },
    { name: 'piped into tee', code: 'FROM debian:12\nRUN echo \'alias ll="ls -l $@"\' | tee -a /etc/bash.bashrc\n' },
    { name: 'a script for sh -c', code: "FROM debian:12\nRUN sh -c 'echo $HOME'\n" },
    {
      name: 'awk, jq, perl and python programs',
      code: "FROM debian:12\nRUN awk '{ print $1 }' /etc/passwd && jq -r '.version' package.json && perl -pe 's/$x//' f && python3 -c 'import os; print(\"$x\")'\n",
    },
    { name: 'sed addressing the last line', code: "FROM debian:12\nRUN sed -i '$d' /etc/hosts && sed -i '$a\\\\nameserver 1.1.1.1' /etc/resolv.conf\n" },
    { name: 'find -exec sh -c', code: "FROM debian:12\nRUN find /opt -name '*.sh' -exec sh -c 'chmod +x $0' {} \\;\n" },
    { name: 'envsubst takes the names', code: "FROM nginx:1.29\nRUN envsubst '$PORT' < /tmpl > /etc/nginx/conf.d/default.conf\n" },
    { name: 'a dollar that expands nothing', code: "FROM debian:12\nRUN echo 'costs $5' && grep -q 'end$' /etc/issue\n" },
  ],
  invalid: [
    {
      code: "FROM debian:12\nARG VERSION=1.4.2\nRUN curl -fsSLo /tmp/app.tgz 'https://example.com/releases/$VERSION/app.tgz'\n",
      errors: [{ messageId: 'literal', line: 3, column: 30, data: { program: 'curl' } }],
      output: null,
    },
    {
      name: 'sed replacing with a variable',
      code: "FROM debian:12\nARG PORT=8080\nRUN sed -i 's/^Listen 80$/Listen $PORT/' /etc/apache2/ports.conf\n",
      errors: [{ messageId: 'literal', line: 3, column: 12, data: { program: 'sed' } }],
      output: null,
    },
    {
      name: 'echo to the build log',
      code: "FROM debian:12\nRUN echo 'building for $TARGETARCH'\n",
      errors: [{ messageId: 'literal', line: 2, column: 10, data: { program: 'echo' } }],
      output: null,
    },
  ],
});
