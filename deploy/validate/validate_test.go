package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	slog.SetLogLoggerLevel(slog.LevelWarn)
	os.Exit(m.Run())
}

func repositoryRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// The repository as it is passes every check.
func TestRepositoryPassesEveryCheck(t *testing.T) {
	report := ValidateRepository(repositoryRoot(t))
	for _, finding := range report.Findings {
		t.Error(finding)
	}
	if len(report.Checked) < 10 {
		t.Errorf("only %d checks ran", len(report.Checked))
	}
}

// renderDefault renders the real chart with its default values.
func renderDefault(t *testing.T) []Rendered {
	t.Helper()
	root := repositoryRoot(t)
	objects, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"), nil,
		map[string]any{"router": map[string]any{"supergraph": "type Query { a: Int }"}})
	if err != nil {
		t.Fatal(err)
	}
	return objects
}

func expectations() Expectations {
	return Expectations{Subgraphs: []string{"identity", "catalog", "training", "assessment", "labs", "analytics", "notification", "audit"},
		RouterConfig: mustRead(filepath.Join("..", "..", "router", "router.config.prod.yaml")),
		Realm:        mustRead(filepath.Join("..", "..", "keycloak", "cycube-realm.json")),
		Supergraph:   "type Query { a: Int }", Web: true}
}

// renderProduction renders the real chart with the production-like example (Ingress on, router.allowedFrom set).
func renderProduction(t *testing.T) []Rendered {
	t.Helper()
	root := repositoryRoot(t)
	objects, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"),
		[]string{filepath.Join(root, "deploy", "helm", "production-values.example.yaml")},
		map[string]any{"router": map[string]any{"supergraph": "type Query { a: Int }"}})
	if err != nil {
		t.Fatal(err)
	}
	return objects
}

func productionExpectations() Expectations {
	want := expectations()
	want.ExpectIngress, want.ExpectMonitors, want.ExpectPDBs = true, true, true
	return want
}

// mutate changes the first rendered object whose YAML contains marker, with edit, and checks the findings.
func mutate(t *testing.T, marker string, edit func(string) string, wantFinding string) {
	t.Helper()
	mutateRendering(t, renderDefault(t), expectations(), marker, edit, wantFinding)
}

// mutateProduction: mutate on the rendering with the production-like example.
func mutateProduction(t *testing.T, marker string, edit func(string) string, wantFinding string) {
	t.Helper()
	mutateRendering(t, renderProduction(t), productionExpectations(), marker, edit, wantFinding)
}

func mutateRendering(t *testing.T, objects []Rendered, want Expectations, marker string, edit func(string) string, wantFinding string) {
	t.Helper()
	clean := CheckManifests(objects, want)
	for _, finding := range clean.Findings {
		t.Fatalf("the unchanged chart already has a finding: %s", finding)
	}
	changed := false
	for i, object := range objects {
		if strings.Contains(object.YAML, marker) {
			edited := edit(object.YAML)
			if edited == object.YAML {
				t.Fatalf("the edit changed nothing in\n%s", object.YAML)
			}
			objects[i].YAML = edited
			changed = true
			break
		}
	}
	if !changed {
		t.Fatalf("no rendered object contains %q", marker)
	}
	report := CheckManifests(objects, want)
	for _, finding := range report.Findings {
		if strings.Contains(finding, wantFinding) {
			return
		}
	}
	t.Errorf("no finding containing %q; findings: %q", wantFinding, report.Findings)
}

func TestAnUnknownFieldIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-catalog", func(y string) string {
		return strings.Replace(y, "      containers:\n", "      containerz: []\n      containers:\n", 1)
	}, `strict decoding error: unknown field "spec.template.spec.containerz"`)
}

func TestAWrongTypeIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-catalog", func(y string) string {
		return strings.Replace(y, "revisionHistoryLimit: 5", `revisionHistoryLimit: "five"`, 1)
	}, "does not decode strictly")
}

func TestAMissingReadinessProbeIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-labs", func(y string) string {
		i := strings.Index(y, "          readinessProbe:")
		j := strings.Index(y, "          lifecycle:")
		return y[:i] + y[j:]
	}, "container labs: no readinessProbe")
}

func TestAProbeOnThePublicPortIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-labs", func(y string) string {
		return strings.Replace(y, "path: /actuator/health/liveness\n              port: management", "path: /actuator/health/liveness\n              port: http", 2)
	}, "must ask the management port 9090")
}

func TestMissingResourcesAreAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-training", func(y string) string {
		return strings.Replace(y, "memory: 768Mi", "ephemeral-storage: 1Gi", 1)
	}, "container training: no memory limit")
}

func TestAServiceSelectingNoPodsIsAFinding(t *testing.T) {
	mutate(t, "kind: Service\nmetadata:\n  name: cycube-assessment", func(y string) string {
		return strings.Replace(y, "app.kubernetes.io/component: assessment\n  ports:", "app.kubernetes.io/component: assesment\n  ports:", 1)
	}, "Service/cycube-assessment selects no pods")
}

func TestASubgraphWithoutNetworkPolicyIsAFinding(t *testing.T) {
	mutate(t, "kind: NetworkPolicy\nmetadata:\n  name: cycube-identity", func(y string) string {
		return strings.Replace(y, "      app.kubernetes.io/component: identity\n  policyTypes", "      app.kubernetes.io/component: nobody\n  policyTypes", 1)
	}, "identity: no NetworkPolicy selects its pods")
}

func TestASubgraphOpenToEveryoneIsAFinding(t *testing.T) {
	mutate(t, "kind: NetworkPolicy\nmetadata:\n  name: cycube-catalog", func(y string) string {
		i := strings.Index(y, "    - from:\n        - podSelector:")
		j := strings.Index(y, "      ports:\n        - protocol: TCP\n          port: 8080")
		return y[:i] + "    - ports:\n        - protocol: TCP\n          port: 8080" + y[j+len("      ports:\n        - protocol: TCP\n          port: 8080"):]
	}, "port 8080 is open to everyone")
}

func TestALiteralSecretIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-assessment", func(y string) string {
		i := strings.Index(y, "- name: CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY")
		end := strings.Index(y[i:], "key: certificate-signing-key") + len("key: certificate-signing-key")
		return y[:i] + `- name: CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY
              value: "0123456789abcdef0123456789abcdef"` + y[i+end:]
	}, "CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY is a literal value")
}

func TestAWritableRootFileSystemIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-router", func(y string) string {
		return strings.Replace(y, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", 1)
	}, "readOnlyRootFilesystem must be true")
}

func TestAnAutoscaledDeploymentWithReplicasIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-catalog", func(y string) string {
		return strings.Replace(y, "spec:\n  revisionHistoryLimit", "spec:\n  replicas: 2\n  revisionHistoryLimit", 1)
	}, "also sets replicas")
}

func TestARenderedSecretIsAFinding(t *testing.T) {
	objects := append(renderDefault(t), Rendered{Template: "cycube/templates/secret.yaml",
		YAML: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cycube-oops\nstringData:\n  password: hunter2\n"})
	report := CheckManifests(objects, expectations())
	if !containsFinding(report, "secrets are referenced") {
		t.Errorf("findings: %q", report.Findings)
	}
}

func TestAMisspeltServiceMonitorFieldIsAFinding(t *testing.T) {
	_, err := Decode("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: x\nspec:\n  selector: {}\n  endpoints:\n    - port: management\n      intervall: 30s\n")
	if err == nil || !strings.Contains(err.Error(), "intervall") {
		t.Errorf("want an unknown field error, got %v", err)
	}
}

func TestBrokenAlertRulesAreFindings(t *testing.T) {
	dir := t.TempDir()
	operations := filepath.Join(dir, "operations.md")
	if err := os.WriteFile(operations, []byte("# Operations\n## Runbooks\n### CyCubeSomething\ntext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"unknown field":    "groups:\n- name: g\n  rules:\n  - alert: CyCubeSomething\n    expr: up == 0\n    for: 1m\n    lables: {severity: critical}\n",
		"parse error":      "groups:\n- name: g\n  rules:\n  - alert: CyCubeSomething\n    expr: sum(rate(up[5m])\n    for: 1m\n    labels: {severity: critical}\n    annotations: {summary: s, description: d, runbook_url: docs/operations.md#cycubesomething}\n",
		"no for":           "groups:\n- name: g\n  rules:\n  - alert: CyCubeSomething\n    expr: up == 0\n    labels: {severity: critical}\n    annotations: {summary: s, description: d, runbook_url: docs/operations.md#cycubesomething}\n",
		"runbook anchor":   "groups:\n- name: g\n  rules:\n  - alert: CyCubeSomething\n    expr: up == 0\n    for: 1m\n    labels: {severity: critical}\n    annotations: {summary: s, description: d, runbook_url: docs/operations.md#nowhere}\n",
		"unknown metric":   "groups:\n- name: g\n  rules:\n  - alert: CyCubeSomething\n    expr: cycub_events_parked > 0\n    for: 1m\n    labels: {severity: critical}\n    annotations: {summary: s, description: d, runbook_url: docs/operations.md#cycubesomething}\n",
		"severity missing": "groups:\n- name: g\n  rules:\n  - alert: CyCubeSomething\n    expr: up == 0\n    for: 1m\n    annotations: {summary: s, description: d, runbook_url: docs/operations.md#cycubesomething}\n",
	}
	for name, rules := range cases {
		path := filepath.Join(dir, "alerts.yml")
		if err := os.WriteFile(path, []byte(rules), 0o644); err != nil {
			t.Fatal(err)
		}
		if report := CheckAlertRules(path, operations); len(report.Findings) == 0 {
			t.Errorf("%s: no finding", name)
		}
	}
	good := "groups:\n- name: g\n  rules:\n  - alert: CyCubeSomething\n    expr: up == 0\n    for: 1m\n    labels: {severity: critical}\n    annotations: {summary: s, description: d, runbook_url: docs/operations.md#cycubesomething}\n"
	path := filepath.Join(dir, "alerts.yml")
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if report := CheckAlertRules(path, operations); len(report.Findings) > 0 {
		t.Errorf("a good rule has findings: %q", report.Findings)
	}
}

func TestComposeWithoutARequiredSecretDoesNotLoad(t *testing.T) {
	requireComposeVariable(t, "MONGO_ROOT_PASSWORD")
}

// requireComposeVariable fails the test unless compose.yaml refuses to load without the variable and names it.
func requireComposeVariable(t *testing.T, name string) {
	t.Helper()
	env := standInEnv()
	delete(env, name)
	if _, err := LoadCompose(repositoryRoot(t), env); err == nil || !strings.Contains(err.Error(), name) {
		t.Errorf("want an error naming %s, got %v", name, err)
	}
}

func containsFinding(report Report, text string) bool {
	for _, finding := range report.Findings {
		if strings.Contains(finding, text) {
			return true
		}
	}
	return false
}
