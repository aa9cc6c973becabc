// A stdio MCP server, without any SDK, that starts and lists its tool but never answers tools/call: the hostile
// server a call must not wait for forever. When a call arrives it connects to 127.0.0.1:$CALL_SIGNAL_PORT (when
// set), so a test knows the call is in flight without sleeping. It ignores notifications/cancelled too.
import { createInterface } from "node:readline";
import { connect } from "node:net";

const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
const lines = createInterface({ input: process.stdin });

lines.on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) {
    return;
  }

  switch (request.method) {
    case "initialize":
      send({ id: request.id, result: { protocolVersion: request.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "hung", version: "1.0.0" } } });
      break;
    case "tools/list":
      send({ id: request.id, result: { tools: [{ name: "wait", description: "Never answers.", inputSchema: { type: "object", properties: {} } }] } });
      break;
    case "tools/call":
      if (process.env.CALL_SIGNAL_PORT) {
        connect(Number(process.env.CALL_SIGNAL_PORT), "127.0.0.1").on("error", () => {});
      }
      break; // no answer, ever
    default:
      send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
});
