package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The audit subgraph (ADR 0022): deployed like every subgraph of schema/subgraphs.json, with its checkpoint key from a
// Secret in the chart and from a required variable in compose.

const auditDeployment = "kind: Deployment\nmetadata:\n  name: cycube-audit"

// The test's list of subgraphs is schema/subgraphs.json's: a subgraph added there is checked by these tests too.
func TestExpectationsListEverySubgraph(t *testing.T) {
	names, err := subgraphNames(filepath.Join(repositoryRoot(t), "schema", "subgraphs.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(expectations().Subgraphs, ","); got != strings.Join(names, ",") {
		t.Errorf("expectations() lists %s, schema/subgraphs.json %s", got, strings.Join(names, ","))
	}
}

func TestTheAuditSubgraphIsDeployedWithItsKeyFromASecret(t *testing.T) {
	for name, objects := range map[string][]Rendered{"default": renderDefault(t), "production": renderProduction(t)} {
		var deployment string
		for _, o := range objects {
			if strings.Contains(o.YAML, auditDeployment+"\n") {
				deployment = o.YAML
			}
		}
		for _, want := range []string{
			"- name: CYCUBE_AUDIT_CHECKPOINT_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: cycube-audit\n                  key: checkpoint-key\n",
			"/cycube-audit?replicaSet=",
		} {
			if !strings.Contains(deployment, want) {
				t.Errorf("%s: the audit Deployment lacks %q:\n%s", name, want, deployment)
			}
		}
		if !regexp.MustCompile(`image: "([^"]+/)?cycube-audit:[^"]+"`).MatchString(deployment) {
			t.Errorf("%s: the audit Deployment does not run the image cycube-audit", name)
		}
		if strings.Contains(deployment, "CYCUBE_DEV_MODE") {
			t.Errorf("%s: the audit Deployment sets CYCUBE_DEV_MODE", name)
		}
	}
}

func TestAMissingCheckpointKeyIsAFinding(t *testing.T) {
	mutate(t, auditDeployment, func(y string) string {
		return withoutEnv(y, "CYCUBE_AUDIT_CHECKPOINT_KEY")
	}, "Deployment/cycube-audit: CYCUBE_AUDIT_CHECKPOINT_KEY is missing")
}

func TestTheCheckpointKeyAsALiteralIsAFinding(t *testing.T) {
	mutateProduction(t, auditDeployment, func(y string) string {
		return withEnv(withoutEnv(y, "CYCUBE_AUDIT_CHECKPOINT_KEY"), "CYCUBE_AUDIT_CHECKPOINT_KEY", `"0123456789abcdef0123456789abcdef"`)
	}, "CYCUBE_AUDIT_CHECKPOINT_KEY must come from a Secret (secretKeyRef), not a literal value")
}

func TestAnOptionalCheckpointKeyIsAFinding(t *testing.T) {
	mutate(t, auditDeployment, func(y string) string {
		return strings.Replace(y, "key: checkpoint-key\n", "key: checkpoint-key\n                  optional: true\n", 1)
	}, "CYCUBE_AUDIT_CHECKPOINT_KEY must come from a Secret that is not optional")
}

func TestAuditInDevelopmentModeIsAFinding(t *testing.T) {
	mutate(t, auditDeployment, func(y string) string {
		return withEnv(y, "CYCUBE_DEV_MODE", `"true"`)
	}, "turns on cycube.dev-mode")
}

func TestTheRouterWithoutAuditURLIsAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-router", func(y string) string {
		return withoutEnv(y, "AUDIT_URL")
	}, `router: AUDIT_URL is ""`)
}

func TestAnUndeployedAuditSubgraphIsAFinding(t *testing.T) {
	root := repositoryRoot(t)
	objects, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"), nil,
		map[string]any{"router": map[string]any{"supergraph": "type Query { a: Int }"},
			"subgraphs": map[string]any{"audit": map[string]any{"enabled": false}}})
	if err != nil {
		t.Fatal(err)
	}
	if report := CheckManifests(objects, expectations()); !containsFinding(report, "no Deployment for audit") {
		t.Errorf("findings: %q", report.Findings)
	}
}

func TestComposeWithoutTheCheckpointKeyDoesNotLoad(t *testing.T) {
	requireComposeVariable(t, "CYCUBE_AUDIT_CHECKPOINT_KEY")
}

func TestComposeRunsAuditLikeTheOtherSubgraphs(t *testing.T) {
	project, err := LoadCompose(repositoryRoot(t), standInEnv())
	if err != nil {
		t.Fatal(err)
	}
	audit, err := project.GetService("audit")
	if err != nil {
		t.Fatal(err)
	}
	if audit.Build == nil || audit.Build.Args["MODULE"] == nil || *audit.Build.Args["MODULE"] != "audit" || audit.Image != "cycube-audit:0.1.0-SNAPSHOT" {
		t.Errorf("audit: build %+v, image %q; want MODULE audit, image cycube-audit", audit.Build, audit.Image)
	}
	if len(audit.Ports) > 0 {
		t.Errorf("audit: published on the host: %+v", audit.Ports)
	}
	want := map[string]string{"CYCUBE_AUDIT_CHECKPOINT_KEY": standInEnv()["CYCUBE_AUDIT_CHECKPOINT_KEY"], "CYCUBE_AUDIT_RETENTION": "400d"}
	for name, value := range want {
		if v := audit.Environment[name]; v == nil || *v != value {
			t.Errorf("audit: %s is %v, want %q", name, v, value)
		}
	}
	if _, set := audit.Environment["CYCUBE_DEV_MODE"]; set {
		t.Error("audit: CYCUBE_DEV_MODE is set")
	}
	if report := CheckCompose(repositoryRoot(t), []string{"audit"}); len(report.Findings) > 0 {
		t.Errorf("findings: %q", report.Findings)
	}
}

// A compose file whose router forgets a subgraph, or whose MongoDB user has no access to its database, is a finding.
func TestComposeMissingAuditInTheRouterOrTheMongoUserIsAFinding(t *testing.T) {
	root := repositoryRoot(t)
	copyRepository := func(t *testing.T, edit map[string]func(string) string) string {
		t.Helper()
		dir := t.TempDir()
		for _, rel := range []string{"compose.yaml", "deploy/mongo/create-app-user.js", "deploy/otel/collector.yaml"} {
			data, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			if f := edit[rel]; f != nil {
				edited := f(text)
				if edited == text {
					t.Fatalf("the edit changed nothing in %s", rel)
				}
				text = edited
			}
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	cases := map[string]struct {
		edit map[string]func(string) string
		want string
	}{
		"router URL": {map[string]func(string) string{"compose.yaml": func(s string) string {
			return strings.Replace(s, "      AUDIT_URL: http://audit:8080/graphql\n", "", 1)
		}}, "router: AUDIT_URL must be http://audit:8080/graphql"},
		"router depends_on": {map[string]func(string) string{"compose.yaml": func(s string) string {
			return strings.Replace(s, "      audit:\n        condition: service_healthy\n", "", 1)
		}}, "router: depends_on must wait for audit"},
		"mongo user": {map[string]func(string) string{"deploy/mongo/create-app-user.js": func(s string) string {
			return strings.Replace(s, "'audit', ", "", 1)
		}}, "no readWrite on cycube-audit"},
		"key not from its variable": {map[string]func(string) string{"compose.yaml": func(s string) string {
			return strings.Replace(s, "CYCUBE_AUDIT_CHECKPOINT_KEY: ${CYCUBE_AUDIT_CHECKPOINT_KEY:?", "CYCUBE_AUDIT_CHECKPOINT_KEY: ${CERTIFICATE_SIGNING_KEY:?", 1)
		}}, "audit: CYCUBE_AUDIT_CHECKPOINT_KEY must be the required variable ${CYCUBE_AUDIT_CHECKPOINT_KEY:?...}"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if report := CheckCompose(copyRepository(t, c.edit), []string{"audit"}); !containsFinding(report, c.want) {
				t.Errorf("no finding containing %q; findings: %q", c.want, report.Findings)
			}
		})
	}
}

func TestPrometheusWithoutTheAuditTargetIsAFinding(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repositoryRoot(t), "deploy", "prometheus", "prometheus.yml"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "          - audit:9090\n", "", 1)
	if edited == string(data) {
		t.Fatal("no audit target to remove")
	}
	path := filepath.Join(t.TempDir(), "prometheus.yml")
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if report := CheckPrometheusConfig(path, expectations().Subgraphs); !containsFinding(report, "no scrape target audit:9090") {
		t.Errorf("findings: %q", report.Findings)
	}
}
