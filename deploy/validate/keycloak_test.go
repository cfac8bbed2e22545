package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sign-ins from Keycloak (ADR 23): audit reads Keycloak's events as cycube-audit-reader, whose secret Keycloak imports
// from the realm placeholder CYCUBE_AUDIT_READER_CLIENT_SECRET; both sides must get one value.

const realmImportJob = "kind: Job\nmetadata:\n  name: cycube-realm-import"

func TestTheAuditDeploymentReadsKeycloakWithTheReaderSecret(t *testing.T) {
	for name, objects := range map[string][]Rendered{"default": renderDefault(t), "production": renderProduction(t)} {
		var deployment string
		for _, o := range objects {
			if strings.Contains(o.YAML, auditDeployment+"\n") {
				deployment = o.YAML
			}
		}
		for _, want := range []string{
			"- name: CYCUBE_AUDIT_KEYCLOAK_BASE_URL\n              value: \"http://keycloak",
			"- name: CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET\n              valueFrom:\n                secretKeyRef:\n                  name: cycube-audit\n                  key: keycloak-reader-client-secret\n",
		} {
			if !strings.Contains(deployment, want) {
				t.Errorf("%s: the audit Deployment lacks %q", name, want)
			}
		}
	}
}

func TestTheRealmImportJobFillsInTheReaderSecret(t *testing.T) {
	var job string
	for _, o := range renderProduction(t) {
		if strings.Contains(o.YAML, realmImportJob) {
			job = o.YAML
		}
	}
	for _, want := range []string{
		" CYCUBE_AUDIT_READER_CLIENT_SECRET ",
		"- name: CYCUBE_AUDIT_READER_CLIENT_SECRET\n              valueFrom:\n                secretKeyRef:\n                  name: cycube-audit\n                  key: keycloak-reader-client-secret\n",
	} {
		if !strings.Contains(job, want) {
			t.Errorf("the realm import Job lacks %q:\n%s", want, job)
		}
	}
}

func TestAMissingReaderSecretIsAFinding(t *testing.T) {
	mutate(t, auditDeployment, func(y string) string {
		return withoutEnv(y, "CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET")
	}, "Deployment/cycube-audit: CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET is missing")
}

func TestAnOptionalReaderSecretIsAFinding(t *testing.T) {
	mutate(t, auditDeployment, func(y string) string {
		return strings.Replace(y, "key: keycloak-reader-client-secret\n", "key: keycloak-reader-client-secret\n                  optional: true\n", 1)
	}, "CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET must come from a Secret that is not optional")
}

func TestAuditWithoutKeycloaksAddressIsAFinding(t *testing.T) {
	mutate(t, auditDeployment, func(y string) string {
		return withoutEnv(y, "CYCUBE_AUDIT_KEYCLOAK_BASE_URL")
	}, "Deployment/cycube-audit: CYCUBE_AUDIT_KEYCLOAK_BASE_URL is missing")
}

func TestAnEmptyKeycloakAddressIsAFinding(t *testing.T) {
	mutate(t, auditDeployment, func(y string) string {
		return strings.Replace(y, "- name: CYCUBE_AUDIT_KEYCLOAK_BASE_URL\n              value: \"http://keycloak.keycloak.svc:8080\"\n",
			"- name: CYCUBE_AUDIT_KEYCLOAK_BASE_URL\n              value: \"\"\n", 1)
	}, `CYCUBE_AUDIT_KEYCLOAK_BASE_URL is "", not an http(s) URL`)
}

func TestAPlaceholderTheJobDoesNotFillInIsAFinding(t *testing.T) {
	mutateProduction(t, realmImportJob, func(y string) string {
		return strings.Replace(y, " CYCUBE_AUDIT_READER_CLIENT_SECRET CYCUBE_WEB_URL", " CYCUBE_WEB_URL", 1)
	}, "the realm's placeholder CYCUBE_AUDIT_READER_CLIENT_SECRET is not in the loop")
}

func TestAPlaceholderMissingFromTheJobsEnvironmentIsAFinding(t *testing.T) {
	mutateProduction(t, realmImportJob, func(y string) string {
		return withoutEnv(y, "CYCUBE_AUDIT_READER_CLIENT_SECRET")
	}, "the realm's placeholder CYCUBE_AUDIT_READER_CLIENT_SECRET is not in its environment")
}

func TestTheJobReadingAnotherSecretKeyThanAuditIsAFinding(t *testing.T) {
	mutateProduction(t, realmImportJob, func(y string) string {
		return strings.Replace(y, "                  name: cycube-audit\n                  key: keycloak-reader-client-secret\n",
			"                  name: cycube-audit\n                  key: reader-secret\n", 1)
	}, "CYCUBE_AUDIT_READER_CLIENT_SECRET must come from the Secret key Deployment/cycube-audit reads as CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET")
}

func TestTheJobWithAnOptionalClientSecretIsAFinding(t *testing.T) {
	mutateProduction(t, realmImportJob, func(y string) string {
		return strings.Replace(y, "key: keycloak-reader-client-secret\n", "key: keycloak-reader-client-secret\n                  optional: true\n", 1)
	}, "CYCUBE_AUDIT_READER_CLIENT_SECRET must come from a Secret that is not optional")
}

func TestTheDevReaderSecretInTheRealmConfigMapIsAFinding(t *testing.T) {
	mutate(t, "cycube-realm.json: |-", func(y string) string {
		return strings.Replace(y, `"${CYCUBE_AUDIT_READER_CLIENT_SECRET}"`, `"audit-reader-dev-secret"`, 1)
	}, "the realm holds the development overlay")
}

func TestComposeWithoutTheReaderSecretDoesNotLoad(t *testing.T) {
	requireComposeVariable(t, "AUDIT_READER_CLIENT_SECRET")
}

func TestComposeGivesKeycloakAndAuditOneReaderSecret(t *testing.T) {
	project, err := LoadCompose(repositoryRoot(t), standInEnv())
	if err != nil {
		t.Fatal(err)
	}
	keycloak, _ := project.GetService("keycloak")
	audit, _ := project.GetService("audit")
	secret := standInEnv()["AUDIT_READER_CLIENT_SECRET"]
	for _, c := range []struct {
		service string
		env     map[string]*string
		name    string
		want    string
	}{
		{"keycloak", keycloak.Environment, "CYCUBE_AUDIT_READER_CLIENT_SECRET", secret},
		{"audit", audit.Environment, "CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET", secret},
		{"audit", audit.Environment, "CYCUBE_AUDIT_KEYCLOAK_BASE_URL", "http://keycloak:8080"},
	} {
		if v := c.env[c.name]; v == nil || *v != c.want {
			t.Errorf("%s: %s is %v, want %q", c.service, c.name, v, c.want)
		}
	}
}

func TestComposeKeycloakWiringMistakesAreFindings(t *testing.T) {
	root := repositoryRoot(t)
	copyRepository := func(t *testing.T, edit func(string) string) string {
		t.Helper()
		dir := t.TempDir()
		for _, rel := range []string{"compose.yaml", "deploy/mongo/create-app-user.js", "deploy/otel/collector.yaml", "keycloak/cycube-realm.json"} {
			data, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			if rel == "compose.yaml" {
				if text = edit(text); text == string(data) {
					t.Fatal("the edit changed nothing in compose.yaml")
				}
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
		edit func(string) string
		want string
	}{
		"placeholder not given to keycloak": {func(s string) string {
			return strings.Replace(s, "      CYCUBE_AUDIT_READER_CLIENT_SECRET: ${AUDIT_READER_CLIENT_SECRET:?set AUDIT_READER_CLIENT_SECRET}\n", "", 1)
		}, "keycloak: CYCUBE_AUDIT_READER_CLIENT_SECRET (a placeholder of keycloak/cycube-realm.json) is not in its environment"},
		"placeholder with a default": {func(s string) string {
			return strings.Replace(s, "CYCUBE_AUDIT_READER_CLIENT_SECRET: ${AUDIT_READER_CLIENT_SECRET:?set AUDIT_READER_CLIENT_SECRET}",
				"CYCUBE_AUDIT_READER_CLIENT_SECRET: ${AUDIT_READER_CLIENT_SECRET:-changeme}", 1)
		}, "keycloak: CYCUBE_AUDIT_READER_CLIENT_SECRET must be the required variable ${AUDIT_READER_CLIENT_SECRET:?...}"},
		"audit with another secret": {func(s string) string {
			return strings.Replace(s, "CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET: ${AUDIT_READER_CLIENT_SECRET:?",
				"CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET: ${IDENTITY_ADMIN_CLIENT_SECRET:?", 1)
		}, "audit: CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET must be the value keycloak imports as CYCUBE_AUDIT_READER_CLIENT_SECRET"},
		"audit's secret with a default": {func(s string) string {
			return strings.Replace(s, "CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET: ${AUDIT_READER_CLIENT_SECRET:?set AUDIT_READER_CLIENT_SECRET}",
				"CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET: ${AUDIT_READER_CLIENT_SECRET:-changeme}", 1)
		}, "audit: CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET must be the required variable ${AUDIT_READER_CLIENT_SECRET:?...}"},
		"audit without Keycloak's address": {func(s string) string {
			return strings.Replace(s, "      CYCUBE_AUDIT_KEYCLOAK_BASE_URL: http://keycloak:8080\n", "", 1)
		}, "audit: CYCUBE_AUDIT_KEYCLOAK_BASE_URL must be http://keycloak:8080"},
		"identity with the reader's secret": {func(s string) string {
			return strings.Replace(s, "CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET: ${IDENTITY_ADMIN_CLIENT_SECRET:?",
				"CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET: ${AUDIT_READER_CLIENT_SECRET:?", 1)
		}, "identity: CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET must be"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if report := CheckCompose(copyRepository(t, c.edit), []string{"identity", "audit"}); !containsFinding(report, c.want) {
				t.Errorf("no finding containing %q; findings: %q", c.want, report.Findings)
			}
		})
	}
	if report := CheckCompose(copyRepository(t, func(s string) string { return s + "\n" }), []string{"identity", "audit"}); len(report.Findings) > 0 {
		t.Errorf("the unchanged compose.yaml has findings: %q", report.Findings)
	}
}

func TestTheSignInAlertsAreInTheRules(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repositoryRoot(t), "deploy", "prometheus", "alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"expr: max by (service, stream) (cycube_audit_keycloak_lag_seconds) > 3600\n        for: 15m\n        labels:\n          severity: warning\n",
		"expr: max by (service, stream) (cycube_audit_keycloak_lag_seconds) > 172800\n        for: 15m\n        labels:\n          severity: critical\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("alerts.yml lacks %q", want)
		}
	}
}
