package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// E-mail and webhooks: the notification subgraph's keys, its local-development switches, and the public paths.

const notificationDeployment = "kind: Deployment\nmetadata:\n  name: cycube-notification"

// withoutEnv removes the env entry name (and its valueFrom) from a rendered Deployment.
func withoutEnv(y, name string) string {
	i := strings.Index(y, "            - name: "+name+"\n")
	if i < 0 {
		return y
	}
	rest := y[i+len("            - name: "+name+"\n"):]
	j := strings.Index(rest, "            - name: ")
	if k := strings.Index(rest, "          # Probes"); j < 0 || (k >= 0 && k < j) {
		j = k
	}
	return y[:i] + rest[j:]
}

// withEnv adds an env entry after SERVER_PORT.
func withEnv(y, name, value string) string {
	return strings.Replace(y, "            - name: SERVER_PORT\n", "            - name: "+name+"\n              value: "+value+"\n            - name: SERVER_PORT\n", 1)
}

func TestTheUnsubscribeKeyAsALiteralIsAFinding(t *testing.T) {
	mutate(t, notificationDeployment, func(y string) string {
		return withEnv(withoutEnv(y, "CYCUBE_NOTIFICATION_MAIL_UNSUBSCRIBE_KEY"), "CYCUBE_NOTIFICATION_MAIL_UNSUBSCRIBE_KEY", `"0123456789abcdef0123456789abcdef"`)
	}, "CYCUBE_NOTIFICATION_MAIL_UNSUBSCRIBE_KEY must come from a Secret")
}

func TestAMissingWebhookSecretKeyIsAFinding(t *testing.T) {
	mutate(t, notificationDeployment, func(y string) string {
		return withoutEnv(y, "CYCUBE_NOTIFICATION_WEBHOOKS_SECRET_KEY")
	}, "CYCUBE_NOTIFICATION_WEBHOOKS_SECRET_KEY is missing")
}

func TestAnOptionalWebhookSecretKeyIsAFinding(t *testing.T) {
	mutate(t, notificationDeployment, func(y string) string {
		return strings.Replace(y, "key: webhooks-secret-key\n", "key: webhooks-secret-key\n                  optional: true\n", 1)
	}, "CYCUBE_NOTIFICATION_WEBHOOKS_SECRET_KEY must come from a Secret that is not optional")
}

func TestAllowingPrivateWebhookAddressesIsAFinding(t *testing.T) {
	mutate(t, notificationDeployment, func(y string) string {
		return withEnv(y, "CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", `"true"`)
	}, "turns on cycube.notification.webhooks.allow-private-addresses")
}

func TestAllowingPrivateWebhookAddressesThroughJavaOptionsIsAFinding(t *testing.T) {
	mutate(t, notificationDeployment, func(y string) string {
		return strings.Replace(y, `value: "-XX:MaxRAMPercentage=75`, `value: "-Dcycube.notification.webhooks.allow-private-addresses=true -XX:MaxRAMPercentage=75`, 1)
	}, "JAVA_TOOL_OPTIONS turns on allow-private-addresses")
}

func TestDevelopmentModeIsAFinding(t *testing.T) {
	mutate(t, notificationDeployment, func(y string) string {
		return withEnv(y, "CYCUBE_DEV_MODE", `"TRUE"`)
	}, "turns on cycube.dev-mode")
}

func TestSwitchesLeftOffAreNoFinding(t *testing.T) {
	for name, value := range map[string]string{
		"CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES": "false",
		"CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_HTTP":              "False",
		"JAVA_TOOL_OPTIONS":                                    "-Dcycube.notification.webhooks.allow-private-addresses=false",
		"SPRING_APPLICATION_JSON":                              `{"cycube": {"dev-mode": false}}`,
		"CYCUBE_DEMO_DATA_ENABLED":                             "true",
	} {
		if on := localDevelopmentSwitch(name, value, false); on != "" {
			t.Errorf("%s=%s: %s", name, value, on)
		}
	}
	if on := localDevelopmentSwitch("SPRING_APPLICATION_JSON", `{"cycube":{"notification":{"webhooks":{"allow-private-addresses":true}}}}`, false); on == "" {
		t.Error("SPRING_APPLICATION_JSON turning the SSRF guard off is not noticed")
	}
	if on := localDevelopmentSwitch("CYCUBE_NOTIFICATION_WEBHOOKS_ALLOWPRIVATEADDRESSES", "", true); on == "" {
		t.Error("the switch from a Secret (unreadable here) is not noticed")
	}
}

func TestTheProductionIngressRoutesGraphqlAndUnsubscribe(t *testing.T) {
	report := CheckManifests(renderProduction(t), productionExpectations())
	for _, finding := range report.Findings {
		t.Error(finding)
	}
	objects := renderProduction(t)
	var ingress string
	for _, o := range objects {
		if strings.Contains(o.YAML, "kind: Ingress\n") {
			ingress = o.YAML
		}
	}
	for _, want := range []string{"path: /graphql\n            pathType: Exact", "path: /unsubscribe/\n            pathType: Prefix", "name: cycube-notification"} {
		if !strings.Contains(ingress, want) {
			t.Errorf("the Ingress lacks %q:\n%s", want, ingress)
		}
	}
}

func TestAnIngressPathBeyondGraphqlAndUnsubscribeIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: Ingress\n", func(y string) string {
		return strings.Replace(y, "          - path: /graphql\n            pathType: Exact\n",
			"          - path: /metrics\n            pathType: Prefix\n            backend:\n              service:\n                name: cycube-router\n                port:\n                  name: http\n          - path: /graphql\n            pathType: Exact\n", 1)
	}, `routes Prefix "/metrics": only /graphql`)
}

func TestAnIngressToASubgraphsGraphqlIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: Ingress\n", func(y string) string {
		return strings.Replace(y, "path: /unsubscribe/\n            pathType: Prefix", "path: /graphql\n            pathType: Prefix", 1)
	}, `routes Prefix "/graphql"`)
}

func TestAnIngressWithoutTheUnsubscribePathIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: Ingress\n", func(y string) string {
		i := strings.Index(y, "          # one-click unsubscribe")
		return y[:i]
	}, "does not route /unsubscribe/ to the notification subgraph")
}

func TestUnsubscribeToAnotherSubgraphIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: Ingress\n", func(y string) string {
		return strings.Replace(y, "name: cycube-notification", "name: cycube-identity", 1)
	}, `/unsubscribe/ goes to "identity"`)
}

func TestNotificationOpenToAnotherNamespaceIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: NetworkPolicy\nmetadata:\n  name: cycube-notification", func(y string) string {
		return strings.Replace(y, "kubernetes.io/metadata.name: ingress-nginx", "kubernetes.io/metadata.name: default", 1)
	}, "port 8080 admits a peer that is not the router's pods")
}

func TestUnsubscribeRoutedButNotAdmittedIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: NetworkPolicy\nmetadata:\n  name: cycube-notification", func(y string) string {
		rule := "    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ingress-nginx\n      ports:\n        - protocol: TCP\n          port: 8080\n"
		return strings.Replace(y, rule, "", 1)
	}, "no NetworkPolicy admits the router's public peer 1")
}

func TestAnotherSubgraphOpenToTheIngressControllerIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: NetworkPolicy\nmetadata:\n  name: cycube-catalog", func(y string) string {
		return strings.Replace(y, "      ports:\n        - protocol: TCP\n          port: 8080\n",
			"      ports:\n        - protocol: TCP\n          port: 8080\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ingress-nginx\n      ports:\n        - protocol: TCP\n          port: 8080\n", 1)
	}, "(catalog): port 8080 admits a peer that is not the router's pods")
}

func TestTheChartRefusesAnIngressWithoutAllowedFrom(t *testing.T) {
	root := repositoryRoot(t)
	_, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"),
		[]string{filepath.Join(root, "deploy", "helm", "production-values.example.yaml")},
		map[string]any{"router": map[string]any{"supergraph": "type Query { a: Int }", "allowedFrom": []any{}}})
	if err == nil || !strings.Contains(err.Error(), "router.allowedFrom is empty") {
		t.Errorf("want the chart to fail on an empty router.allowedFrom, got %v", err)
	}
}

func TestComposeWithoutTheNotificationKeysDoesNotLoad(t *testing.T) {
	for _, name := range []string{"CYCUBE_NOTIFICATION_MAIL_UNSUBSCRIBE_KEY", "CYCUBE_NOTIFICATION_WEBHOOKS_SECRET_KEY", "SMTP_HOST"} {
		requireComposeVariable(t, name)
	}
}

func TestComposePublishesUnsubscribeOnTheLoopbackOnly(t *testing.T) {
	project, err := LoadCompose(repositoryRoot(t), standInEnv())
	if err != nil {
		t.Fatal(err)
	}
	notification, err := project.GetService("notification")
	if err != nil {
		t.Fatal(err)
	}
	if len(notification.Ports) != 1 || notification.Ports[0].HostIP != "127.0.0.1" || notification.Ports[0].Target != 8080 ||
		notification.Ports[0].Published != "4007" {
		t.Errorf("notification's ports: %+v, want only 127.0.0.1:4007:8080", notification.Ports)
	}
	want := map[string]string{"SMTP_PORT": "587", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED": "true",
		"CYCUBE_NOTIFICATION_PUBLIC_URL": "http://localhost:4007", "CYCUBE_CONSOLE_URL": "https://app.example.com"}
	for name, value := range want {
		if v := notification.Environment[name]; v == nil || *v != value {
			t.Errorf("notification: %s is %v, want %q", name, v, value)
		}
	}
	for _, name := range []string{"CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "CYCUBE_NOTIFICATION_WEBHOOKS_ALLOW_HTTP", "CYCUBE_DEV_MODE"} {
		if _, set := notification.Environment[name]; set {
			t.Errorf("notification: %s is set", name)
		}
	}
}
