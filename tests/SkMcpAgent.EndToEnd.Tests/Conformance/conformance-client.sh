#!/usr/bin/env bash
# The client the conformance suite runs: `conformance client --command conformance-client.sh ...` appends the
# scenario's server URL. This writes a one-server mcp.json for that URL and drives the real agent executable as a
# user would: `tools`, or `call` where the scenario wants a tool called. $BROWSER follows the authorization
# redirect (the suite's authorization server approves at once). AGENT_DLL names the agent's assembly.
set -euo pipefail
url="${!#}"
scenario="${MCP_CONFORMANCE_SCENARIO:-}"
context="${MCP_CONFORMANCE_CONTEXT:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

field() { printf '%s' "$context" | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
oauth=""
client_id="$(field client_id)"
if [[ -n "$client_id" ]]; then
  oauth=", \"oauth\": { \"clientId\": \"$client_id\", \"clientSecret\": \"$(field client_secret)\" }"
elif [[ "$scenario" == "auth/basic-cimd" ]]; then
  # The document the suite expects a published client to name as its client ID.
  oauth=', "oauth": { "clientMetadataUrl": "https://conformance-test.local/client-metadata.json" }'
fi
printf '{ "mcpServers": { "test": { "type": "http", "url": "%s"%s } } }\n' "$url" "$oauth" > "$work/mcp.json"

# Tokens go to this run's own data folder, never the user's.
export XDG_DATA_HOME="$work/data"
export BROWSER="curl --silent --location --output /dev/null"
agent=(dotnet "${AGENT_DLL:?AGENT_DLL must name SkMcpAgent.dll}" -c "$work/mcp.json" --approve auto)
case "$scenario" in
  tools_call) exec "${agent[@]}" call test_add_numbers --args '{"a":2,"b":3}' ;;
  elicitation-sep1034-client-defaults) exec "${agent[@]}" call test_test_client_elicitation_defaults ;;
  sse-retry) exec "${agent[@]}" call test_test_reconnection ;;
  # Two runs, as a user would: the first authorizes in the browser, the second uses the cached token.
  auth/*) "${agent[@]}" tools && exec "${agent[@]}" call test_test_tool ;;
  *) exec "${agent[@]}" tools ;;
esac
