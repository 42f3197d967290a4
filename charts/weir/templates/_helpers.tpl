{{/* The release's resource names. */}}
{{- define "weir.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* weir.application-id: the value set, or the release name. */}}
{{- define "weir.applicationId" -}}
{{- default .Release.Name .Values.weir.applicationId -}}
{{- end -}}

{{/* The headless service that gives each instance a stable address for state queries. */}}
{{- define "weir.headlessName" -}}
{{- printf "%s-instances" (include "weir.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "weir.selectorLabels" -}}
app.kubernetes.io/name: weir
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "weir.labels" -}}
{{ include "weir.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
weir.dev/application-id: {{ include "weir.applicationId" . }}
{{- end -}}
