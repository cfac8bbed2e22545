{{/* The release's name prefix: "cycube" for a release named cycube, else "<release>-cycube". */}}
{{- define "cycube.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one component (router, identity, ...): dict "root" $ "component" name */}}
{{- define "cycube.componentName" -}}
{{- printf "%s-%s" (include "cycube.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cycube.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* dict "root" $ "component" name "tier" router|subgraph|realm-import */}}
{{- define "cycube.labels" -}}
{{ include "cycube.selectorLabels" . }}
app.kubernetes.io/part-of: cycube
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
cycube.io/tier: {{ .tier }}
{{- end -}}

{{/* The container securityContext every CyCube container gets. */}}
{{- define "cycube.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
{{- end -}}

{{/* Ingress from the monitoring namespaces to the management port 9090 (NetworkPolicy rule). */}}
{{- define "cycube.monitoringIngress" -}}
- from:
    - namespaceSelector:
        {{- toYaml .Values.monitoring.namespaceSelector | nindent 8 }}
  ports:
    - protocol: TCP
      port: 9090
{{- end -}}

{{/* A subgraph's values: subgraphDefaults merged with its own entry. dict "root" $ "config" entry -> YAML */}}
{{- define "cycube.subgraphValues" -}}
{{- $defaults := deepCopy .root.Values.subgraphDefaults -}}
{{- $own := deepCopy (.config | default dict) -}}
{{- toYaml (mergeOverwrite $defaults $own) -}}
{{- end -}}

{{/* The router's URL of a subgraph, e.g. http://cycube-identity:8080/graphql */}}
{{- define "cycube.subgraphUrl" -}}
{{- printf "http://%s:8080/graphql" (include "cycube.componentName" .) -}}
{{- end -}}

{{/*
  The subgraphs' trusted proxies (values.yaml trustedProxies), comma-separated; empty when none. Refuses to render
  when they are set while the router admits everyone: it passes on the X-Forwarded-For its caller wrote, so only the
  ingress controller may call it.
*/}}
{{- define "cycube.trustedProxies" -}}
{{- if .Values.trustedProxies -}}
{{- if not .Values.router.allowedFrom -}}
{{- fail "trustedProxies is set but router.allowedFrom is empty: the router passes on the X-Forwarded-For its caller wrote, so name the ingress controller in router.allowedFrom (or leave trustedProxies empty)" -}}
{{- end -}}
{{- join "," .Values.trustedProxies -}}
{{- end -}}
{{- end -}}

{{/*
  "true" when the Ingress routes /unsubscribe/ to the notification subgraph: the Ingress is on and notification is
  deployed. Its port 8080 then admits router.allowedFrom (the ingress controller), which must not be empty.
*/}}
{{- define "cycube.unsubscribeRouted" -}}
{{- $notification := index .Values.subgraphs "notification" -}}
{{- if and .Values.router.ingress.enabled (hasKey .Values.subgraphs "notification") -}}
{{- $sg := include "cycube.subgraphValues" (dict "root" . "config" $notification) | fromYaml -}}
{{- if ne (toString $sg.enabled) "false" -}}
{{- if not .Values.router.allowedFrom -}}
{{- fail "router.allowedFrom is empty: with the Ingress on, it must name the ingress controller (e.g. its namespace), which is then admitted to the notification subgraph's port 8080 for /unsubscribe/ too" -}}
{{- end -}}
true
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
  "true" when the Ingress routes / to the web console: the Ingress is on and web.enabled. Its port 8080 then admits
  router.allowedFrom (the ingress controller) only, which must not be empty.
*/}}
{{- define "cycube.webRouted" -}}
{{- if and .Values.router.ingress.enabled .Values.web.enabled -}}
{{- if not .Values.router.allowedFrom -}}
{{- fail "router.allowedFrom is empty: with the Ingress on, it must name the ingress controller (e.g. its namespace), which is then the only peer admitted to the web console's port 8080" -}}
{{- end -}}
true
{{- end -}}
{{- end -}}
