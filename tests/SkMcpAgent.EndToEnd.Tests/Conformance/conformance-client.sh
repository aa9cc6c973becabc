#!/usr/bin/env bash
# The client the conformance suite runs: `conformance client --command "bash conformance-client.sh" ...` appends the
# scenario's server URL. This writes a one-server mcp.json for that URL and drives the real agent executable as a
# user would: `tools`, or `call` where the scenario wants a tool called. $BROWSER follows the authorization
# redirect (the suite's authorization server approves at once). AGENT names the agent executable.
set -uo pipefail
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

# Tokens go to this run's own data folder, never the user's. The "browser" logs each visit and follows the redirect.
export XDG_DATA_HOME="$work/data"
export BROWSER="echo visited >> $work/browser.log; curl --silent --location --output /dev/null"
agent=("${AGENT:?AGENT must name the SkMcpAgent executable}" -c "$work/mcp.json" --approve auto)

# As a user would, twice: the first run authorizes in the browser, the second must use the cached token. Then the
# token file must be owner-only, and the token must not appear in anything the agent printed.
authorize_then_reuse() {
  "${agent[@]}" tools > "$work/first.txt" 2>&1; local first=$?
  "${agent[@]}" call test_test_tool > "$work/second.txt" 2>&1; local second=$?
  cat "$work/first.txt" "$work/second.txt"
  (( first == 0 && second == 0 )) || exit 1
  local file visits token
  file="$(ls "$XDG_DATA_HOME"/SkMcpAgent/tokens/*.json)" || { echo "no token file" >&2; exit 3; }
  [[ "$(stat -c %a "$file")" == 600 ]] || { echo "token file mode $(stat -c %a "$file"), not 600" >&2; exit 3; }
  visits="$(wc -l < "$work/browser.log")"
  [[ "$visits" == 1 ]] || { echo "the browser was opened $visits times, not once" >&2; exit 3; }
  token="$(sed -n 's/.*"AccessToken": *"\([^"]*\)".*/\1/p' "$file")"
  [[ -n "$token" ]] || { echo "no access token in $file" >&2; exit 3; }
  if grep -qF -- "$token" "$work/first.txt" "$work/second.txt"; then echo "the access token was printed" >&2; exit 3; fi
  exit 0
}

case "$scenario" in
  tools_call) exec "${agent[@]}" call test_add_numbers --args '{"a":2,"b":3}' ;;
  elicitation-sep1034-client-defaults) exec "${agent[@]}" call test_test_client_elicitation_defaults ;;
  sse-retry) exec "${agent[@]}" call test_test_reconnection ;;
  auth/metadata-default | auth/pre-registration) authorize_then_reuse ;;
  auth/*) exec "${agent[@]}" call test_test_tool ;;
  *) exec "${agent[@]}" tools ;;
esac
