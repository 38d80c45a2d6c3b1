{{/*
Names, labels, images and the list of services. Every template ranges over
"switchboard.services" and renders one object per enabled service, so the four services can
never drift apart in shape.
*/}}

{{- define "switchboard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The prefix of every object's name: the release name, or <release>-<chart> when it lacks the chart name. */}}
{{- define "switchboard.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "switchboard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The values keys of the services, in a fixed order. */}}
{{- define "switchboard.serviceKeys" -}}
agentGateway mentionService ticketService routingService
{{- end -}}

{{/*
The enabled services as a YAML list of contexts: key (values key), name (agent-gateway, ...),
fullname (object name). Use: {{- range $s := include "switchboard.services" . | fromYamlArray }}
*/}}
{{- define "switchboard.services" -}}
{{- range $key := splitList " " (include "switchboard.serviceKeys" $) }}
{{- $svc := index $.Values $key }}
{{- if $svc.enabled }}
- key: {{ $key }}
  name: {{ kebabcase $key }}
  fullname: {{ include "switchboard.serviceFullname" (dict "root" $ "name" (kebabcase $key)) }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Object name of one service. Args: root, name. */}}
{{- define "switchboard.serviceFullname" -}}
{{- printf "%s-%s" (include "switchboard.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "switchboard.labels" -}}
helm.sh/chart: {{ include "switchboard.chart" . }}
app.kubernetes.io/part-of: {{ include "switchboard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of one service (never change them: Deployment selectors are immutable). Args: root, s. */}}
{{- define "switchboard.selectorLabels" -}}
app.kubernetes.io/name: {{ .s.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* All labels of one service's objects. Args: root, s. */}}
{{- define "switchboard.serviceLabels" -}}
{{ include "switchboard.labels" .root }}
app.kubernetes.io/name: {{ .s.name }}
app.kubernetes.io/component: {{ .s.name }}
{{- end -}}

{{/* <registry>/<group>/<name>:<tag> or @<digest>; the tag defaults to the chart's appVersion. Args: root, svc. */}}
{{- define "switchboard.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := printf "%s/%s" $img.group .svc.image.name -}}
{{- if $img.registry }}{{ $repo = printf "%s/%s" $img.registry $repo }}{{ end -}}
{{- if .svc.image.digest -}}
{{- printf "%s@%s" $repo .svc.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (.svc.image.tag | default $img.tag | default .root.Chart.AppVersion | toString) -}}
{{- end -}}
{{- end -}}

{{- define "switchboard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "switchboard.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Secret and key of a service's database password. Args: root, s, svc. Output: YAML name/key. */}}
{{- define "switchboard.databaseSecretRef" -}}
{{- if .svc.database.existingSecret -}}
name: {{ .svc.database.existingSecret }}
key: {{ .svc.database.passwordKey }}
{{- else -}}
name: {{ printf "%s-db" .s.fullname }}
key: password
{{- end -}}
{{- end -}}

{{- define "switchboard.kafkaSasl" -}}
{{- hasPrefix "SASL_" .Values.kafka.securityProtocol -}}
{{- end -}}

{{- define "switchboard.kafkaTls" -}}
{{- or (eq .Values.kafka.securityProtocol "SSL") (eq .Values.kafka.securityProtocol "SASL_SSL") -}}
{{- end -}}

{{- define "switchboard.kafkaSaslSecretRef" -}}
{{- if .Values.kafka.sasl.existingSecret -}}
name: {{ .Values.kafka.sasl.existingSecret }}
key: {{ .Values.kafka.sasl.passwordKey }}
{{- else -}}
name: {{ printf "%s-kafka" (include "switchboard.fullname" .) }}
key: password
{{- end -}}
{{- end -}}

{{- define "switchboard.oidcSecretRef" -}}
{{- if .Values.oidc.gateway.existingSecret -}}
name: {{ .Values.oidc.gateway.existingSecret }}
key: {{ .Values.oidc.gateway.clientSecretKey }}
{{- else -}}
name: {{ printf "%s-oidc" (include "switchboard.fullname" .) }}
key: client-secret
{{- end -}}
{{- end -}}

{{- define "switchboard.channelsSecretName" -}}
{{- if .Values.channels.existingSecret -}}
{{- .Values.channels.existingSecret -}}
{{- else if .Values.channels.secrets -}}
{{- printf "%s-channels" (include "switchboard.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The KEDA path: a ScaledObject replaces the HPA of a service that has lag topics. Args: root, svc. */}}
{{- define "switchboard.usesKeda" -}}
{{- and .svc.autoscaling.enabled .root.Values.keda.enabled (not (empty .svc.autoscaling.topics)) -}}
{{- end -}}

{{/* JDBC-style query string for the PostgreSQL URLs. */}}
{{- define "switchboard.postgresqlQuery" -}}
{{- with .Values.postgresql.sslMode }}?sslmode={{ . }}{{ end -}}
{{- end -}}
