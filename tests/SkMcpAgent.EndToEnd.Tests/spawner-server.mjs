// A stdio MCP server, without any SDK, that starts a process of its own the way scripts start helpers: in the
// background through a shell that then exits, so the helper is no longer in the server's process tree (a tree kill
// misses it). It writes "<its pid> <helper's pid>" to $PIDS_FILE before it answers initialize: the test then checks
// that neither outlives the agent.
import { createInterface } from "node:readline";
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const helper = execSync("sleep 300 >/dev/null 2>&1 & echo $!", { shell: "/bin/sh" }).toString().trim();
writeFileSync(process.env.PIDS_FILE, `${process.pid} ${helper}`);

const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.id === undefined) {
    return;
  }

  switch (request.method) {
    case "initialize":
      send({ id: request.id, result: { protocolVersion: request.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "spawner", version: "1.0.0" } } });
      break;
    case "tools/list":
      send({ id: request.id, result: { tools: [{ name: "noop", description: "Does nothing.", inputSchema: { type: "object", properties: {} } }] } });
      break;
    default:
      send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
});

// Like many real servers, it does not exit when its input closes: only being stopped ends it.
process.stdin.on("end", () => {});
