// Validates Kubernetes objects with kubernetes-models: every field's type and every required
// field, as the API server's OpenAPI schema has them. Input: a JSON file holding an array of
// objects. Output (stdout): a JSON array of {index, error}; an object no model covers is an error.
'use strict';
const fs = require('fs');

function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const path = group === ''
    ? `kubernetes-models/${version}/${kind}`
    : group === 'keda.sh'
      ? `@kubernetes-models/keda/${group}/${version}/${kind}`
      : `kubernetes-models/${group}/${version}/${kind}`;
  try {
    return require(path)[kind];
  } catch (e) {
    return undefined;
  }
}

const objects = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = objects.map((object, index) => {
  const Model = modelFor(String(object.apiVersion), String(object.kind));
  if (!Model) {
    return { index, error: `no kubernetes-models model for ${object.apiVersion} ${object.kind}` };
  }
  try {
    new Model(object).validate();
    return null;
  } catch (e) {
    return { index, error: e.message };
  }
}).filter(r => r !== null);
process.stdout.write(JSON.stringify(results));
