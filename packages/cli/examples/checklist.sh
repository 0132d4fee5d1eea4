#!/usr/bin/env bash
# The guide's §16 end-to-end checklist, run with `yardpass` commands only, as the two sides of a deal:
# an organizer (who runs the event) and a sponsor (the brand), each a profile of the CLI.
#
#   create package → publish (stats snapshot, marketplace) → start proposal → negotiate → accept (order)
#   → fund (escrow) → submit proof → approve → release escrow (payout, transfer id) → ROI report
#
# Against `yardpass-server dev --seed` (`pnpm dev`), which writes both organizations' keys to
# .yardpass/dev-credentials.json:
#
#   yardpass login --profile organizer --api-key "$(jq -r .organizer.api_key .yardpass/dev-credentials.json)"
#   yardpass login --profile sponsor --api-key "$(jq -r .sponsor.api_key .yardpass/dev-credentials.json)"
#   bash packages/cli/examples/checklist.sh
#
# ORGANIZER_PROFILE and SPONSOR_PROFILE name other profiles; YARDPASS (default `yardpass`) the command.
# Each step prints one line; the first failure stops the script with a non-zero exit code.
set -euo pipefail

YARDPASS=${YARDPASS:-yardpass}
ORGANIZER_PROFILE=${ORGANIZER_PROFILE:-organizer}
SPONSOR_PROFILE=${SPONSOR_PROFILE:-sponsor}
export NO_COLOR=1

# Both sides run non-interactively: anything missing is an error, never a prompt.
organizer() { $YARDPASS --profile "$ORGANIZER_PROFILE" --no-input "$@"; }
sponsor() { $YARDPASS --profile "$SPONSOR_PROFILE" --no-input "$@"; }

# `field PATH` prints one value of the JSON on standard input, e.g. `field id`, `field latest_offer.price_cents`,
# `field 0.id` (node is there anyway: yardpass runs on it).
field() {
  node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      let value = JSON.parse(text);
      for (const key of process.argv[1].split(".")) value = value == null ? undefined : value[key];
      process.stdout.write(typeof value === "object" ? JSON.stringify(value) : String(value));
    });' "$1"
}

# `ids` prints the ids of a JSON array of items on standard input, separated by spaces.
ids() {
  node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      console.log(JSON.parse(text).map((item) => item.id).join(" "));
    });'
}

passed=0
# `check WHAT ACTUAL EXPECTED`: one line per step; stops at the first mismatch.
check() {
  if [ "$2" != "$3" ]; then
    echo "✗ $1: expected $3, got $2" >&2
    echo "$passed passed, 1 failed"
    exit 1
  fi
  passed=$((passed + 1))
  echo "✓ $1"
}

# Waits up to 20 s for `field PATH` of a command's JSON to become VALUE: `wait_for PATH VALUE command…`.
wait_for() {
  local path=$1 expected=$2 actual=""
  shift 2
  for _ in $(seq 1 100); do
    actual=$("$@" | field "$path")
    [ "$actual" = "$expected" ] && break
    sleep 0.2
  done
  echo "$actual"
}

# `iso HOURS`: the time HOURS from now (negative: ago), as RFC 3339 UTC.
iso() { node -e 'console.log(new Date(Date.now() + Number(process.argv[1]) * 3600e3).toISOString())' -- "$1"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The event, with some audience data so the package has stats and the report something to count.
event=$(organizer events create --title "Harbor Lights Festival" --starts-at "$(iso 720)" --ends-at "$(iso 768)" \
  --city "Los Angeles" --country US --category Music --json | field id)
for i in $(seq 1 40); do
  echo "{\"kind\":\"impression\",\"occurred_at\":\"$(iso -2)\",\"session_id\":\"s$i\",\"utm_source\":\"fizzy\"}"
done >"$work/analytics.ndjson"
for _ in 1 2 3; do
  echo "{\"kind\":\"ticket_purchase\",\"occurred_at\":\"$(iso -1)\",\"value_cents\":8500,\"utm_source\":\"fizzy\"}"
done >>"$work/analytics.ndjson"
organizer analytics ingest --event-id "$event" --file "$work/analytics.ndjson" --json >/dev/null
organizer stats refresh --event-id "$event" --json >/dev/null

# 1. Create package → in the organizer's gallery.
package=$(organizer packages create --event-id "$event" --title "Main Stage Partner" --tier gold \
  --price-cents 500000 --currency USD --inventory 2 --benefits '{"logo_stage": true, "social_posts": 3}' \
  --json | field id)
check "create package: in the gallery" \
  "$(organizer packages list --event-id "$event" --json | field 0.id)" "$package"

# 2. Publish → active, with a stats snapshot, in the marketplace.
check "publish package: is_active" "$(organizer packages publish "$package" --json | field is_active)" true
check "publish package: in the marketplace" \
  "$(sponsor marketplace search --limit 500 --json | grep -c "\"id\": \"$package\"")" 1

# 3. Start proposal → a thread with its first message and offer, sent to the organizer.
brand=$(sponsor sponsors create --name "Fizzy Cola" --industry Beverage --visibility public --json | field id)
proposal=$(sponsor proposals create --event-id "$event" --sponsor-id "$brand" --package-id "$package" \
  --initial-message '{"body": "We would love the main stage.", "offer": {"price_cents": 400000}}' --json | field id)
sponsor proposals send "$proposal" --json >/dev/null
check "start proposal: sent with the first offer" \
  "$(organizer proposals show "$proposal" --json | field latest_offer.price_cents)" 400000

# 4. Negotiate → the organizer counters; the thread is countered and the offer tracked.
organizer proposals message "$proposal" --body "Meet us in the middle." --offer '{"price_cents": 450000}' --json >/dev/null
check "negotiate: countered" "$(sponsor proposals show "$proposal" --json | field status)" countered

# 5. Accept → one order for the latest offer.
order=$(sponsor proposals accept "$proposal" --yes --json | field order_id)
check "accept: order for the counter-offer" "$(sponsor orders show "$order" --json | field amount_cents)" 450000

# 6. Fund (test mode) → escrow funded.
sponsor orders fund "$order" --payment-method-id pm_card_visa --yes --json >/dev/null
check "fund order: escrow funded" "$(wait_for escrow_state funded sponsor orders show "$order" --json)" funded

# 7. Submit proof → the organizer proves what it owes; the sponsor sees it to review.
deliverable=$(organizer deliverables list --order-id "$order" --json | field 0.id)
organizer deliverables submit-proof "$deliverable" --asset-url "https://cdn.example.com/proofs/$deliverable.jpg" \
  --metrics '{"impressions": 25000}' --json >/dev/null
check "submit proof: in the sponsor's review queue" \
  "$(sponsor deliverables list --order-id "$order" --status submitted --json | grep -c "\"id\": \"$deliverable\"")" 1

# 8. Approve → every proof approved (the rest of the order's deliverables proven and approved the same way).
for id in $(organizer deliverables list --order-id "$order" --status pending --json | ids); do
  organizer deliverables submit-proof "$id" --asset-url "https://cdn.example.com/proofs/$id.jpg" --json >/dev/null
done
for id in $(sponsor deliverables list --order-id "$order" --status submitted --json | ids); do
  sponsor deliverables approve "$id" --json >/dev/null
done
check "approve proof: approved" "$(sponsor deliverables show "$deliverable" --json | field status)" approved

# 9. Release escrow → a payout with a (sandbox) Stripe transfer id, made by the background worker to the
# organizer's Stripe Connect account (onboarding creates it when there is none yet).
if [ "$(organizer payout-config show --json | field stripe_connect_account_id)" = null ]; then
  organizer payout-config onboard --return-url https://example.com/done --refresh-url https://example.com/again \
    --json >/dev/null
fi
# Approving the last deliverable locks the order by itself; lock it by hand when it has not.
if [ "$(organizer orders show "$order" --json | field escrow_state)" = funded ]; then
  organizer orders lock "$order" --json >/dev/null
fi
check "release escrow: released" "$(organizer orders release "$order" --yes --json | field escrow_state)" released
check "release escrow: payout with a transfer id" \
  "$(wait_for 0.status paid organizer payouts list --order-id "$order" --json)" paid

# 10. ROI report → non-zero metrics for the window.
check "ROI report: conversions attributed" \
  "$(sponsor reports roi --order-id "$order" --utm-source fizzy --json | field conversions)" 3

echo "$passed passed, 0 failed"
