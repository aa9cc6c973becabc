// A minimal stdio MCP server, without any SDK, whose tools have names Semantic Kernel does not accept as they are:
// hyphens, dots, spaces, unicode, a clash after sanitising, and one far over 64 characters. Tool names given as
// arguments replace the list. Every call answers "called:<the tool name it received>", so a test can tell which
// original name reached the server.
import { createInterface } from "node:readline";

const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
const names = process.argv.length > 2
  ? process.argv.slice(2)
  : ["get-sum", "list.files", "list_files", "read file", "météo", "天气", "echo", "summarise-" + "very-long-".repeat(20) + "text"];
const tools = names.map((name) => ({ name, description: `Tool '${name}'.`, inputSchema: { type: "object", properties: {} } }));
const lines = createInterface({ input: process.stdin });

lines.on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) {
    return; // notifications (initialized) need no answer
  }

  switch (request.method) {
    case "initialize":
      send({ id: request.id, result: { protocolVersion: request.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "odd-names", version: "1.0.0" } } });
      break;
    case "tools/list":
      send({ id: request.id, result: { tools } });
      break;
    case "tools/call":
      send({ id: request.id, result: { content: [{ type: "text", text: `called:${request.params.name}` }] } });
      break;
    default:
      send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
});
