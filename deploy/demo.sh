#!/usr/bin/env bash
# Loads the two playbook scenarios into a running local stack (deploy/stack.sh up --demo calls this), so that a
# newcomer opening Swagger UI sees real engagements. Idempotent: a scenario already loaded is left as it is.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TOKEN=$("$DEPLOY_DIR/stack.sh" token --partner partner-a --role fasttrack-manager)
api() { # api METHOD URL [JSON] [extra curl args…]
  local method=$1 url=$2 body=${3:-}; shift 3 || shift $#
  curl -sS -X "$method" "$url" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" ${body:+-d "$body"} "$@"
}
exists() { ! api GET "http://localhost:8081/api/v1/engagements?q=$1" | grep -q '"total":0'; }
# The first "id" of an engagement view is the engagement's own (no jq needed on a fresh machine).
first_id() { sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p'; }
wait_until() { # wait_until DESCRIPTION COMMAND… (bounded: 30 s)
  local what=$1; shift
  for _ in $(seq 1 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "demo: $what did not happen within 30 s"
}

if exists "Contoso%20Ltd%20(demo)"; then
  log "demo: Contoso Ltd (demo) already loaded"
else
  ID=$(api POST http://localhost:8081/api/v1/engagements '{
    "customerName": "Contoso Ltd (demo)", "customerTenantId": "contoso.onmicrosoft.com", "fastTrackManager": "fm@partner-a.example",
    "licenceCount": 25000, "enterprise": true,
    "dibs": {"dueDate": "2027-03-31", "intent": "Files to OneDrive and SharePoint", "businessReason": "COLLABORATE_AND_COMMUNICATE_WITH_OUR_PEOPLE", "successOwner": "Aiko Tanaka, CIO"},
    "intendedServices": [{"workload": "OD"}, {"workload": "SPO"}]}' | first_id)
  api POST "http://localhost:8081/api/v1/engagements/$ID/kickoff/complete" >/dev/null
  api POST "http://localhost:8081/api/v1/engagements/$ID/workshop" "{\"startsAt\": \"$(date -u -d '+14 days' +%Y-%m-%dT09:00:00Z)\", \"durationMinutes\": 120,
    \"attendees\": [{\"name\": \"Aiko Tanaka\", \"organisation\": \"Contoso Ltd\", \"role\": \"Success owner\"}],
    \"agenda\": [\"Success factors (SSAT)\", \"Resources and demos\", \"Measuring success\"]}" >/dev/null
  wait_until "the SSAT matrix" api GET "http://localhost:8082/api/v1/engagements/$ID/ssat" --fail
  for f in STAKEHOLDERS SCENARIOS AWARENESS TRAINING; do
    etag=$(api GET "http://localhost:8082/api/v1/engagements/$ID/ssat" "" -D - -o /dev/null | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
    api PUT "http://localhost:8082/api/v1/engagements/$ID/ssat/OD/$f" '{"status": "IN_PLACE", "owner": "Aiko Tanaka"}' -H "If-Match: $etag" >/dev/null
  done
  etag=$(api GET "http://localhost:8082/api/v1/engagements/$ID/ssat" "" -D - -o /dev/null | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
  api PUT "http://localhost:8082/api/v1/engagements/$ID/ssat/SPO/SCENARIOS" '{"status": "GAP_IDENTIFIED", "gap": "No scenario for project sites yet"}' -H "If-Match: $etag" >/dev/null
  log "demo: Contoso Ltd (demo) $ID — enterprise, 25,000 licences, workshop scheduled, SSAT partly recorded (SPO still open)"
fi

if exists "Fabrikam%20(demo)"; then
  log "demo: Fabrikam (demo) already loaded"
else
  ID=$(api POST http://localhost:8081/api/v1/engagements '{
    "customerName": "Fabrikam (demo)", "fastTrackManager": "fm@partner-a.example", "licenceCount": 5000, "enterprise": false,
    "dibs": {"intent": "Teams for frontline workers", "businessReason": "IMPROVE_SERVICE_QUALITY"},
    "intendedServices": [{"workload": "TEAMS"}, {"workload": "OD"}]}' | first_id)
  api POST "http://localhost:8081/api/v1/engagements/$ID/check-ins" "{\"cadence\": \"BIWEEKLY\", \"nextDate\": \"$(date -u -d '+7 days' +%Y-%m-%d)\"}" >/dev/null
  log "demo: Fabrikam (demo) $ID — 5,000 licences, not enterprise: check-in tasks instead of an adoption SME"
fi
echo "Demo data loaded for partner-a: TOKEN=\$(deploy/stack.sh token --partner partner-a) and open http://localhost:8081/q/swagger-ui"
