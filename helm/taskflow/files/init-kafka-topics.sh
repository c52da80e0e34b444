#!/usr/bin/env bash
# Creates TaskFlow's Kafka topics (docs/events.md) and their dead-letter topics with rpk.
#
# Idempotent: a topic that already exists is kept; its retention is brought in line and its
# partitions are raised to the wanted count, so the job can run on every `docker compose up`
# or `helm upgrade`.
#
# Environment:
#   KAFKA_BROKERS         comma-separated brokers (default redpanda:9092, the Compose network)
#   KAFKA_SASL_USERNAME   set to use SASL SCRAM (Redpanda Cloud); needs KAFKA_SASL_PASSWORD
#   KAFKA_SASL_PASSWORD
#   KAFKA_SASL_MECHANISM  SCRAM-SHA-256 (default) or SCRAM-SHA-512
#   KAFKA_TLS             true to connect with TLS (default: true when SASL is used, else false)
#   TOPIC_REPLICAS        replication factor (default -1: the cluster's default)
#   WAIT_ATTEMPTS         how many times to wait 2 s for the brokers (default 60)
set -euo pipefail

# topic            partitions  retention.ms
TOPICS='
task-events        3           604800000
reminders          3           86400000
notifications      3           86400000
task-updates       3           3600000
'
# Poison events wait here for an operator: one partition each, kept 7 days.
DLQ_PARTITIONS=1
DLQ_RETENTION_MS=604800000

brokers="${KAFKA_BROKERS:-redpanda:9092}"
replicas="${TOPIC_REPLICAS:--1}"
rpk_opts=(-X "brokers=${brokers}")

if [[ -n "${KAFKA_SASL_USERNAME:-}" ]]; then
  rpk_opts+=(-X "user=${KAFKA_SASL_USERNAME}" -X "pass=${KAFKA_SASL_PASSWORD:?KAFKA_SASL_PASSWORD is required with KAFKA_SASL_USERNAME}")
  rpk_opts+=(-X "sasl.mechanism=${KAFKA_SASL_MECHANISM:-SCRAM-SHA-256}")
  KAFKA_TLS="${KAFKA_TLS:-true}"
fi
if [[ "${KAFKA_TLS:-false}" == "true" ]]; then
  rpk_opts+=(-X "tls.enabled=true")
fi

wait_for_brokers() {
  local attempts="${WAIT_ATTEMPTS:-60}"
  for ((i = 1; i <= attempts; i++)); do
    if rpk topic list "${rpk_opts[@]}" >/dev/null 2>&1; then
      return 0
    fi
    echo "waiting for Kafka at ${brokers} (${i}/${attempts})"
    sleep 2
  done
  echo "Kafka at ${brokers} did not answer" >&2
  return 1
}

topic_exists() {
  rpk topic describe "$1" "${rpk_opts[@]}" >/dev/null 2>&1
}

partition_count() {
  rpk topic describe "$1" --print-partitions "${rpk_opts[@]}" | grep -cE '^[0-9]+[[:space:]]' || true
}

ensure_topic() {
  local topic="$1" partitions="$2" retention_ms="$3"
  if topic_exists "${topic}"; then
    rpk topic alter-config "${topic}" --set "retention.ms=${retention_ms}" "${rpk_opts[@]}" >/dev/null
    # A client may have auto-created it with fewer partitions; partitions can only grow.
    local existing
    existing="$(partition_count "${topic}")"
    if ((existing > 0 && existing < partitions)); then
      rpk topic add-partitions "${topic}" --num "$((partitions - existing))" "${rpk_opts[@]}"
    fi
    echo "topic ${topic} exists; retention.ms=${retention_ms}"
    return 0
  fi
  if ! rpk topic create "${topic}" -p "${partitions}" -r "${replicas}" \
      -c "retention.ms=${retention_ms}" "${rpk_opts[@]}"; then
    # Another job may have created it between the check and the create.
    topic_exists "${topic}" || return 1
  fi
}

wait_for_brokers
while read -r topic partitions retention_ms; do
  [[ -z "${topic}" ]] && continue
  ensure_topic "${topic}" "${partitions}" "${retention_ms}"
  ensure_topic "${topic}-dlq" "${DLQ_PARTITIONS}" "${DLQ_RETENTION_MS}"
done <<< "${TOPICS}"

rpk topic list "${rpk_opts[@]}"
