package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// Report collects what was checked and what was wrong.
type Report struct {
	Checked  []string
	Findings []string
}

func (r *Report) check(format string, args ...any) {
	r.Checked = append(r.Checked, fmt.Sprintf(format, args...))
}

func (r *Report) fail(format string, args ...any) {
	r.Findings = append(r.Findings, fmt.Sprintf(format, args...))
}

func (r *Report) merge(prefix string, other Report) {
	for _, c := range other.Checked {
		r.Checked = append(r.Checked, prefix+c)
	}
	for _, f := range other.Findings {
		r.Findings = append(r.Findings, prefix+f)
	}
}

// ValidateRepository runs every check on the repository at root.
func ValidateRepository(root string) Report {
	var report Report
	chartDir := filepath.Join(root, "deploy", "helm", "cycube")
	subgraphs, err := subgraphNames(filepath.Join(root, "schema", "subgraphs.json"))
	if err != nil {
		report.fail("schema/subgraphs.json: %v", err)
	}
	supergraph, err := os.ReadFile(filepath.Join(root, "schema", "supergraph.graphql"))
	if err != nil {
		// a build output of the schema module; the chart only carries it, so any text does for the checks here
		supergraph = []byte("# schema/supergraph.graphql not built yet (./mvnw -pl schema package)\n")
		report.check("schema/supergraph.graphql missing: a placeholder supergraph is rendered")
	}
	renders := []struct {
		name   string
		values []string
	}{
		{"default values", nil},
		{"production-values.example.yaml", []string{filepath.Join(root, "deploy", "helm", "production-values.example.yaml")}},
	}
	for _, render := range renders {
		objects, err := RenderChart(chartDir, render.values, map[string]any{"router": map[string]any{"supergraph": string(supergraph)}})
		if err != nil {
			report.fail("chart with %s: %v", render.name, err)
			continue
		}
		result := CheckManifests(objects, Expectations{
			Subgraphs:      subgraphs,
			RouterConfig:   mustRead(filepath.Join(root, "router", "router.config.prod.yaml")),
			Realm:          mustRead(filepath.Join(root, "keycloak", "cycube-realm.json")),
			Supergraph:     string(supergraph),
			ExpectIngress:  render.values != nil,
			ExpectMonitors: render.values != nil,
			ExpectRealmJob: render.values != nil,
			ExpectPDBs:     render.values != nil,
			Web:            true,
		})
		report.merge("chart with "+render.name+": ", result)
	}
	report.merge("", LintChart(chartDir, map[string]any{"router": map[string]any{"supergraph": string(supergraph)}}))
	report.merge("router/router.config.prod.yaml: ", CheckRouterForwardingHeaders(
		mustRead(filepath.Join(root, "router", "router.config.prod.yaml")), true))
	report.merge("router/router.config.yaml: ", CheckRouterForwardingHeaders(
		mustRead(filepath.Join(root, "router", "router.config.yaml")), false))
	report.merge("deploy/prometheus/alerts.yml: ", CheckAlertRules(
		filepath.Join(root, "deploy", "prometheus", "alerts.yml"), filepath.Join(root, "docs", "operations.md")))
	report.merge("deploy/prometheus/prometheus.yml: ", CheckPrometheusConfig(
		filepath.Join(root, "deploy", "prometheus", "prometheus.yml"), subgraphs))
	report.merge("deploy/grafana: ", CheckGrafana(filepath.Join(root, "deploy", "grafana")))
	report.merge("compose.yaml: ", CheckCompose(root, subgraphs))
	report.merge("web image: ", CheckWebImage(filepath.Join(root, "web")))
	return report
}

func mustRead(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return string(data)
}
