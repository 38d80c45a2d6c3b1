{{/*
The environment of one service: the same Quarkus properties the local launcher sets
(platform's ServiceEnvironment), as environment variables. Args: root, s, svc.
*/}}
{{- define "switchboard.env" -}}
{{- $root := .root -}}
{{- $pg := $root.Values.postgresql -}}
{{- $db := .svc.database -}}
- name: QUARKUS_HTTP_PORT
  value: {{ .svc.containerPort | quote }}
- name: QUARKUS_SHUTDOWN_TIMEOUT
  value: {{ .svc.shutdownTimeout | quote }}
- name: JAVA_OPTS_APPEND
  value: {{ printf "%s -Djava.io.tmpdir=/tmp" .svc.javaOpts | trim | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ $db.username | quote }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- include "switchboard.databaseSecretRef" . | nindent 6 }}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ printf "postgresql://%s:%v/%s%s" $pg.host $pg.port $db.name (include "switchboard.postgresqlQuery" $root) | quote }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s%s" $pg.host $pg.port $db.name (include "switchboard.postgresqlQuery" $root) | quote }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $root.Values.kafka.bootstrapServers | quote }}
{{- if ne $root.Values.kafka.securityProtocol "PLAINTEXT" }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $root.Values.kafka.securityProtocol | quote }}
{{- end }}
{{- if eq (include "switchboard.kafkaSasl" $root) "true" }}
{{- $sasl := $root.Values.kafka.sasl }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $sasl.mechanism "PLAIN") }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $sasl.mechanism | quote }}
# Not KAFKA_*: Quarkus would pass them on to the Kafka client as unknown settings.
- name: SWITCHBOARD_KAFKA_SASL_USERNAME
  value: {{ $sasl.username | quote }}
- name: SWITCHBOARD_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- include "switchboard.kafkaSaslSecretRef" $root | nindent 6 }}
# $(VAR) is expanded by the kubelet from the variables above.
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(SWITCHBOARD_KAFKA_SASL_USERNAME)\" password=\"$(SWITCHBOARD_KAFKA_SASL_PASSWORD)\";" $module | quote }}
{{- end }}
{{- if $root.Values.kafka.tls.caSecret }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/switchboard/kafka-ca/ca.crt
{{- end }}
- name: QUARKUS_OIDC_AUTH_SERVER_URL
  value: {{ $root.Values.oidc.authServerUrl | quote }}
{{- $behindIngress := and $root.Values.ingress.enabled (or (eq .s.name "agent-gateway") (and (eq .s.name "mention-service") $root.Values.ingress.public.enabled)) }}
{{- if $behindIngress }}
# Behind the ingress controller: the client's address (rate limits) and the public scheme and
# host (OIDC redirect URIs, links) come from its X-Forwarded-* headers. Only the ingress
# controller can reach these pods (NetworkPolicy).
- name: QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING
  value: "true"
- name: QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST
  value: "true"
{{- end }}
{{- if eq .s.name "agent-gateway" }}
{{- if and $behindIngress $root.Values.ingress.app.tlsSecretName }}
- name: QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE
  value: "true"
{{- end }}
- name: QUARKUS_OIDC_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      {{- include "switchboard.oidcSecretRef" $root | nindent 6 }}
{{- /* The gateway calls the others over REST: rest-client config keys are the services' names. */}}
{{- range $other := include "switchboard.services" $root | fromYamlArray }}
{{- if ne $other.name "agent-gateway" }}
- name: {{ printf "QUARKUS_REST_CLIENT_%s_URL" ($other.name | upper | replace "-" "_") }}
  value: {{ printf "http://%s:%v" $other.fullname (index $root.Values $other.key).service.port | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .s.name "mention-service" }}
{{- if and $root.Values.ingress.enabled $root.Values.ingress.public.enabled $root.Values.ingress.public.host }}
- name: SWITCHBOARD_ASK_PUBLIC_URL
  value: {{ printf "%s://%s" (ternary "https" "http" (not (empty $root.Values.ingress.public.tlsSecretName))) $root.Values.ingress.public.host | quote }}
{{- end }}
{{- if $root.Values.privacy.identityKeySecret }}
- name: SWITCHBOARD_PRIVACY_IDENTITY_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.privacy.identityKeySecret }}
      key: {{ $root.Values.privacy.identityKeySecretKey }}
{{- end }}
{{- range $name, $value := $root.Values.channels.env }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- /* Settings of one service (values' "Service settings"): its own configuration keys, as environment variables. */}}
{{- if eq .s.name "ticket-service" }}
- name: MP_MESSAGING_INCOMING_MENTIONS_CONCURRENCY
  value: {{ $root.Values.ticketing.mentionsConcurrency | quote }}
{{- end }}
{{- if eq .s.name "routing-service" }}
- name: ROUTING_DECISION_LOG_RETENTION
  value: {{ $root.Values.routing.decisionLog.retention | quote }}
{{- end }}
{{- with .svc.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
