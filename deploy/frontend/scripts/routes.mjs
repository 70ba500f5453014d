// Every operation of every service's spec, sent to the one host, must reach exactly that service: each path template
// (with sample ids) is matched against the HTTPRoute's and the Ingress's rules; a path no rule takes, or two rules
// take, fails. PathPrefix matches whole segments; RegularExpression matches the whole path.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

const [httproute, ingress, ...specs] = process.argv.slice(2);
const prefix = (p) => (path) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`);
const regex = (r) => { const re = new RegExp(r); return (path) => re.test(path); };

const route = yaml.load(readFileSync(httproute, 'utf8'));
const gatewayRules = route.spec.rules.flatMap((rule) => rule.matches.map((m) => ({
  backend: rule.backendRefs[0].name,
  test: m.path.type === 'PathPrefix' ? prefix(m.path.value) : regex(m.path.value),
  text: `${m.path.type} ${m.path.value}`,
})));
const ing = yaml.load(readFileSync(ingress, 'utf8'));
const ingressRules = ing.spec.rules[0].http.paths.map((p) => ({ backend: p.backend.service.name, test: regex(p.path), text: p.path }));

let failures = 0;
let checked = 0;
for (const file of specs) {
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  const service = spec.info.title;
  for (const template of Object.keys(spec.paths)) {
    const path = template.replace(/\{[^}]+\}/g, (m) => (m === '{service}' ? 'OD' : m === '{factor}' ? 'TRAINING' : '3f2c1a9e-7b4d-4c1e-9a55-2d6f0e8b1c01'));
    for (const [name, rules] of [['HTTPRoute', gatewayRules], ['Ingress', ingressRules]]) {
      checked++;
      const hits = rules.filter((r) => r.test(path));
      if (hits.length !== 1 || hits[0].backend !== service) {
        failures++;
        console.error(`[routes] ${name}: ${path} (${service}) → ${hits.map((h) => `${h.backend} by ${h.text}`).join(', ') || 'no rule'}`);
      }
    }
  }
}
console.log(`[routes] ${checked - failures} of ${checked} path × route checks reach the service that serves them`);
process.exit(failures === 0 ? 0 : 1);
