// The TypeScript SDK's side of the tool-call-roundtrip benchmark: one Client over StdioClientTransport to the
// given server, `warmup` echo calls, then `count` timed calls. Prints one JSON line: {"p50":ms,"p90":ms,"count":n,"version":sdk}.
// Usage: node tool-call-roundtrip.mjs <node_modules dir> <count> <warmup> <server command> [server args...]
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";

const [nodeModules, countText, warmupText, command, ...args] = process.argv.slice(2);
const sdk = (path) => import(pathToFileURL(join(nodeModules, "@modelcontextprotocol/sdk/dist/esm", path)).href);
const { Client } = await sdk("client/index.js");
const { StdioClientTransport } = await sdk("client/stdio.js");

const client = new Client({ name: "ts-benchmark", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command, args, stderr: "ignore" }));

const call = () => client.callTool({ name: "echo", arguments: { message: "ping" } });
for (let i = 0; i < Number(warmupText); i++) {
  await call();
}

const samples = [];
for (let i = 0; i < Number(countText); i++) {
  const start = performance.now();
  await call();
  samples.push(performance.now() - start);
}

await client.close();
samples.sort((a, b) => a - b);
// Same nearest-rank percentile as the C# side (Samples.Percentile).
const percentile = (p) => samples[Math.min(samples.length - 1, Math.max(0, Math.ceil((p / 100) * samples.length) - 1))];
const version = JSON.parse(readFileSync(join(nodeModules, "@modelcontextprotocol/sdk/package.json"), "utf8")).version;
console.log(JSON.stringify({ p50: percentile(50), p90: percentile(90), count: samples.length, version }));
