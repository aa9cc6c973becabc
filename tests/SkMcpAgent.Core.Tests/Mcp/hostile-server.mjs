// A minimal stdio MCP server, written without any SDK, that misbehaves the way the first argument says:
//   bad-schemas    serves; tools/list has good tools beside one whose inputSchema is a string, one without an
//                  inputSchema, one whose inputSchema is an array schema and one whose "properties" is a string
//   long-stderr    writes twenty 1 MB lines (or as many MB as the second argument says) and then "stderr done" to stderr, then serves (one good tool)
//   dies-loudly    writes one 5 MB line to stderr and exits with code 1 before the handshake
//   late-stderr    exits with code 1 before the handshake, leaving a child that shares its stderr and writes
//                  "fatal: said after the exit" half a second after the exit (longer than any fixed grace was), then ends
//   holds-stderr   writes "fatal: held open by <pid>" to stderr, exits with code 1 before the handshake, and leaves
//                  that child (<pid>) running with the stderr pipe open until it is killed
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const mode = process.argv[2];
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");
const good = (name) => ({ name, description: `The good tool ${name}.`, inputSchema: { type: "object", properties: { text: { type: "string" } } } });
const tools = mode === "bad-schemas"
  ? [
      good("first_good"),
      { name: "string_schema", description: "inputSchema is a string.", inputSchema: "oops" },
      { name: "no_schema", description: "inputSchema is missing." },
      { name: "array_schema", description: "inputSchema is not an object schema.", inputSchema: { type: "array" } },
      { name: "string_properties", description: "properties is a string.", inputSchema: { type: "object", properties: "x" } },
      good("second_good"),
    ]
  : [good("echo")];

// A child that shares this process's stderr, not its stdout (whose end is the server's exit), and reads a pipe from
// it: the end of that pipe is how the child learns that the server has exited.
const leaveChild = (code) => spawn(process.execPath, ["-e", code], { stdio: ["pipe", "ignore", "inherit"] });

if (mode === "dies-loudly") {
  process.stderr.write("fatal: " + "x".repeat(5 * 1024 * 1024) + "\n", () => process.exit(1));
} else if (mode === "late-stderr") {
  leaveChild(`process.stdin.resume().on("end", () =>
    setTimeout(() => process.stderr.write("fatal: said after the exit\\n"), 500));`);
  process.exit(1);
} else if (mode === "holds-stderr") {
  const child = leaveChild("setInterval(() => {}, 60000);");
  process.stderr.write(`fatal: held open by ${child.pid}\n`, () => process.exit(1));
} else {
  if (mode === "long-stderr") {
    for (let i = 0; i < 20; i++) {
      process.stderr.write(`line ${i}: ` + "y".repeat((Number(process.argv[3]) || 1) * 1024 * 1024) + "\n");
    }
    process.stderr.write("stderr done\n");
  }

  createInterface({ input: process.stdin }).on("line", (line) => {
    const request = JSON.parse(line);
    if (request.id === undefined) {
      return; // notifications (initialized) need no answer
    }

    switch (request.method) {
      case "initialize":
        send({ id: request.id, result: { protocolVersion: request.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "hostile", version: "1.0.0" } } });
        break;
      case "tools/list":
        send({ id: request.id, result: { tools } });
        break;
      case "tools/call":
        send({ id: request.id, result: { content: [{ type: "text", text: `${request.params.name}: ${request.params.arguments?.text}` }] } });
        break;
      default:
        send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
    }
  });
}
