#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground (a local Teams-like chat UI) against a bot that is already
# running on this machine: `npm start` in one terminal, `npm run playground` in another.
#
# Offline on purpose: the Playground runs with telemetry off, with its bundled Application Insights SDK
# told not to start (it would otherwise probe the cloud metadata address and look up hosts), and without
# opening a browser. It sends no auth header, so the bot must run WITHOUT MicrosoftAppId/-Password.
#
#   PORT             the bot's port (environment, then .env, then 3978)
#   PLAYGROUND_PORT  the Playground's port (56150); it listens on all interfaces, so use a trusted network
#   --dry-run        print what would run, start nothing
set -euo pipefail

PLAYGROUND_PACKAGE="@microsoft/m365agentsplayground@0.2.28"
PLAYGROUND_BIN="agentsplayground" # the package's bin (it also installs the old name `teamsapptester`)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dry_run=false
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=true ;;
    -h | --help)
      sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "playground: unknown argument: $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

# Reads KEY from .env without sourcing it (sourcing would run whatever the file holds).
env_file_value() {
  local key="$1" file="$root/.env"
  [[ -f "$file" ]] || return 0
  sed -n -E "s/^[[:space:]]*(export[[:space:]]+)?${key}[[:space:]]*=[[:space:]]*//p" "$file" | tail -n 1 |
    sed -E "s/^\"(.*)\"[[:space:]]*$/\1/; s/^'(.*)'[[:space:]]*$/\1/; s/[[:space:]]+$//"
}

bot_port="${PORT:-$(env_file_value PORT)}"
bot_port="${bot_port:-3978}"
playground_port="${PLAYGROUND_PORT:-56150}"
for p in "$bot_port" "$playground_port"; do
  if ! [[ "$p" =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then
    echo "playground: not a port number: $p" >&2
    exit 2
  fi
done

app_endpoint="http://127.0.0.1:${bot_port}/api/messages"
service_url="http://127.0.0.1:${playground_port}/_connector"
log_dir="$root/data/playground" # data/ is gitignored; the default would create devTools/ in the repo

problems=0
warn() {
  echo "playground: $*" >&2
}

# The Playground cannot authenticate; a bot with credentials answers its messages with 401.
app_id="${MicrosoftAppId-$(env_file_value MicrosoftAppId)}"
if [[ -n "$app_id" ]]; then
  warn "MicrosoftAppId is set (environment or .env). The Playground sends no token, so a bot started"
  warn "with credentials answers 401. Run the bot without them: comment out MicrosoftAppId,"
  warn "MicrosoftAppPassword and MicrosoftAppType in .env (an empty MicrosoftAppType is rejected), then npm start."
fi

# The bot must already be up; the Playground does not start it.
if ! node -e '
  fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));
' "http://127.0.0.1:${bot_port}/healthz"; then
  warn "no bot answers on http://127.0.0.1:${bot_port}/healthz. Start it first (npm start), or set PORT."
  problems=$((problems + 1))
fi

# If its port is taken the Playground silently picks another, and --service-url would point nowhere.
if ! node -e '
  const server = require("node:net").createServer();
  server.once("error", () => process.exit(1));
  server.listen(Number(process.argv[1]), () => server.close(() => process.exit(0)));
' "$playground_port"; then
  warn "port ${playground_port} is in use. Stop what uses it or set PLAYGROUND_PORT."
  problems=$((problems + 1))
fi

export TEAMSAPPTESTER_BROWSER=none
export APPLICATION_INSIGHTS_NO_STATSBEAT=true
export APPLICATIONINSIGHTS_CONFIGURATION_CONTENT='{"disableStatsbeat":true,"enableAutoCollectHeartbeat":false,"disableAppInsights":true}'
export M365_AGENTS_PLAYGROUND_LOGFILE="${M365_AGENTS_PLAYGROUND_LOGFILE:-$log_dir/m365agentsplayground.log}"

# The pinned copy in node_modules (a devDependency, so `npm ci` brings it) when present; npx otherwise.
local_bin="$root/node_modules/.bin/$PLAYGROUND_BIN"
local_version="$(node -p 'require("@microsoft/m365agentsplayground/package.json").version' 2>/dev/null || true)"
if [[ -x "$local_bin" && "$PLAYGROUND_PACKAGE" == *"@$local_version" ]]; then
  launcher=("$local_bin")
else
  launcher=(npx --yes -p "$PLAYGROUND_PACKAGE" -- "$PLAYGROUND_BIN")
fi

command=(
  "${launcher[@]}" start
  --app-endpoint "$app_endpoint"
  --port "$playground_port"
  --service-url "$service_url"
  --disable-telemetry
)

if $dry_run; then
  echo "playground: dry run (${problems} problem(s) above would stop a real run). Would run:"
  echo "  TEAMSAPPTESTER_BROWSER=$TEAMSAPPTESTER_BROWSER"
  echo "  APPLICATION_INSIGHTS_NO_STATSBEAT=$APPLICATION_INSIGHTS_NO_STATSBEAT"
  echo "  APPLICATIONINSIGHTS_CONFIGURATION_CONTENT=$APPLICATIONINSIGHTS_CONFIGURATION_CONTENT"
  echo "  M365_AGENTS_PLAYGROUND_LOGFILE=$M365_AGENTS_PLAYGROUND_LOGFILE"
  printf '  %q' "${command[@]}"
  echo
  echo "  then open http://localhost:${playground_port}"
  exit 0
fi

if ((problems > 0)); then
  exit 1
fi

mkdir -p "$(dirname "$M365_AGENTS_PLAYGROUND_LOGFILE")"
cat <<EOF
playground: bot endpoint  ${app_endpoint}
playground: open          http://localhost:${playground_port}   (in a browser on this machine)
playground: log file      ${M365_AGENTS_PLAYGROUND_LOGFILE}
playground: stop with Ctrl+C
EOF
exec "${command[@]}"
