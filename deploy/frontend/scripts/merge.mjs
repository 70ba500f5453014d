// One OpenAPI document for the one host (deploy/k8s: every service under one host by path): the four services' specs
// merged. Paths never collide (each service owns its prefixes); a component two services define differently is kept
// under each service's name, so no client type silently takes the other service's shape.
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import yaml from 'js-yaml';

const [out, ...inputs] = process.argv.slice(2);
const merged = {
  openapi: '3.1.0',
  info: {
    title: 'Success Workshop API',
    version: '1.0.0',
    description: 'Every service of the Success Workshop platform under one host: engagements, success workshops and check-ins; SSAT matrix and success metrics; FTOP tasks; resource links.',
    license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
  },
  servers: [{ url: '/', description: 'The host that routes every service by path (deploy/k8s/base/route.yaml)' }],
  tags: [],
  paths: {},
  components: { schemas: {}, responses: {}, headers: {}, securitySchemes: {} },
  security: [],
};
const clashes = [];
for (const file of inputs) {
  const spec = file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : yaml.load(readFileSync(file, 'utf8'));
  const service = spec.info.title;
  const renames = {};
  for (const [kind, entries] of Object.entries(spec.components ?? {})) {
    merged.components[kind] ??= {};
    for (const [name, value] of Object.entries(entries)) {
      const existing = merged.components[kind][name];
      if (existing === undefined || isDeepStrictEqual(existing, value)) {
        merged.components[kind][name] = value;
      } else {
        const renamed = `${service.replace(/-service$/, '').replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}${name}`;
        renames[`#/components/${kind}/${name}`] = `#/components/${kind}/${renamed}`;
        merged.components[kind][renamed] = value;
        clashes.push(`${kind}/${name} → ${renamed} (${service})`);
      }
    }
  }
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && renames[v] ? renames[v] : rewrite(v)]));
    }
    return node;
  };
  for (const [kind, entries] of Object.entries(spec.components ?? {})) {
    for (const name of Object.keys(entries)) {
      const target = renames[`#/components/${kind}/${name}`]?.split('/').pop() ?? name;
      merged.components[kind][target] = rewrite(merged.components[kind][target]);
    }
  }
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (merged.paths[path]) throw new Error(`${path} is served by two services`);
    merged.paths[path] = rewrite(item);
  }
  for (const tag of spec.tags ?? []) {
    if (!merged.tags.some((t) => t.name === tag.name)) merged.tags.push(tag);
  }
  for (const requirement of spec.security ?? []) {
    if (!merged.security.some((s) => isDeepStrictEqual(s, requirement))) merged.security.push(requirement);
  }
}
if (merged.security.length === 0) delete merged.security;
writeFileSync(out, yaml.dump(merged, { noRefs: true, lineWidth: 140 }));
console.log(`merged ${inputs.length} specs into ${out}: ${Object.keys(merged.paths).length} paths` +
  (clashes.length ? `; kept apart: ${clashes.join(', ')}` : ''));
