{{/* Chart name, truncated to the 63 characters Kubernetes allows in names. */}}
{{- define "taskflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "taskflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "taskflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "taskflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "taskflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "taskflow.labels" -}}
helm.sh/chart: {{ include "taskflow.chart" . }}
{{ include "taskflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: taskflow
{{- end }}

{{- define "taskflow.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "taskflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "taskflow.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding credentials: the user's own, or the one this chart renders. */}}
{{- define "taskflow.secretName" -}}
{{- default (include "taskflow.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{- define "taskflow.appTokenSecretName" -}}
{{- default (printf "%s-app-api-token" (include "taskflow.fullname" .)) .Values.dapr.tokens.existingAppTokenSecret }}
{{- end }}

{{- define "taskflow.apiTokenSecretName" -}}
{{- default (printf "%s-dapr-api-token" (include "taskflow.fullname" .)) .Values.dapr.tokens.existingApiTokenSecret }}
{{- end }}

{{- define "taskflow.daprConfigName" -}}
{{- printf "%s-config" (include "taskflow.fullname" .) }}
{{- end }}

{{/* Dapr app id of a role group: (dict "root" $ "group" "api") -> taskflow-api */}}
{{- define "taskflow.appId" -}}
{{- printf "%s-%s" .root.Values.dapr.appIdPrefix .group }}
{{- end }}

{{/*
Scopes of a component: the app ids of the enabled role groups that run one of the given roles
("all" runs every role). (dict "root" $ "roles" (list "api" "assistant")); nil roles: every group.
*/}}
{{- define "taskflow.scopes" -}}
{{- $root := .root }}
{{- $wanted := .roles }}
{{- range $name, $group := $root.Values.roleGroups }}
{{- if $group.enabled }}
{{- $roles := splitList "," (nospace $group.roles) }}
{{- $match := or (not $wanted) (has "all" $roles) }}
{{- range $wanted }}
{{- if has . $roles }}
{{- $match = true }}
{{- end }}
{{- end }}
{{- if $match }}
- {{ include "taskflow.appId" (dict "root" $root "group" $name) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Roles whose replicas share the work: their app id is their Kafka consumer group, so each event is
handled by one replica (docs/events.md).
*/}}
{{- define "taskflow.workSharingRoles" -}}
audit,recurrence,reminders,notifications
{{- end }}

{{/*
"true" when a role group pushes live updates (role web) and runs no work-sharing role ("all" runs
them all): every replica must then receive every event, so the group uses the live pub/sub, whose
consumer group is the pod. (dict "group" $group)
*/}}
{{- define "taskflow.isLiveGroup" -}}
{{- $roles := splitList "," (nospace .group.roles) }}
{{- $live := and (has "web" $roles) (not (has "all" $roles)) }}
{{- range splitList "," (include "taskflow.workSharingRoles" .) }}
{{- if has . $roles }}
{{- $live = false }}
{{- end }}
{{- end }}
{{- if $live }}true{{ end }}
{{- end }}

{{/* The pub/sub component a role group subscribes and publishes through. (dict "root" $ "group" $group) */}}
{{- define "taskflow.pubsubName" -}}
{{- if include "taskflow.isLiveGroup" (dict "group" .group) }}
{{- .root.Values.dapr.componentNames.livePubsub }}
{{- else }}
{{- .root.Values.dapr.componentNames.pubsub }}
{{- end }}
{{- end }}

{{/*
Scopes of a pub/sub component: the app ids of the enabled role groups that use it, the live one
(dict "root" $ "live" true) or the shared one (dict "root" $ "live" false).
*/}}
{{- define "taskflow.pubsubScopes" -}}
{{- $root := .root }}
{{- $live := .live }}
{{- range $name, $group := $root.Values.roleGroups }}
{{- if and $group.enabled (eq (not $live) (not (include "taskflow.isLiveGroup" (dict "group" $group)))) }}
- {{ include "taskflow.appId" (dict "root" $root "group" $name) }}
{{- end }}
{{- end }}
{{- end }}

{{/* Connection and client settings both Kafka pub/sub components share: same brokers, same auth. */}}
{{- define "taskflow.kafkaMetadata" -}}
- name: brokers
  value: {{ include "taskflow.kafkaBrokers" . | quote }}
- name: clientID
  value: "{appID}"
{{- if .Values.kafka.sasl.enabled }}
- name: authType
  value: "password"
- name: saslMechanism
  value: {{ .Values.kafka.sasl.mechanism | quote }}
- name: saslUsername
  secretKeyRef:
    name: {{ include "taskflow.secretName" . }}
    key: kafka-sasl-username
- name: saslPassword
  secretKeyRef:
    name: {{ include "taskflow.secretName" . }}
    key: kafka-sasl-password
{{- else }}
{{- if .Values.kafka.tls }}
{{- /* Dapr's Kafka component turns TLS off for authType none (components-contrib v1.16, common/component/kafka/auth.go). */}}
{{- fail "kafka.tls=true needs kafka.sasl.enabled=true: without SASL (authType none) Dapr's Kafka component connects in plaintext whatever disableTls says" }}
{{- end }}
- name: authType
  value: "none"
{{- end }}
- name: disableTls
  value: {{ ternary "false" "true" .Values.kafka.tls | quote }}
- name: maxMessageBytes
  value: "1048576"
- name: consumeRetryInterval
  value: "200ms"
{{- end }}

{{- define "taskflow.devPostgresHost" -}}
{{- printf "%s-postgres" (include "taskflow.fullname" .) }}
{{- end }}

{{- define "taskflow.devRedpandaHost" -}}
{{- printf "%s-redpanda" (include "taskflow.fullname" .) }}
{{- end }}

{{- define "taskflow.kafkaBrokers" -}}
{{- if .Values.kafka.brokers }}
{{- .Values.kafka.brokers }}
{{- else if .Values.dev.redpanda.enabled }}
{{- printf "%s:9092" (include "taskflow.devRedpandaHost" .) }}
{{- else }}
{{- fail "kafka.brokers is required when dev.redpanda.enabled is false" }}
{{- end }}
{{- end }}

{{/* A credential: the value given, else the dev PostgreSQL's when that is enabled. */}}
{{- define "taskflow.secretValue" -}}
{{- $root := .root }}
{{- $value := index $root.Values.secrets.values .key }}
{{- if and (not $value) $root.Values.dev.postgres.enabled }}
{{- $pg := $root.Values.dev.postgres }}
{{- $host := include "taskflow.devPostgresHost" $root }}
{{- if eq .key "database-url" }}
{{- $value = printf "jdbc:postgresql://%s:5432/%s" $host $pg.database }}
{{- else if eq .key "database-username" }}
{{- $value = $pg.username }}
{{- else if eq .key "database-password" }}
{{- $value = $pg.password }}
{{- else if eq .key "statestore-connection-string" }}
{{- $value = printf "host=%s port=5432 user=%s password=%s dbname=%s sslmode=disable" $host $pg.username $pg.password $pg.database }}
{{- end }}
{{- end }}
{{- $value }}
{{- end }}

{{/*
The token a Secret of the chart holds ("app" or "api"): the value given; else the token the
release's Secret already holds, so an upgrade keeps it (lookup answers nothing under
`helm template` and `--dry-run`); else a new random one. Resolved once per render and remembered,
so the Secret and the checksum that rolls the pods agree. Args: root, kind.
*/}}
{{- define "taskflow.token" -}}
{{- $root := .root }}
{{- $resolved := $root.Values.dapr.tokens.resolved | default dict }}
{{- if not (hasKey $resolved .kind) }}
{{- $name := include (printf "taskflow.%sTokenSecretName" .kind) $root }}
{{- $token := get $root.Values.dapr.tokens (printf "%sToken" .kind) }}
{{- if and (not $token) $root.Values.dapr.tokens.lookup }}
{{- $existing := lookup "v1" "Secret" $root.Release.Namespace $name }}
{{- $token = dig "data" "token" "" $existing | b64dec }}
{{- end }}
{{- $_ := set $resolved .kind (default (randAlphaNum 40) $token) }}
{{- $_ := set $root.Values.dapr.tokens "resolved" $resolved }}
{{- end }}
{{- get $resolved .kind }}
{{- end }}

{{/*
A digest of both tokens for a pod annotation: a changed token rolls the pods, so app and sidecar
never start with different ones. A Secret given by name (existing*TokenSecret) counts with the
content it has at upgrade time.
*/}}
{{- define "taskflow.tokensChecksum" -}}
{{- $root := . }}
{{- $parts := list }}
{{- range $kind := list "app" "api" }}
{{- $existingName := get $root.Values.dapr.tokens (printf "existing%sTokenSecret" (title $kind)) }}
{{- if and $existingName $root.Values.dapr.tokens.lookup }}
{{- $parts = append $parts (toJson (dig "data" dict (lookup "v1" "Secret" $root.Release.Namespace $existingName))) }}
{{- else if $existingName }}
{{- $parts = append $parts $existingName }}
{{- else }}
{{- $parts = append $parts (include "taskflow.token" (dict "root" $root "kind" $kind)) }}
{{- end }}
{{- end }}
{{- join "\n" $parts | sha256sum }}
{{- end }}
