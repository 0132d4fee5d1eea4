#!/usr/bin/env bash
# The README's quickstart, from `pnpm dev` to a paid payout and an ROI report PDF, with `yardpass` commands only:
#
#   the sponsor finds the seeded package → proposes → the organizer accepts (an order) → the sponsor funds it
#   (sandbox card) → the organizer proves the deliverables → the sponsor approves them (the order locks)
#   → the organizer releases escrow → the payout is paid → the sponsor's ROI report, as JSON and as a PDF.
#
# Run it from a fresh clone after `pnpm install` (bash examples/quickstart.sh). It starts `pnpm dev` when no server
# answers the CLI's `dev` profile, stops it again at the end, and prints how long everything took.
# YARDPASS is the command (default: node_modules/.bin/yardpass, which is what `pnpm yardpass` runs, without
# pnpm's own start-up on each of the ~25 calls); OUT (default roi.pdf) the PDF it writes.
set -euo pipefail
cd "$(dirname "$0")/.."

now_ms() { node -e 'console.log(Date.now())'; }
started=$(now_ms)
elapsed() { echo "$(( ($(now_ms) - started) / 100 ))" | sed -E 's/([0-9])$/.\1/; s/^\./0./'; }

YARDPASS=${YARDPASS:-node_modules/.bin/yardpass}
OUT=${OUT:-roi.pdf}
export NO_COLOR=1
organizer() { $YARDPASS --profile dev --no-input "$@"; }
sponsor() { $YARDPASS --profile dev-sponsor --no-input "$@"; }

# `field PATH` prints one value of the JSON on standard input (`field 0.id`, `field attribution.configured`).
field() {
  node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      let value = JSON.parse(text);
      for (const key of process.argv[1].split(".")) value = value == null ? undefined : value[key];
      process.stdout.write(typeof value === "object" ? JSON.stringify(value) : String(value));
    });' "$1"
}
# `ids` prints the ids of a JSON array on standard input, separated by spaces.
ids() { node -e 'let t="";process.stdin.on("data",(c)=>(t+=c)).on("end",()=>console.log(JSON.parse(t).map((i)=>i.id).join(" ")))'; }
step() { echo "[$(elapsed) s] $*"; }
fail() {
  echo "✗ $*" >&2
  exit 1
}
# `wait_for PATH VALUE command…`: polls the command's JSON for up to 30 s.
wait_for() {
  local path=$1 expected=$2 actual=""
  shift 2
  for _ in $(seq 1 150); do
    actual=$("$@" | field "$path")
    [ "$actual" = "$expected" ] && return 0
    sleep 0.2
  done
  fail "waited for $path = $expected, got $actual"
}

server=""
log=$(mktemp)
stop_server() {
  if [ -n "$server" ]; then
    kill -INT "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap stop_server EXIT

if organizer whoami >/dev/null 2>&1; then
  step "a server answers the CLI's dev profile: using it"
else
  step "starting pnpm dev (output in $log)"
  pnpm dev >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 900); do
    grep -q 'is running at' "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; fail "pnpm dev exited"; }
    sleep 0.2
  done
  grep -q 'is running at' "$log" || { cat "$log" >&2; fail "pnpm dev did not start within 180 s"; }
  step "server ready: $(grep -o 'running at [^ ]*' "$log")"
fi

# 1. The sponsor finds the published package in the marketplace, and proposes its list price.
package=$(sponsor marketplace search --q "Main Stage Partner" --json | field 0.id)
[ "$package" != undefined ] || fail "the seeded package is not in the marketplace (was pnpm dev run with --seed?)"
event=$(sponsor marketplace search --q "Main Stage Partner" --json | field 0.event_id)
brand=$(sponsor sponsors list --json | field 0.id)
proposal=$(sponsor proposals create --event-id "$event" --sponsor-id "$brand" --package-id "$package" \
  --initial-message '{"body": "Fizzy Cola would love the main stage.", "offer": {"price_cents": 450000}}' \
  --json | field id)
sponsor proposals send "$proposal" --json >/dev/null
step "sponsor proposed $proposal"

# 2. The organizer accepts: one order, inventory reserved.
order=$(organizer proposals accept "$proposal" --yes --json | field order_id)
step "organizer accepted: order $order"

# 3. The sponsor funds it into escrow with Stripe's test card (the sandbox provider).
sponsor orders fund "$order" --payment-method-id pm_card_visa --yes --json >/dev/null
wait_for escrow_state funded sponsor orders show "$order" --json
step "sponsor funded the order (escrow funded)"

# 4. The organizer proves every deliverable; the sponsor approves them, which locks the order.
for id in $(organizer deliverables list --order-id "$order" --json | ids); do
  organizer deliverables submit-proof "$id" --asset-url "https://cdn.example.com/proofs/$id.jpg" \
    --metrics '{"impressions": 25000}' --json >/dev/null
done
for id in $(sponsor deliverables list --order-id "$order" --status submitted --json | ids); do
  sponsor deliverables approve "$id" --json >/dev/null
done
step "deliverables proven and approved"
if [ "$(organizer orders show "$order" --json | field escrow_state)" = funded ]; then
  organizer orders lock "$order" --json >/dev/null
fi

# 5. The organizer releases escrow; the worker pays the organizer's (sandbox) connected account.
organizer orders release "$order" --yes --json >/dev/null
wait_for 0.status paid organizer payouts list --order-id "$order" --json
payout=$(organizer payouts list --order-id "$order" --json)
step "payout paid: $(echo "$payout" | field 0.amount_cents) cents (transfer $(echo "$payout" | field 0.stripe_transfer_id))"

# 6. The sponsor's ROI report: 30 days of seeded analytics, sales attributed by utm source and promo code.
report=$(sponsor reports roi --order-id "$order" --json)
[ "$(echo "$report" | field attribution.configured)" = true ] || fail "the report has no attribution"
[ "$(echo "$report" | field conversions)" -gt 0 ] || fail "the report counts no conversions"
sponsor reports roi --order-id "$order" --format pdf --out "$OUT" >/dev/null
step "ROI report: $(echo "$report" | field conversions) conversions, ROI $(echo "$report" | field roi_multiplier)x, PDF in $OUT"

echo "Quickstart done in $(elapsed) s: from start to a paid payout and an ROI report PDF."
