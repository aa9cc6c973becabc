#!/usr/bin/env bash
# Times the README's two commands as a new user meets them: a fresh clone and an empty NuGet package folder.
#   first-run.sh run    clone -> the REPL's prompt on a terminal (`dotnet run --project src/SkMcpAgent`)
#   first-run.sh test   clone -> `dotnet test SkMcpAgent.sln` finished (with an empty npm peers folder too)
# Download caches (NuGet's HTTP cache, npm's cache) stay as they are: say whether they were warm when quoting.
set -euo pipefail
what="${1:?usage: first-run.sh run|test}"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/nuget" "$work/peers"
# ../shared beside the clone, as in CI.
ln -s "$repo/../shared" "$work/shared"
export NUGET_PACKAGES="$work/nuget" MCP_PEERS_DIR="$work/peers" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

start=$(date +%s.%N)
git clone -q "$repo" "$work/main"
cd "$work/main"
case "$what" in
  run)
    # A terminal (script gives it a pty); the REPL prints its prompt "> " once it is ready for input.
    out="$work/repl.out"
    # Its input stays open (and empty) until we are done, so the REPL waits at its prompt.
    mkfifo "$work/stdin"
    sleep 600 > "$work/stdin" &
    holder=$!
    script -qfc "dotnet run --project src/SkMcpAgent" "$out" < "$work/stdin" > /dev/null 2>&1 &
    pid=$!
    # The build prints "Project -> path" lines; the prompt is "> " at the start of a line (after colour codes).
    while ! grep -qaE '(^|[m\r])> ' "$out" 2>/dev/null; do
      kill -0 "$pid" 2>/dev/null || { echo "first-run: the REPL exited before its prompt" >&2; cat "$out" >&2; exit 1; }
      sleep 0.1
    done
    end=$(date +%s.%N)
    [ -n "${FIRST_RUN_KEEP:-}" ] && cp "$out" "$FIRST_RUN_KEEP"
    # Which fast-start form each server got (servers/Directory.Build.targets says it in the build output).
    grep -aoE '[A-Za-z]+Server -> [^ ]+ \((NativeAOT|ReadyToRun[^)]*)\)' "$out" | sed 's/^/first-run: /' || true
    kill "$holder" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    pkill -f "$work/main" 2>/dev/null || true
    wait 2>/dev/null || true
    ;;
  test)
    dotnet test SkMcpAgent.sln > "$work/test.out" 2>&1 || { tail -30 "$work/test.out" >&2; exit 1; }
    end=$(date +%s.%N)
    ;;
  *) echo "usage: first-run.sh run|test" >&2; exit 2 ;;
esac
printf 'first %s: %.1f s (clone, restore into an empty package folder, build%s)\n' "$what" "$(echo "$end - $start" | bc)" \
  "$([ "$what" = run ] && echo ', REPL prompt' || echo ', all tests')"
