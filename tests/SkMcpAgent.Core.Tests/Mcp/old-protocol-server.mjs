// A minimal stdio MCP server that only speaks protocol 2025-06-18, written without any SDK, so the agent's
// version negotiation is tested against a server that cannot be talked into a newer revision. Calling "grow"
// adds a tool and announces it with notifications/tools/list_changed; "log" sends a notifications/message.
import { createInterface } from "node:readline";

const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
const tools = [
  { name: "shout", description: "Upper-cases text.", inputSchema: { type: "object", properties: { text: { type: "string" } } } },
  { name: "grow", description: "Adds the tool 'extra'.", inputSchema: { type: "object", properties: {} } },
  { name: "log", description: "Sends a warning log notification.", inputSchema: { type: "object", properties: {} } },
];
const lines = createInterface({ input: process.stdin });

lines.on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) {
    return; // notifications (initialized) need no answer
  }

  switch (request.method) {
    case "initialize":
      process.stderr.write(`asked for ${request.params.protocolVersion}\n`);
      send({ id: request.id, result: { protocolVersion: "2025-06-18", capabilities: { tools: { listChanged: true } }, serverInfo: { name: "old", version: "1.0.0" } } });
      break;
    case "tools/list":
      send({ id: request.id, result: { tools } });
      break;
    case "tools/call":
      if (request.params.name === "log") {
        send({ method: "notifications/message", params: { level: "warning", logger: "old-logger", data: "disk almost full" } });
        send({ id: request.id, result: { content: [{ type: "text", text: "logged" }] } });
        break;
      }
      if (request.params.name === "grow") {
        tools.push({ name: "extra", description: "Added later.", inputSchema: { type: "object", properties: {} } });
        send({ method: "notifications/tools/list_changed" });
        send({ id: request.id, result: { content: [{ type: "text", text: "grown" }] } });
        break;
      }
      send({ id: request.id, result: { content: [{ type: "text", text: String(request.params.arguments.text).toUpperCase() }] } });
      break;
    default:
      send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
});
