{{/*
Rules values.schema.json cannot express (they relate several values). Every broken rule is
reported at once, before anything is deployed. Called from NOTES.txt and validate.yaml.
*/}}
{{- define "switchboard.validateValues" -}}
{{- $errors := list -}}
{{- range $s := include "switchboard.services" . | fromYamlArray -}}
{{- $svc := index $.Values $s.key -}}
{{- $as := $svc.autoscaling -}}

{{- /* A consumer never runs more replicas than the partitions of a topic it scales on: the extra ones would idle. */ -}}
{{- range $topic := $as.topics -}}
{{- $t := index $.Values.kafka.topics $topic -}}
{{- if not $t -}}
{{- $errors = append $errors (printf "%s.autoscaling.topics: topic %q has no partition count in kafka.topics" $s.key $topic) -}}
{{- else -}}
{{- $most := ternary $as.maxReplicas $svc.replicaCount $as.enabled -}}
{{- $what := ternary "autoscaling.maxReplicas" "replicaCount" $as.enabled -}}
{{- if gt (int $most) (int $t.partitions) -}}
{{- $errors = append $errors (printf "%s.%s=%d is above the %d partitions of topic %q it consumes: the extra replicas would idle (add partitions first, then raise it)" $s.key $what (int $most) (int $t.partitions) $topic) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- if and $as.enabled (gt (int $as.minReplicas) (int $as.maxReplicas)) -}}
{{- $errors = append $errors (printf "%s.autoscaling.minReplicas=%d is above maxReplicas=%d" $s.key (int $as.minReplicas) (int $as.maxReplicas)) -}}
{{- end -}}
{{- if and $as.topics (not $as.consumerGroup) -}}
{{- $errors = append $errors (printf "%s.autoscaling.consumerGroup is required when autoscaling.topics is set" $s.key) -}}
{{- end -}}

{{- /* The pod must have time to sleep through endpoint removal and drain before SIGKILL. */ -}}
{{- $drain := add (int $svc.preStopSleepSeconds) (include "switchboard.durationSeconds" $svc.shutdownTimeout | int) -}}
{{- if ge (int $drain) (int $svc.terminationGracePeriodSeconds) -}}
{{- $errors = append $errors (printf "%s: preStopSleepSeconds + shutdownTimeout = %ds must be less than terminationGracePeriodSeconds=%d, or in-flight work is killed" $s.key (int $drain) (int $svc.terminationGracePeriodSeconds)) -}}
{{- end -}}

{{- if and $svc.pdb.enabled (ge (int $svc.pdb.maxUnavailable) (int (ternary $as.minReplicas $svc.replicaCount $as.enabled))) (gt (int (ternary $as.minReplicas $svc.replicaCount $as.enabled)) 1) -}}
{{- $errors = append $errors (printf "%s.pdb.maxUnavailable=%d lets every replica go at once" $s.key (int $svc.pdb.maxUnavailable)) -}}
{{- end -}}

{{- if not (or $svc.database.password $svc.database.existingSecret) -}}
{{- $errors = append $errors (printf "%s.database: set existingSecret (or password)" $s.key) -}}
{{- end -}}
{{- end -}}

{{- if eq (include "switchboard.kafkaSasl" .) "true" -}}
{{- if not .Values.kafka.sasl.username -}}
{{- $errors = append $errors (printf "kafka.sasl.username is required with kafka.securityProtocol=%s" .Values.kafka.securityProtocol) -}}
{{- end -}}
{{- if not (or .Values.kafka.sasl.password .Values.kafka.sasl.existingSecret) -}}
{{- $errors = append $errors (printf "kafka.sasl.existingSecret (or password) is required with kafka.securityProtocol=%s" .Values.kafka.securityProtocol) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.kafka.tls.caSecret (ne (include "switchboard.kafkaTls" .) "true") -}}
{{- $errors = append $errors (printf "kafka.tls.caSecret is set but kafka.securityProtocol=%s does not use TLS" .Values.kafka.securityProtocol) -}}
{{- end -}}

{{- /* Like replicas, consumers in one pod beyond the topic's partitions would idle. */ -}}
{{- $mentions := .Values.kafka.topics.mentions -}}
{{- if and .Values.ticketService.enabled $mentions (gt (int .Values.ticketing.mentionsConcurrency) (int $mentions.partitions)) -}}
{{- $errors = append $errors (printf "ticketing.mentionsConcurrency=%d is above the %d partitions of topic \"mentions\": the extra consumers would idle" (int .Values.ticketing.mentionsConcurrency) (int $mentions.partitions)) -}}
{{- end -}}

{{- if .Values.agentGateway.enabled -}}
{{- if not (or .Values.oidc.gateway.clientSecret .Values.oidc.gateway.existingSecret) -}}
{{- $errors = append $errors "oidc.gateway: set existingSecret (or clientSecret) for agent-gateway's OIDC client" -}}
{{- end -}}
{{- end -}}

{{- if .Values.ingress.enabled -}}
{{- if and .Values.agentGateway.enabled (not .Values.ingress.app.host) -}}
{{- $errors = append $errors "ingress.app.host is required when the ingress is enabled" -}}
{{- end -}}
{{- if and .Values.mentionService.enabled .Values.ingress.public.enabled (not .Values.ingress.public.host) -}}
{{- $errors = append $errors "ingress.public.host is required when the public ingress is enabled" -}}
{{- end -}}
{{- end -}}

{{- if $errors -}}
{{- fail (printf "\n\nVALUES VALIDATION:\n  - %s\n" (join "\n  - " $errors)) -}}
{{- end -}}
{{- end -}}

{{/* "30s", "2m", "1m30s", "PT30S" or "500ms" as whole seconds (rounded up). */}}
{{- define "switchboard.durationSeconds" -}}
{{- $d := . | toString | lower | trimPrefix "pt" -}}
{{- $total := 0 -}}
{{- range $part := regexFindAll "[0-9]+(ms|h|m|s)" $d -1 -}}
{{- $n := regexFind "[0-9]+" $part | int -}}
{{- if hasSuffix "ms" $part -}}{{- $total = add $total (div (add $n 999) 1000) -}}
{{- else if hasSuffix "h" $part -}}{{- $total = add $total (mul $n 3600) -}}
{{- else if hasSuffix "m" $part -}}{{- $total = add $total (mul $n 60) -}}
{{- else -}}{{- $total = add $total $n -}}
{{- end -}}
{{- end -}}
{{- $total -}}
{{- end -}}
