'use strict';
// Renders VTL mapping templates with the simulator's own engine (the one the local stack runs), outside any
// request: the local half of the conformance check against AppSync's EvaluateMappingTemplate
// (local-stack/src/test/java/.../VtlConformanceTest.java).
//   node evaluate.js < cases.json
// Input: [{"name", "template": "<VTL text>", "context": {"arguments", "source", "result", "error", "stash",
//   "prev": {"result"}}}, ...] (EvaluateMappingTemplate's context; the engine reads "prev" as prevResult)
// Output, one element per case: {"name", "evaluationResult": "<rendered text>" | null,
//                                "error": {"message", "type"} | null}
// as EvaluateMappingTemplate answers (its evaluationResult is the rendered text; an $util.error is its error).
const { VelocityTemplate } = require('@aws-amplify/amplify-appsync-simulator/lib/velocity');

const REQUEST = { headers: {}, requestAuthorizationMode: 'AWS_IAM', jwt: null, sourceIp: '127.0.0.1',
  iamToken: {} };

function info(name) {
  return { fieldName: name, fieldNodes: [], parentType: 'Mutation', variableValues: {}, path: { key: name },
    operation: { selectionSet: { selections: [] } }, fragments: {} };
}

function evaluate(testCase) {
  const template = new VelocityTemplate({ path: testCase.name, content: testCase.template }, {
    appSyncConfig: { defaultAuthenticationType: { authenticationType: 'API_KEY' } } });
  const context = { ...testCase.context };
  if (context.prev) context.prevResult = context.prev.result;
  const rendered = template.render(context, REQUEST, info(testCase.name));
  const error = rendered.errors && rendered.errors.length ? rendered.errors[rendered.errors.length - 1] : null;
  return {
    name: testCase.name,
    evaluationResult: rendered.hadException ? null : JSON.stringify(rendered.result),
    // The template engine appends where $util.error was called (" on $util.error(...) at L/N 1:0"); AppSync does not.
    error: error ? { message: String(error.message).replace(/ on \$util\.error\(.*$/s, ''),
      type: error.extensions ? error.extensions.errorType : error.type } : null,
  };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  try {
    process.stdout.write(JSON.stringify(JSON.parse(input).map(evaluate)));
  } catch (e) {
    process.stderr.write(`evaluate.js: ${e.stack || e}\n`);
    process.exit(1);
  }
});
