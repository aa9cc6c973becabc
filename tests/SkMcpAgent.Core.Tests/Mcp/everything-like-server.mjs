// A stdio MCP server, without any SDK, that behaves like server-everything where it matters for speed: while the
// client lists its tools the first time it announces tools/list_changed three times in a row, and it does not exit
// when its input closes (SIGTERM or a kill ends it). The tool "lists" answers how many tools/list requests came.
// With $EVENTS_FILE set it appends "pid <its pid>" there as it starts, "eof" when its input closes and "sigterm".
import { createInterface } from "node:readline";
import { appendFileSync } from "node:fs";

const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
const tools = [{ name: "lists", description: "How many tools/list requests came.", inputSchema: { type: "object", properties: {} } }];
let lists = 0;
if (process.env.EVENTS_FILE) {
  appendFileSync(process.env.EVENTS_FILE, `pid ${process.pid}\n`);
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) {
    return;
  }

  switch (request.method) {
    case "initialize":
      send({ id: request.id, result: { protocolVersion: request.params.protocolVersion, capabilities: { tools: { listChanged: true } }, serverInfo: { name: "everything-like", version: "1.0.0" } } });
      break;
    case "tools/list":
      lists++;
      if (lists === 1) {
        for (let i = 0; i < 3; i++) {
          send({ method: "notifications/tools/list_changed" });
        }
      }
      send({ id: request.id, result: { tools } });
      break;
    case "tools/call":
      send({ id: request.id, result: { content: [{ type: "text", text: String(lists) }] } });
      break;
    default:
      send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
});

process.stdin.on("end", () => {
  if (process.env.EVENTS_FILE) {
    appendFileSync(process.env.EVENTS_FILE, "eof\n");
  }
});

// Ends on SIGTERM as node does by default, noting it first.
process.on("SIGTERM", () => {
  if (process.env.EVENTS_FILE) {
    appendFileSync(process.env.EVENTS_FILE, "sigterm\n");
  }
  process.exit(0);
});

// Keeps the process alive after end of input, as servers with timers or open sockets do.
setInterval(() => {}, 60_000);
