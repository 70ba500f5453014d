// Counts the operations a generated client would type as `unknown` (a 2xx with content but no schema, or no 4xx body)
// and those a reader cannot see an example of (a JSON body, read or answered, without one).
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

let total = 0;
let untyped = 0;
for (const file of process.argv.slice(2)) {
  const spec = yaml.load(readFileSync(file, 'utf8'));
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      total++;
      const problems = [];
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const r = response.$ref ? spec.components.responses[response.$ref.split('/').pop()] : response;
        const media = Object.entries(r.content ?? {});
        if (status.startsWith('2') && status !== '204' && media.length === 0) problems.push(`${status} has no body`);
        for (const [type, m] of media) {
          if (!m.schema || (Object.keys(m.schema).length === 0)) problems.push(`${status} ${type} has no schema`);
        }
        if (/^[45]/.test(status) && media.length === 0) problems.push(`${status} has no problem body`);
        for (const [type, m] of media) {
          if (/json/.test(type) && m.example === undefined && !m.examples) problems.push(`${status} ${type} has no example`);
        }
      }
      for (const [type, m] of Object.entries(op.requestBody?.content ?? {})) {
        if (/json/.test(type) && m.example === undefined && !m.examples) problems.push(`request ${type} has no example`);
      }
      if (problems.length) {
        untyped++;
        console.log(`${file.split('/').slice(-4)[0]} ${method.toUpperCase()} ${path} (${op.operationId}): ${problems.join('; ')}`);
      }
    }
  }
}
console.log(`${untyped} of ${total} operations untyped or without an example`);
process.exit(untyped === 0 ? 0 : 1);
