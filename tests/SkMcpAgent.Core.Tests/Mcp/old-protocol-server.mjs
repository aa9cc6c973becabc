// A minimal stdio MCP server that only speaks protocol 2025-06-18, written without any SDK, so the agent's
// version negotiation is tested against a server that cannot be talked into a newer revision.
import { createInterface } from "node:readline";

const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
const lines = createInterface({ input: process.stdin });

lines.on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) {
    return; // notifications (initialized) need no answer
  }

  switch (request.method) {
    case "initialize":
      process.stderr.write(`asked for ${request.params.protocolVersion}\n`);
      send({ id: request.id, result: { protocolVersion: "2025-06-18", capabilities: { tools: {} }, serverInfo: { name: "old", version: "1.0.0" } } });
      break;
    case "tools/list":
      send({ id: request.id, result: { tools: [{ name: "shout", description: "Upper-cases text.", inputSchema: { type: "object", properties: { text: { type: "string" } } } }] } });
      break;
    case "tools/call":
      send({ id: request.id, result: { content: [{ type: "text", text: String(request.params.arguments.text).toUpperCase() }] } });
      break;
    default:
      send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
});
