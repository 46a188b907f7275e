'use strict';
// Runs graphql-schema/ (schema.graphql, api.json and the VTL templates, read as they are, never copied) in the
// Amplify AppSync simulator, with DynamoDB data sources pointed at DynamoDB Local. Started by the local-stack
// launcher (com.cdcappsync.localstack.SimulatorProcess), which waits for the one JSON line
//   {"event":"ready","graphqlUrl":"http://127.0.0.1:PORT/graphql","realtimeUrl":"ws://127.0.0.1:PORT/graphql/realtime"}
// on standard output. On a startup problem it prints {"event":"error","message":"..."} and exits 1.
//
//   node simulator.js --schema-dir ../../graphql-schema --dynamodb-endpoint http://127.0.0.1:8000 \
//        --port 20003 [--host 127.0.0.1] [--api-key da2-local] [--region us-east-1] [--gateway-token TOKEN]
//
// Auth as deployed: API key is the default mode, IAM the additional one. The simulator checks the API key
// but does not verify SigV4 signatures (any "AWS4-HMAC-SHA256 ..." Authorization header passes): the launcher
// puts its AppSyncGateway in front of this /graphql, which verifies them and enforces the IAM grant. With
// --gateway-token, HTTP requests to /graphql must carry it (x-local-stack-gateway, which only the gateway sends),
// so that nothing reaches the resolvers around those checks; the WebSocket real-time endpoint is not affected.
// Each api.json table is a data source whose DynamoDB table has the data source's name; the launcher
// creates the tables under the same names.
//
// Deploying a new API definition, as an AppSync schema update and resolver update do, without a restart: the
// launcher writes the line {"command":"reload","schemaDir":"DIR"} to our standard input; the simulator's own
// reload(config) swaps the schema, resolvers, templates and data sources in place (the HTTP and real-time servers,
// and their open subscriptions, stay). Answer: {"event":"reloaded","schemaDir":"DIR"}, or
// {"event":"reload-failed","message":"..."} with the previous definition still served.
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { AmplifyAppSyncSimulator } = require('@aws-amplify/amplify-appsync-simulator');

const DEFAULTS = { host: '127.0.0.1', apiKey: 'da2-local-stack-key', region: 'us-east-1' };
// DynamoDB Local runs with -sharedDb, so any keys see the same tables. Without credentials in the data
// source config, the simulator's DynamoDB calls fail silently with data: null.
const DYNAMODB_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

function parseArgs(argv) {
  const names = { '--schema-dir': 'schemaDir', '--dynamodb-endpoint': 'dynamodbEndpoint', '--port': 'port',
    '--host': 'host', '--api-key': 'apiKey', '--region': 'region', '--gateway-token': 'gatewayToken' };
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (!name || i + 1 >= argv.length) {
      throw new Error(`unknown option or missing value: ${argv[i]}; expected ${Object.keys(names).join(', ')}`);
    }
    options[name] = argv[i + 1];
  }
  for (const required of ['schemaDir', 'dynamodbEndpoint', 'port']) {
    if (!options[required]) {
      throw new Error(`--${required.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is required`);
    }
  }
  options.port = Number(options.port);
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new Error(`--port must be a port number (1-65535), got ${options.port}`);
  }
  return options;
}

function readText(dir, relative, what) {
  const full = path.resolve(dir, relative);
  if (!fs.existsSync(full)) {
    throw new Error(`${what} ${full} does not exist; expected it under the schema folder ${dir}`);
  }
  return fs.readFileSync(full, 'utf8');
}

/** Builds the simulator's config from the files in graphql-schema/, as they are. */
function simulatorConfig(options) {
  const dir = path.resolve(options.schemaDir);
  const api = JSON.parse(readText(dir, 'api.json', 'the API manifest'));
  const tables = new Set((api.tables || []).map((t) => t.dataSource));
  for (const resolver of api.resolvers || []) {
    if (!resolver.pipeline && !tables.has(resolver.dataSource)) {
      throw new Error(`api.json: resolver ${resolver.typeName}.${resolver.fieldName} uses data source `
        + `"${resolver.dataSource}", which no entry of "tables" declares; add it to "tables"`);
    }
  }
  for (const fn of api.functions || []) {
    if (!tables.has(fn.dataSource)) {
      throw new Error(`api.json: function "${fn.name}" uses data source "${fn.dataSource}", which no entry of `
        + '"tables" declares; add it to "tables"');
    }
  }
  const templatePaths = [...new Set([...api.resolvers, ...(api.functions || [])]
    .flatMap((r) => [r.request, r.response]))];
  return {
    schema: { path: path.join(dir, 'schema.graphql'), content: readText(dir, 'schema.graphql', 'the schema') },
    mappingTemplates: templatePaths.map((p) => ({ path: p, content: readText(dir, p, 'the VTL template') })),
    dataSources: [...tables].map((name) => ({
      type: 'AMAZON_DYNAMODB',
      name,
      config: { endpoint: options.dynamodbEndpoint, region: options.region, tableName: name,
        credentials: DYNAMODB_CREDENTIALS },
    })),
    // Pipeline functions and resolvers (api.json "functions" and "pipeline"), as AppSync runs them: the resolver's
    // request ("before") template, each function's request/data source/response in order, then its response
    // ("after") template, with $ctx.stash and $ctx.prev.result passed along.
    functions: (api.functions || []).map((fn) => ({
      name: fn.name,
      dataSourceName: fn.dataSource,
      requestMappingTemplateLocation: fn.request,
      responseMappingTemplateLocation: fn.response,
    })),
    resolvers: api.resolvers.map((r) => (r.pipeline ? {
      kind: 'PIPELINE',
      typeName: r.typeName,
      fieldName: r.fieldName,
      functions: r.pipeline,
      requestMappingTemplateLocation: r.request,
      responseMappingTemplateLocation: r.response,
    } : {
      kind: 'UNIT',
      typeName: r.typeName,
      fieldName: r.fieldName,
      dataSourceName: r.dataSource,
      requestMappingTemplateLocation: r.request,
      responseMappingTemplateLocation: r.response,
    })),
    appSync: {
      name: 'cdc-appsync-local',
      apiKey: options.apiKey,
      defaultAuthenticationType: { authenticationType: 'API_KEY' },
      additionalAuthenticationProviders: [{ authenticationType: 'AWS_IAM' }],
    },
  };
}

/**
 * The simulator listens on every interface; a local stack should not. Its HTTP server is private
 * (`_server._httpServer`, @aws-amplify/amplify-appsync-simulator 2.16.20, pinned in package-lock.json), so
 * wrap its listen(port) to add the host. If a later version renames it, the stack still runs, on all interfaces.
 */
function bindToHost(simulator, host) {
  const httpServer = simulator._server && simulator._server._httpServer;
  if (!httpServer) {
    console.warn(`simulator: cannot bind to ${host} only (internal server not found); listening on all interfaces`);
    return () => undefined;
  }
  const listen = httpServer.listen.bind(httpServer);
  httpServer.listen = (port) => listen(port, host);
  return () => httpServer.address();
}

/**
 * Refuses HTTP requests to /graphql that do not come through the launcher's gateway (their x-local-stack-gateway
 * header is the token the launcher gave us). The express app is the server's only 'request' listener, attached
 * when the simulator is constructed (@aws-amplify/amplify-appsync-simulator 2.16.20, lib/server/index.js).
 */
function requireGateway(simulator, token) {
  const httpServer = simulator._server && simulator._server._httpServer;
  if (!token || !httpServer) {
    if (token) console.warn('simulator: cannot require the gateway (internal server not found)');
    return;
  }
  const listeners = httpServer.listeners('request');
  httpServer.removeAllListeners('request');
  httpServer.on('request', (request, response) => {
    const path = request.url.split('?')[0];
    if (path === '/graphql' && request.method !== 'OPTIONS' && request.headers['x-local-stack-gateway'] !== token) {
      response.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'UnauthorizedException' });
      response.end(JSON.stringify({ errors: [{ errorType: 'UnauthorizedException', message: 'local stack: send '
        + 'GraphQL requests to the AppSync endpoint the launcher prints (its gateway checks SigV4 and the IAM '
        + 'grant), not to the simulator behind it' }] }));
      return;
    }
    listeners.forEach((listener) => listener.call(httpServer, request, response));
  });
}

/**
 * AppSync accepts every API key the API has (a rotation has two for a while: RUNBOOK.md, "API key rotation";
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization), while the
 * simulator compares x-api-key with its one configured key. Its check is getAuthorizationMode
 * (lib/utils/auth-helpers/current-auth-mode.js, @aws-amplify/amplify-appsync-simulator 2.16.20, pinned in
 * package-lock.json), used for HTTP requests and WebSocket connections alike and looked up at each call: wrap it so
 * that a key of the launcher's set passes as the configured one and any other key is refused with the simulator's
 * own error, the configured key included once it has left the set.
 */
function acceptApiKeys(keys) {
  let authModule;
  let helpers;
  try {
    authModule = require('@aws-amplify/amplify-appsync-simulator/lib/utils/auth-helpers/current-auth-mode');
    helpers = require('@aws-amplify/amplify-appsync-simulator/lib/utils/auth-helpers/helpers');
  } catch (e) {
    console.warn(`simulator: cannot accept several API keys (${e.message}); only the configured one works`);
    return false;
  }
  const original = authModule.getAuthorizationMode;
  authModule.getAuthorizationMode = (headers, appSyncConfig) => {
    const given = helpers.extractHeader(headers, 'x-api-key');
    if (given === undefined || given === null || given === '') return original(headers, appSyncConfig);
    if (!keys.current.includes(given)) throw new Error('UnauthorizedException: Invalid API key');
    return original(headers, { ...appSyncConfig, apiKey: given });
  };
  return true;
}

/** Runs one launcher command (a JSON line); answers with one JSON event line. */
function runCommand(simulator, options, keys, line) {
  let command = {};
  try {
    command = JSON.parse(line);
    if (command.command === 'api-keys') {
      const given = command.keys;
      if (!Array.isArray(given) || given.length === 0 || given.some((k) => typeof k !== 'string' || !k.trim())) {
        throw new Error('expected {"command":"api-keys","keys":["KEY", ...]} with at least one non-blank key');
      }
      keys.current = [...given];
      console.log(JSON.stringify({ event: 'api-keys-set', count: given.length }));
      return;
    }
    if (command.command !== 'reload' || !command.schemaDir) {
      throw new Error(`unknown command ${line}; expected {"command":"reload","schemaDir":"DIR"} or `
        + '{"command":"api-keys","keys":[...]}');
    }
    simulator.reload(simulatorConfig({ ...options, schemaDir: command.schemaDir }));
    console.log(JSON.stringify({ event: 'reloaded', schemaDir: path.resolve(command.schemaDir) }));
  } catch (e) {
    const failed = command.command === 'api-keys' ? 'api-keys-failed' : 'reload-failed';
    console.log(JSON.stringify({ event: failed, message: e && e.message ? e.message : String(e) }));
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const keys = { current: [options.apiKey] };
  acceptApiKeys(keys);
  const simulator = new AmplifyAppSyncSimulator({ port: options.port });
  simulator.init(simulatorConfig(options));
  const address = bindToHost(simulator, options.host);
  requireGateway(simulator, options.gatewayToken);
  await simulator.start();
  const port = (address() && address().port) || options.port;
  const base = `${options.host}:${port}`;
  const stop = async () => {
    await simulator.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The launcher holds our standard input: commands come there, and when it goes away, however it died, so do we.
  const commands = readline.createInterface({ input: process.stdin });
  commands.on('line', (line) => runCommand(simulator, options, keys, line));
  commands.on('close', stop);
  console.log(JSON.stringify({ event: 'ready', graphqlUrl: `http://${base}/graphql`,
    realtimeUrl: `ws://${base}/graphql/realtime` }));
}

main().catch((e) => {
  console.log(JSON.stringify({ event: 'error', message: e && e.message ? e.message : String(e) }));
  process.exit(1);
});
